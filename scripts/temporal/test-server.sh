#!/usr/bin/env bash
# Temporal time-skipping test server launcher, spawned by @temporalio/testing as
#   { type: 'existing-path', path: '<this file>' }  →  test-server.sh <port>
# The SDK passes exactly one argument (the port) and SIGKILLs the process at teardown, so this
# must `exec` the JVM (a SIGKILLed shell would leave an orphaned java holding the port).
# Provisioned by scripts/temporal/ensure-test-server.sh (jars, flags, AppCDS archive in
# <repo>/.data/temporal-test-server/current). Listens on 127.0.0.1:<port> only (LoopbackTestServer.java).
set -euo pipefail

if [[ $# -ne 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 <port>" >&2
  exit 2
fi
data="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.data/temporal-test-server/current"
if [[ ! -f "$data/jvm.args" || ! -x "$data/java" ]]; then
  echo "$0: test server not provisioned; run scripts/temporal/ensure-test-server.sh first" >&2
  exit 1
fi
# `java` is a symlink to the JVM the CDS archive was dumped with; jvm.args ends with the main class.
exec "$data/java" @"$data/jvm.args" "$1"
