#!/usr/bin/env bash
# Provisions the Java time-skipping test server (io.temporal:temporal-test-server, pinned in
# test-server/pom.xml) under <repo>/.data/temporal-test-server/ (gitignored) and prints, as its only
# stdout line, the absolute path of the wrapper to hand to the TS SDK:
#   TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })
# (the SDK cannot download the server on these machines).
#
# Env:
#   TEMPORAL_TEST_SERVER_PATH     if set (and executable), printed as-is; Java/Maven are then not needed.
#   JAVA_HOME                     if set, $JAVA_HOME/bin/java is used, else `java` from PATH.
#   TEMPORAL_TEST_SERVER_FORCE=1  re-provision even if the stamp is current.
#
# Idempotent: a stamp (sha256 of pom.xml + this script, and the java path) short-circuits repeated
# runs (~20 ms). A flock serialises parallel callers (Nx runs projects in parallel). Each
# provisioning goes to its own directory and `current` is switched atomically, so a test server
# starting meanwhile never sees a half-written lib/.
set -euo pipefail

log() { printf 'ensure-test-server: %s\n' "$*" >&2; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
wrapper="$script_dir/test-server.sh"
pom="$script_dir/test-server/pom.xml"
data="$repo_root/.data/temporal-test-server"
# Our own main (test-server/LoopbackTestServer.java): the stock io.temporal.testserver.TestServer
# binds every interface, and a test server here must listen on 127.0.0.1 only.
readonly main_class='LoopbackTestServer'
main_source="$script_dir/test-server/LoopbackTestServer.java"

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
elif ! java_bin="$(command -v java)"; then
  log "Java (>= 11; 17 tested) is not installed; it is needed to run the Temporal test server."
  log "Install it (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME, or set"
  log "TEMPORAL_TEST_SERVER_PATH to an executable that takes <port> and runs a test server there."
  exit 1
fi
java_bin="$(readlink -f "$java_bin")"

# An AppCDS archive is only valid for the exact JVM and classpath it was dumped with, so the java
# path and the data dir (jvm.args holds absolute paths: a moved repo re-provisions) are in it,
# as are the pom and this script (it generates the JVM flags).
stamp_key="$(cat "$pom" "$main_source" "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)-$(printf '%s\n' "$java_bin" "$data" | sha256sum | cut -c1-8)"
is_current() {
  [[ "${TEMPORAL_TEST_SERVER_FORCE:-0}" != 1 && -f "$data/current/stamp" \
     && "$(<"$data/current/stamp")" == "$stamp_key" ]]
}

if is_current; then printf '%s\n' "$wrapper"; exit 0; fi

mkdir -p "$data"
# Self-ignoring directory, in case the root .gitignore stops listing .data/.
[[ -f "$data/.gitignore" ]] || printf '*\n' > "$data/.gitignore"
exec 9>"$data/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if is_current; then printf '%s\n' "$wrapper"; exit 0; fi

if ! command -v mvn >/dev/null 2>&1; then
  log "Maven (mvn) is not installed; it is needed once to fetch io.temporal:temporal-test-server and"
  log "its dependencies from Maven Central. Install it (Debian: apt-get install maven), or set"
  log "TEMPORAL_TEST_SERVER_PATH to an executable that takes <port> and runs a test server there."
  exit 1
fi

dir="$data/$stamp_key"
rm -rf "$dir"
mkdir -p "$dir"
log "resolving io.temporal:temporal-test-server (pinned in $pom) into $dir/lib ..."
# Copy (not just build-classpath) so the server keeps working if ~/.m2 is cleaned and the jars under
# the CDS archive never change. mvn's stdout goes to stderr: stdout is reserved for the path.
mvn -q -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$dir/lib" >&2

# Explicit, sorted classpath: AppCDS requires the run-time classpath to match the dump-time one,
# and a lib/* wildcard would depend on directory order.
jars="$(find "$dir/lib" -maxdepth 1 -name '*.jar' | LC_ALL=C sort | paste -sd: -)"

# Compile the loopback-only main against those jars (javac: the JDK that runs Maven has it).
javac_bin="$(dirname "$java_bin")/javac"
[[ -x "$javac_bin" ]] || javac_bin="$(command -v javac || true)"
if [[ -z "$javac_bin" ]]; then
  log "javac (a JDK >= 11) is needed once to compile the loopback-only test server main."
  exit 1
fi
mkdir -p "$dir/classes"
"$javac_bin" -nowarn -d "$dir/classes" -cp "$jars" "$main_source" >&2
# In a jar, not a directory: AppCDS refuses a classpath with a non-empty directory in it.
"$(dirname "$javac_bin")/jar" cf "$dir/loopback-test-server.jar" -C "$dir/classes" .
classpath="$dir/loopback-test-server.jar:$jars"

# JVM flags (one per line: `java @argfile` format). They cut start time on 2 cores (measured):
#  - TieredStopAtLevel=1: C1 JIT only, no C2 compiler threads competing with start-up;
#  - UseSerialGC: no parallel GC worker set-up; a test server's heap is small;
#  - -UsePerfData: no hsperfdata mmap file in /tmp;
#  - preferIPv4Stack: the loopback address resolves to 127.0.0.1, which the SDK dials.
printf '%s\n' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
  -Djava.net.preferIPv4Stack=true -cp "\"$classpath\"" > "$dir/jvm-base.args"  # quoted: spaces

# Dump an AppCDS archive from one training run: start, wait until the port accepts, then SIGTERM
# (a normal JVM exit, which writes the dynamic archive). Halves start time (measured).
port=$(( 20000 + RANDOM % 20000 ))
log "creating AppCDS archive (one training run on port $port) ..."
"$java_bin" @"$dir/jvm-base.args" -XX:ArchiveClassesAtExit="$dir/app.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off "$main_class" "$port" >/dev/null 2>&1 &
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
  cat "$dir/jvm-base.args"
  # Xshare:auto (the default) silently falls back to no archive if it is missing or stale.
  if [[ -s "$dir/app.jsa" ]]; then
    printf '%s\n' "-XX:SharedArchiveFile=\"$dir/app.jsa\"" -Xlog:cds=off -Xlog:cds+dynamic=off
  else
    log "warning: AppCDS archive was not created; the server will start without it (slower)."
  fi
  printf '%s\n' "$main_class"  # last: the wrapper appends the port after it
} > "$dir/jvm.args"
ln -sfn "$java_bin" "$dir/java"
printf '%s\n' "$stamp_key" > "$dir/stamp"

# Atomic switch, then prune older versions (running JVMs keep their open jars).
ln -sfn "$stamp_key" "$data/current.tmp"
mv -Tf "$data/current.tmp" "$data/current"
find "$data" -mindepth 1 -maxdepth 1 ! -name "$stamp_key" ! -name current ! -name .lock \
  ! -name .gitignore -exec rm -rf {} +
log "ready: $wrapper <port>"
printf '%s\n' "$wrapper"
