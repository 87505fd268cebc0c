#!/usr/bin/env bash
# Prints (as its only stdout line) the absolute path of a working Temporal CLI binary.
# The Temporal TS SDK cannot download the dev server here, so tests pass this path to
# TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path } } }).
#
# Resolution order:
#   1. $TEMPORAL_CLI_PATH, if set and executable (override for machines without Go);
#   2. $(go env GOPATH)/bin/temporal, if it answers --version (fast path, < 1 s);
#   3. go install github.com/temporalio/cli/cmd/temporal@v1.5.1.
#      v1.5.1 is pinned: v1.6+ have a `replace` directive in go.mod, which `go install pkg@ver` rejects.
# All progress messages go to stderr so callers can do: cli="$(scripts/temporal/ensure-cli.sh)".
set -euo pipefail

readonly CLI_MODULE='github.com/temporalio/cli/cmd/temporal'
readonly CLI_VERSION='v1.5.1'

log() { printf 'ensure-cli: %s\n' "$*" >&2; }

if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
  if [[ -x "$TEMPORAL_CLI_PATH" ]]; then
    # Absolute path, in case the override was given relative to cwd.
    printf '%s\n' "$(cd "$(dirname "$TEMPORAL_CLI_PATH")" && pwd)/$(basename "$TEMPORAL_CLI_PATH")"
    exit 0
  fi
  log "TEMPORAL_CLI_PATH is set to '$TEMPORAL_CLI_PATH' but that is not an executable file."
  exit 1
fi

if ! command -v go >/dev/null 2>&1; then
  log "Go is not installed (needed to build the Temporal CLI ${CLI_VERSION})."
  log "Either install Go >= 1.25 (https://go.dev/dl/) and re-run, or download/build a Temporal CLI"
  log "yourself and set TEMPORAL_CLI_PATH=/absolute/path/to/temporal."
  exit 1
fi

# One `go env` call (each costs ~15 ms): line 1 GOBIN (often empty), line 2 GOPATH (may be a list).
{ read -r gobin; read -r gopath; } < <(go env GOBIN GOPATH)
[[ -n "$gobin" ]] || gobin="${gopath%%:*}/bin"
cli="${gobin}/temporal"

# Fast path: already built. `--version` guards against a truncated/foreign binary.
# It does not pin the version: any working CLI with start-dev is accepted.
if [[ -x "$cli" ]] && "$cli" --version >/dev/null 2>&1; then
  printf '%s\n' "$cli"
  exit 0
fi

log "building Temporal CLI ${CLI_VERSION} with 'go install' into ${gobin} (several minutes on a cold Go build cache)..."
# stdout of go install is redirected too: this script's stdout is reserved for the path.
GOBIN="$gobin" go install "${CLI_MODULE}@${CLI_VERSION}" >&2

if ! "$cli" --version >/dev/null 2>&1; then
  log "go install finished but '$cli --version' fails."
  exit 1
fi
log "built $("$cli" --version)"
printf '%s\n' "$cli"
