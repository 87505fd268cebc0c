#!/usr/bin/env bash
# Prints (as its only stdout line) the absolute path of a working Temporal CLI binary, the dev
# server the TS SDK is given with
#   TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path } } })
# (the SDK cannot download it on these machines).
#
# Resolution order:
#   1. $TEMPORAL_CLI_PATH, if set and executable (override for machines without Go);
#   2. <GOBIN or first GOPATH entry>/bin/temporal, if it answers --version (fast path, ~50 ms);
#   3. go install github.com/temporalio/cli/cmd/temporal@v1.5.1 (~7.5 min on 2 cores with a cold
#      Go build cache). v1.5.1 is pinned: v1.6+ have a `replace` directive in go.mod, which
#      `go install pkg@version` rejects.
# Progress and errors go to stderr, so callers can do: cli="$(scripts/temporal/ensure-cli.sh)".
set -euo pipefail

readonly CLI_MODULE='github.com/temporalio/cli/cmd/temporal'
readonly CLI_VERSION='v1.5.1'

log() { printf 'ensure-cli: %s\n' "$*" >&2; }
no_go() {
  log "Go is not installed (needed to build the Temporal CLI ${CLI_VERSION}; none found at $1)."
  log "Either install Go >= 1.25 (https://go.dev/dl/) and re-run, or download/build a Temporal CLI"
  log "yourself and set TEMPORAL_CLI_PATH=/absolute/path/to/temporal."
  exit 1
}

if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
  if [[ -x "$TEMPORAL_CLI_PATH" ]]; then
    # Absolute path, in case the override was given relative to cwd.
    printf '%s\n' "$(cd "$(dirname "$TEMPORAL_CLI_PATH")" && pwd)/$(basename "$TEMPORAL_CLI_PATH")"
    exit 0
  fi
  log "TEMPORAL_CLI_PATH is set to '$TEMPORAL_CLI_PATH' but that is not an executable file."
  exit 1
fi

if command -v go >/dev/null 2>&1; then
  have_go=1
  { read -r gobin; read -r gopath; } < <(go env GOBIN GOPATH)  # one call; GOBIN is often empty
else
  # Go not on PATH (e.g. a CI shell): still find a CLI built earlier at Go's default location.
  have_go=0 gobin="${GOBIN:-}" gopath="${GOPATH:-$HOME/go}"
fi
[[ -n "$gobin" ]] || gobin="${gopath%%:*}/bin"
cli="${gobin}/temporal"

# Fast path: already built. `--version` guards against a truncated or foreign binary. It does not
# pin the version (a go-installed CLI reports 0.0.0-DEV anyway): any CLI with start-dev will do.
if [[ -x "$cli" ]] && "$cli" --version >/dev/null 2>&1; then
  printf '%s\n' "$cli"
  exit 0
fi

[[ $have_go == 1 ]] || no_go "$cli"

log "building Temporal CLI ${CLI_VERSION} with 'go install' into ${gobin} (minutes on a cold Go build cache)..."
# go install's stdout goes to stderr too: this script's stdout is reserved for the path.
GOBIN="$gobin" go install "${CLI_MODULE}@${CLI_VERSION}" >&2

if ! "$cli" --version >/dev/null 2>&1; then
  log "go install finished but '$cli --version' fails."
  exit 1
fi
log "built: $("$cli" --version)"
printf '%s\n' "$cli"
