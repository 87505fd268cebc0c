#!/usr/bin/env bash
# Provisions the Java time-skipping test server (io.temporal:temporal-test-server, pinned in
# test-server/pom.xml) into <repo>/.data/temporal-test-server/ (gitignored) and prints, as its only
# stdout line, the absolute path of the wrapper to hand to the TS SDK:
#   TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })
# The SDK cannot download the server on these machines, hence this script.
#
# Env:
#   TEMPORAL_TEST_SERVER_PATH  if set (and executable), printed as-is; Java/Maven are then not needed.
#   JAVA_HOME                  if set, $JAVA_HOME/bin/java is used, else `java` from PATH.
#   TEMPORAL_TEST_SERVER_FORCE=1  re-provision even if the stamp is current.
#
# Idempotent: a stamp (sha256 of pom.xml + this script + the java binary path) short-circuits
# repeated runs in well under a second. A flock serialises parallel callers (Nx runs projects
# in parallel).
set -euo pipefail

log() { printf 'ensure-test-server: %s\n' "$*" >&2; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
wrapper="$script_dir/test-server.sh"
pom="$script_dir/test-server/pom.xml"
data="$repo_root/.data/temporal-test-server"
readonly main_class='io.temporal.testserver.TestServer'

if [[ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]]; then
  if [[ -x "$TEMPORAL_TEST_SERVER_PATH" ]]; then
    printf '%s\n' "$(cd "$(dirname "$TEMPORAL_TEST_SERVER_PATH")" && pwd)/$(basename "$TEMPORAL_TEST_SERVER_PATH")"
    exit 0
  fi
  log "TEMPORAL_TEST_SERVER_PATH='$TEMPORAL_TEST_SERVER_PATH' is not an executable file."
  exit 1
fi

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
elif java_bin="$(command -v java)"; then
  :
else
  log "Java (JDK/JRE >= 11) is not installed; it is needed to run the Temporal test server."
  log "Install it (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME,"
  log "or point TEMPORAL_TEST_SERVER_PATH at an executable that takes <port> and runs a test server."
  exit 1
fi
java_bin="$(readlink -f "$java_bin")"

# The CDS archive is only valid for the exact JVM and classpath it was dumped with, so both are
# part of the stamp; so is this script, since it generates the JVM flags.
stamp_key="$(cat "$pom" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1) $java_bin"
is_current() {
  [[ "${TEMPORAL_TEST_SERVER_FORCE:-0}" != 1 && -f "$data/stamp" && -f "$data/jvm.args" \
     && -x "$data/java" && "$(<"$data/stamp")" == "$stamp_key" ]]
}

if is_current; then printf '%s\n' "$wrapper"; exit 0; fi

mkdir -p "$data"
# Self-ignoring directory, in case the root .gitignore does not list .data/ yet.
[[ -f "$data/.gitignore" ]] || printf '*\n' > "$data/.gitignore"
exec 9>"$data/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if is_current; then printf '%s\n' "$wrapper"; exit 0; fi  # another process finished it meanwhile

if ! command -v mvn >/dev/null 2>&1; then
  log "Maven (mvn) is not installed; it is needed once to fetch io.temporal:temporal-test-server"
  log "and its dependencies from Maven Central. Install it (Debian: apt-get install maven), or set"
  log "TEMPORAL_TEST_SERVER_PATH to an executable that takes <port> and runs a test server."
  exit 1
fi

rm -f "$data/stamp"
rm -rf "$data/lib" "$data/app.jsa"
log "resolving io.temporal:temporal-test-server (pinned in $pom) with Maven into $data/lib ..."
# Copy (not just build-classpath) so the server keeps working if ~/.m2 is cleaned and the jars
# under the CDS archive never change. mvn's stdout goes to stderr: stdout is reserved for the path.
mvn -q -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$data/lib" >&2

# Explicit, sorted classpath: AppCDS checks it matches the dump-time classpath; a lib/* wildcard
# would depend on directory order.
classpath="$(find "$data/lib" -maxdepth 1 -name '*.jar' | LC_ALL=C sort | paste -sd: -)"

# Flags that shorten JVM start on 2 cores (measured; see the report in scripts/temporal):
#  - TieredStopAtLevel=1: C1 only, no C2 compile threads competing with startup;
#  - UseSerialGC: no parallel GC thread setup; tiny heap needs are fine for a test server;
#  - preferIPv4Stack: grpc binds the wildcard address; with IPv4 only, 127.0.0.1:<port> is always it.
# One argument per line: `java @file` argfile format.
common_args=(
  -XX:TieredStopAtLevel=1
  -XX:+UseSerialGC
  -XX:-UsePerfData
  -Djava.net.preferIPv4Stack=true
  -cp "$classpath"
)
printf '%s\n' "${common_args[@]}" > "$data/jvm-base.args"

# Dump an AppCDS archive from one short training run: start on a free-ish port, wait until it
# accepts TCP, then SIGTERM (a normal JVM exit, which triggers the dynamic archive dump).
port=$(( 20000 + RANDOM % 20000 ))
log "creating AppCDS archive (one training run on port $port) ..."
"$java_bin" @"$data/jvm-base.args" -XX:ArchiveClassesAtExit="$data/app.jsa" -Xlog:cds=off \
  -Xlog:cds+dynamic=off "$main_class" "$port" >/dev/null 2>&1 &
train_pid=$!
for _ in $(seq 1 300); do  # up to 30 s
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$train_pid" 2>/dev/null || break
  sleep 0.1
done
sleep 0.5
kill -TERM "$train_pid" 2>/dev/null || true
wait "$train_pid" 2>/dev/null || true

{
  cat "$data/jvm-base.args"
  # Xshare:auto (the default) silently falls back to no archive if it is missing or stale.
  if [[ -s "$data/app.jsa" ]]; then
    printf '%s\n' "-XX:SharedArchiveFile=$data/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
  else
    log "warning: AppCDS archive was not created; the server will start without it (slower)."
  fi
  printf '%s\n' "$main_class"
} > "$data/jvm.args"
ln -sfn "$java_bin" "$data/java"
printf '%s\n' "$stamp_key" > "$data/stamp"
log "ready: $wrapper <port>"
printf '%s\n' "$wrapper"
