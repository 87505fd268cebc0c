#!/usr/bin/env bash
# Runs once, when the postgres image initialises an empty data volume (docker-entrypoint-initdb.d).
# It will not run again on an existing volume: to change these roles later, use psql.
#
# Why this exists: `npm run db:setup` (the compose `setup` service) creates the database as the
# superuser when it is missing, so the superuser would own it and the schema. We want a separate,
# non-superuser schema owner that runs the migrations (DATABASE_MIGRATION_URL), and an application
# login (DATABASE_URL, created by db:setup) that owns nothing, so it cannot disable the audit
# table's append-only triggers.
#
# The names must match the URLs in docker-compose.yml. `cluster_app` is the group role the first
# migration grants table privileges to (APP_GROUP_ROLE in libs/persistence); creating it here means
# the owner does not need CREATEROLE (the migration only creates it when it is missing).
#
# No `set -u`/`exit`: the entrypoint sources *.sh files that are not executable, so this must not
# change its shell options; `${VAR:?}` and ON_ERROR_STOP still abort the initialisation on error.

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set owner_password="${CLUSTER_OWNER_DB_PASSWORD:?CLUSTER_OWNER_DB_PASSWORD is required}" <<'EOSQL'
CREATE ROLE cluster_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE cluster_app NOLOGIN;
CREATE DATABASE cluster_cases OWNER cluster_owner;
-- Only the owner and the application's roles connect to the application database.
REVOKE ALL ON DATABASE cluster_cases FROM PUBLIC;
GRANT CONNECT ON DATABASE cluster_cases TO cluster_app;
EOSQL
