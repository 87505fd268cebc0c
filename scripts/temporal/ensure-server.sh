#!/usr/bin/env bash
# Prints (as its only stdout line) the absolute path of a working Temporal server binary
# (go.temporal.io/server v1.29.1, `temporal-server`), the production server the cluster topology
# (tests/faults/cluster-topology.fault-spec.ts, `npm run bench -- --topology cluster`) runs on
# PostgreSQL. Its schema tool sits beside it as `temporal-sql-tool` (the names the Docker images use).
#
# Resolution order:
#   1. $TEMPORAL_SERVER_PATH, if set and executable, with temporal-sql-tool in the same folder
#      (override for machines without Go);
#   2. <GOBIN or first GOPATH entry>/bin/temporal-server, if it answers --version (fast path);
#   3. go install go.temporal.io/server/cmd/server@v1.29.1 and .../cmd/tools/sql@v1.29.1 (minutes
#      on 2 cores; short when the Temporal CLI v1.5.1 was built before: they share most modules).
#      v1.29.1's go.mod has no `replace` directive, so `go install pkg@version` accepts it.
# `go install` names binaries after their package folders (`server`, `sql`): they are built into a
# folder of their own and moved into place under the image names, so nothing called `server` or
# `sql` lands on PATH. Progress and errors go to stderr: server="$(scripts/temporal/ensure-server.sh)".
set -euo pipefail

readonly SERVER_MODULE='go.temporal.io/server'
readonly SERVER_VERSION='v1.29.1'

log() { printf 'ensure-server: %s\n' "$*" >&2; }
works() { [[ -x "$1" ]] && "$1" --version >/dev/null 2>&1; }

if [[ -n "${TEMPORAL_SERVER_PATH:-}" ]]; then
  server="$(cd "$(dirname "$TEMPORAL_SERVER_PATH")" && pwd)/$(basename "$TEMPORAL_SERVER_PATH")"
  if works "$server" && works "$(dirname "$server")/temporal-sql-tool"; then
    printf '%s\n' "$server"
    exit 0
  fi
  log "TEMPORAL_SERVER_PATH is set to '$TEMPORAL_SERVER_PATH', but that is not a working temporal-server with temporal-sql-tool beside it."
  exit 1
fi

if command -v go >/dev/null 2>&1; then
  have_go=1
  { read -r gobin; read -r gopath; } < <(go env GOBIN GOPATH)
else
  have_go=0 gobin="${GOBIN:-}" gopath="${GOPATH:-$HOME/go}"
fi
[[ -n "$gobin" ]] || gobin="${gopath%%:*}/bin"
server="${gobin}/temporal-server"
sql_tool="${gobin}/temporal-sql-tool"

if works "$server" && works "$sql_tool"; then
  printf '%s\n' "$server"
  exit 0
fi

if [[ $have_go == 0 ]]; then
  log "Go is not installed (needed to build the Temporal server ${SERVER_VERSION}; none found at $server)."
  log "Either install Go >= 1.25 (https://go.dev/dl/) and re-run, or build temporal-server and temporal-sql-tool"
  log "yourself and set TEMPORAL_SERVER_PATH=/absolute/path/to/temporal-server."
  exit 1
fi

log "building the Temporal server ${SERVER_VERSION} and its schema tool with 'go install' into ${gobin} (minutes on a cold Go build cache)..."
mkdir -p "$gobin"
build="$(mktemp -d "${gobin}/.temporal-server-build.XXXXXX")"
trap 'rm -rf "$build"' EXIT
GOBIN="$build" go install "${SERVER_MODULE}/cmd/server@${SERVER_VERSION}" "${SERVER_MODULE}/cmd/tools/sql@${SERVER_VERSION}" >&2
# The schema tool first: the server's presence is what the fast path trusts.
mv -f "$build/sql" "$sql_tool"
mv -f "$build/server" "$server"

if ! works "$server" || ! works "$sql_tool"; then
  log "go install finished but '$server --version' or '$sql_tool --version' fails."
  exit 1
fi
log "built: $("$server" --version)"
printf '%s\n' "$server"
