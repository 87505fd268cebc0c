#!/bin/sh
# Prepares a Temporal cluster for this product, in two phases, each safe to run again:
#
#   setup.sh schema     before the server starts: creates the two databases and brings their schema
#                       to the version of the tool (temporal-sql-tool, postgres12 plugin, the tool's
#                       embedded postgresql/v12 schemas, so no schema folder has to be found);
#   setup.sh namespace  once the server answers: registers the namespace and the case workflows'
#                       search attributes (SEARCH_ATTRIBUTES_FILE, the list in
#                       scripts/lib/temporal-search-attributes.json), and waits until the
#                       frontend accepts a query on each, so a worker never meets an unknown one.
#
# The same script runs in docker-compose.yml (temporalio/admin-tools) and in the cluster topology
# on this machine (tests/support/cluster-temporal.ts), with the binaries on PATH and:
#   TEMPORAL_DB_HOST, TEMPORAL_DB_PORT [5432], TEMPORAL_DB_USER, TEMPORAL_DB_PASSWORD,
#   TEMPORAL_DB_NAME [temporal], TEMPORAL_VISIBILITY_DB_NAME [temporal_visibility]   (schema)
#   TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE [default], TEMPORAL_RETENTION [168h],
#   SEARCH_ATTRIBUTES_FILE                                                               (namespace)
# POSIX sh only: the admin-tools image is Alpine (busybox), without bash or jq.
set -eu

log() { printf 'temporal setup: %s\n' "$*" >&2; }
# Runs a command, showing its (chatty) output only when it fails.
quietly() { out=$("$@" 2>&1) || { printf '%s\n' "$out" >&2; return 1; }; }

schema() {
  : "${TEMPORAL_DB_HOST:?}" "${TEMPORAL_DB_USER:?}"
  # temporal-sql-tool reads its connection from these.
  export SQL_PLUGIN=postgres12 SQL_HOST="$TEMPORAL_DB_HOST" SQL_PORT="${TEMPORAL_DB_PORT:-5432}"
  export SQL_USER="$TEMPORAL_DB_USER" SQL_PASSWORD="${TEMPORAL_DB_PASSWORD:-}"
  for pair in "${TEMPORAL_DB_NAME:-temporal}:temporal" "${TEMPORAL_VISIBILITY_DB_NAME:-temporal_visibility}:visibility"; do
    db="${pair%%:*}" schema_name="postgresql/v12/${pair##*:}"
    log "database $db: schema $schema_name"
    # create-database passes over an existing database; setup-schema -v 0.0 makes only the
    # version tables (kept when present); update-schema applies what is missing, nothing twice.
    quietly temporal-sql-tool --db "$db" create-database
    quietly temporal-sql-tool --db "$db" setup-schema -v 0.0
    quietly temporal-sql-tool --db "$db" update-schema --schema-name "$schema_name"
  done
}

# The "Name": "Type" lines of the JSON list ("//", the comment, is no name).
search_attributes() {
  sed -n 's/^[[:space:]]*"\([A-Za-z][A-Za-z0-9_]*\)"[[:space:]]*:[[:space:]]*"\([A-Za-z]*\)"[[:space:]]*,\{0,1\}[[:space:]]*$/\1 \2/p' "$1"
}

namespace() {
  : "${TEMPORAL_ADDRESS:?}" "${SEARCH_ATTRIBUTES_FILE:?}"
  ns="${TEMPORAL_NAMESPACE:-default}"
  tries=0
  until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 150 ] || { log "no Temporal server answers at $TEMPORAL_ADDRESS"; exit 1; }
    sleep 1
  done
  if ! temporal operator namespace describe --namespace "$ns" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
    log "registering namespace $ns"
    temporal operator namespace create --namespace "$ns" --retention "${TEMPORAL_RETENTION:-168h}" --address "$TEMPORAL_ADDRESS"
  fi
  names=$(search_attributes "$SEARCH_ATTRIBUTES_FILE")
  [ -n "$names" ] || { log "no search attributes in $SEARCH_ATTRIBUTES_FILE"; exit 1; }
  # One call per attribute: an attribute that exists with the same type is accepted again. A
  # namespace just registered is unknown to the frontend for a few seconds: asked again meanwhile.
  echo "$names" | while read -r name type; do
    tries=0
    until temporal operator search-attribute create --namespace "$ns" --name "$name" --type "$type" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
      tries=$((tries + 1))
      [ "$tries" -lt 60 ] || { log "search attribute $name not registered after a minute"; exit 1; }
      sleep 1
    done
  done
  # The frontend learns of a new namespace and new attributes with a short delay.
  echo "$names" | while read -r name type; do
    tries=0
    until temporal workflow count --namespace "$ns" --query "$name IS NULL" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
      tries=$((tries + 1))
      [ "$tries" -lt 60 ] || { log "search attribute $name not usable after a minute"; exit 1; }
      sleep 1
    done
  done
  log "namespace $ns with search attributes: $(echo "$names" | cut -d' ' -f1 | tr '\n' ' ')"
}

case "${1:-}" in
  schema) schema ;;
  namespace) namespace ;;
  *) log "usage: setup.sh schema | namespace"; exit 2 ;;
esac
