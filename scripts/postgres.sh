#!/usr/bin/env bash
# Ensures a local PostgreSQL server is running with a role and database `laketravis`, and prints its DSN
# on stdout (the only line this script writes to stdout; progress goes to stderr). Idempotent: run it as
# often as you like. Needs root on Debian/Ubuntu when PostgreSQL is not installed yet (it apt-get installs it).
#
#   export LT_TEST_POSTGRES_DSN="$(scripts/postgres.sh)"
#   DSN="$(scripts/postgres.sh --fresh lt_devnet)"   # another database of that role, dropped and made anew
#
# Arguments: a database name (default laketravis), made when missing; --fresh drops it first (a router's
# database for a new devnet must not hold another chain's events).
# Environment: PGPORT (default 5432), LT_PG_PASSWORD (default "laketravis", a local test password).
set -euo pipefail

DB=laketravis
FRESH=
for arg in "$@"; do
	case "$arg" in
	--fresh) FRESH=1 ;;
	-*) echo "postgres.sh: unknown option $arg (usage: scripts/postgres.sh [--fresh] [database])" >&2; exit 2 ;;
	*) DB="$arg" ;;
	esac
done
[[ -z "$FRESH" || "$DB" != laketravis ]] || { echo "postgres.sh: --fresh needs a database name of its own (the tests use laketravis)" >&2; exit 2; }
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "postgres.sh: database name $DB: lower-case letters, digits and _ only" >&2; exit 2; }

PORT="${PGPORT:-5432}"
PASSWORD="${LT_PG_PASSWORD:-laketravis}"
log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
	else
		sudo -u postgres "$@"
	fi
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	log "PostgreSQL server not found: installing it (apt-get)"
	export DEBIAN_FRONTEND=noninteractive
	# Wait for the package lock rather than fail: on a machine just booted, unattended upgrades hold it.
	apt-get -o DPkg::Lock::Timeout=600 update >&2
	apt-get -o DPkg::Lock::Timeout=600 install -y postgresql >&2
fi

if command -v pg_lsclusters >/dev/null; then
	# Debian's postgresql-common: make sure some cluster exists and is online on $PORT.
	if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
		ver="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
		log "creating cluster $ver/main"
		pg_createcluster --port "$PORT" "$ver" main >&2
	fi
	read -r ver name port status _ < <(pg_lsclusters -h | awk -v p="$PORT" '$3 == p' | head -n1) || true
	if [ -z "${ver:-}" ]; then
		read -r ver name port status _ < <(pg_lsclusters -h | head -n1)
		PORT="$port"
	fi
	if [ "$status" != "online" ]; then
		log "starting cluster $ver/$name on port $PORT"
		pg_ctlcluster "$ver" "$name" start >&2 || service postgresql start >&2
	fi
else
	service postgresql start >&2 || true
fi

for _ in $(seq 1 50); do
	if as_postgres psql -p "$PORT" -XtAc 'SELECT 1' >/dev/null 2>&1; then break; fi
	sleep 0.2
done
as_postgres psql -p "$PORT" -XtAc 'SELECT 1' >/dev/null || { log "PostgreSQL does not answer on port $PORT"; exit 1; }

psql_q() { as_postgres psql -p "$PORT" -XtAq -v ON_ERROR_STOP=1 "$@"; }
if [ "$(psql_q -c "SELECT 1 FROM pg_roles WHERE rolname = 'laketravis'")" != 1 ]; then
	log "creating role laketravis"
	psql_q -c "CREATE ROLE laketravis LOGIN PASSWORD '${PASSWORD//\'/\'\'}'"
else
	psql_q -c "ALTER ROLE laketravis LOGIN PASSWORD '${PASSWORD//\'/\'\'}'"
fi
# Tests create one database per test (CREATE DATABASE needs CREATEDB).
psql_q -c "ALTER ROLE laketravis CREATEDB"
if [ -n "$FRESH" ]; then
	log "dropping database $DB"
	psql_q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
fi
if [ "$(psql_q -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
	log "creating database $DB"
	psql_q -c "CREATE DATABASE $DB OWNER laketravis"
fi

echo "postgres://laketravis:${PASSWORD}@127.0.0.1:${PORT}/${DB}?sslmode=disable"
