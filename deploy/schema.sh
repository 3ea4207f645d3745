#!/bin/sh
# Creates and migrates Temporal's two PostgreSQL databases, exactly as temporalio/admin-tools does:
# create-database, setup-schema -v 0.0, update-schema -d <versioned dir>, for temporal and
# temporal_visibility. Every step is idempotent (an existing database is kept, the schema is brought
# up to the version of the schema files), so it runs before every start. POSIX sh: it runs in the
# admin-tools image (docker-compose.yml) and on the host (npm run start:postgres, test/postgres).
#
# Environment: SQL_PASSWORD (required), SQL_HOST (127.0.0.1), SQL_PORT (5432), SQL_USER (temporal),
# TEMPORAL_SCHEMA_DIR (/etc/temporal/schema, where admin-tools has them),
# TEMPORAL_SQL_TOOL (temporal-sql-tool). temporal-sql-tool reads the SQL_* variables itself, so the
# password never appears on a command line.
set -eu

fail() { echo "schema: FAILED: $*" >&2; exit 1; }
[ -n "${SQL_PASSWORD:-}" ] || fail "SQL_PASSWORD is not set (the password of the PostgreSQL user $SQL_USER)"
export SQL_PLUGIN=postgres12 SQL_HOST="${SQL_HOST:-127.0.0.1}" SQL_PORT="${SQL_PORT:-5432}" SQL_USER="${SQL_USER:-temporal}"
tool="${TEMPORAL_SQL_TOOL:-temporal-sql-tool}"
schema_dir="${TEMPORAL_SCHEMA_DIR:-/etc/temporal/schema}/postgresql/v12"
command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (set TEMPORAL_SQL_TOOL to the temporal-sql-tool binary)"

for db in temporal temporal_visibility; do
  case "$db" in temporal) versioned="$schema_dir/temporal/versioned" ;; *) versioned="$schema_dir/visibility/versioned" ;; esac
  [ -d "$versioned" ] || fail "no schema files at $versioned (set TEMPORAL_SCHEMA_DIR)"
  echo "schema: $db on $SQL_HOST:$SQL_PORT"
  "$tool" --db "$db" create-database || fail "create-database $db (is PostgreSQL up at $SQL_HOST:$SQL_PORT, and the user and password right?)"
  "$tool" --db "$db" setup-schema -v 0.0 || fail "setup-schema -v 0.0 on $db"
  "$tool" --db "$db" update-schema -d "$versioned" || fail "update-schema -d $versioned on $db"
done
echo "schema: temporal and temporal_visibility are up to date"
