#!/usr/bin/env bash
# Run the whole test suite (core, CLI and GUI; the frozen-build tests stay out, as in every
# run, by pyproject's addopts) on PostgreSQL, in a private throwaway cluster on loopback.
#
#   bash packaging/postgres_test.sh [TEST PATHS...] [PYTEST ARGS...]
#
# Needs the project's .venv (bash packaging/setup.sh test makes it). Installs what is
# missing: the Debian postgresql package (apt-get, as root) and psycopg from the project's
# `postgres` extra. The cluster lives in a temp folder, listens on 127.0.0.1 only (port
# $SAMPADAK_PG_PORT, default 54329; trust auth for
# user postgres, SCRAM passwords for every other role), runs as the postgres user when started by
# root, uses the ICU hi-IN collation (a Hindi newsroom's server sorts text linguistically,
# unlike SQLite) and skips fsync (nothing in it outlives the run). It is stopped and removed
# on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${SAMPADAK_PG_PORT:-54329}"
DBNAME=sampadak_test
log() { echo "postgres_test: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; exit 1
  fi
}

pg_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

BIN="$(pg_bindir || true)"
if [ -z "$BIN" ]; then
  log "installing the Debian postgresql package with apt-get (first run only; output hidden)"
  as_root apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
  BIN="$(pg_bindir)" || { log "postgresql did not install"; exit 1; }
fi

if [ ! -x .venv/bin/python ]; then
  log ".venv is missing: run 'bash packaging/setup.sh test' first"; exit 1
fi
if ! .venv/bin/python -c 'import psycopg' 2>/dev/null; then
  log "installing the project's postgres extra (psycopg, a few MB from PyPI) into .venv"
  .venv/bin/python -m pip install -q -e ".[postgres]"
  .venv/bin/python -c 'import psycopg' ||
    { log "psycopg is still missing: does pyproject.toml define the 'postgres' extra?"; exit 1; }
fi

WORK="$(mktemp -d /tmp/sampadak-pg.XXXXXX)"
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then  # initdb refuses to run as root
  chown postgres: "$WORK"
  RUN_AS=(runuser -u postgres --)
fi
chmod 700 "$WORK"

cleanup() {
  local status=$?
  if [ -f "$WORK/data/postmaster.pid" ]; then
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "port $PORT is taken; set SAMPADAK_PG_PORT to a free port"; exit 1
fi

LOCALE_ARGS=(--locale=C.UTF-8)
if "$BIN/initdb" --help | grep -q -- --icu-locale; then
  LOCALE_ARGS+=(--locale-provider=icu --icu-locale=hi-IN)
fi
(cd "$WORK" && "${RUN_AS[@]}" "$BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 \
  "${LOCALE_ARGS[@]}" >"$WORK/initdb.log" 2>&1) ||
  { cat "$WORK/initdb.log" >&2; log "initdb failed"; exit 1; }
# Loopback TCP: user postgres (the tests' maintainer) stays trusted; every other role
# (the newsroom logins of the database-login tests) must give its SCRAM password.
"${RUN_AS[@]}" sh -c "printf '%s\n' 'host all postgres 127.0.0.1/32 trust' \
  'host all all 127.0.0.1/32 scram-sha-256' | cat - '$WORK/data/pg_hba.conf' \
  > '$WORK/data/pg_hba.new' && mv '$WORK/data/pg_hba.new' '$WORK/data/pg_hba.conf'"
(cd "$WORK" && "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
  start >/dev/null) || { cat "$WORK/server.log" >&2; log "server did not start"; exit 1; }
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DBNAME"
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $NF}') on 127.0.0.1:$PORT ($WORK)"

export SAMPADAK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/$DBNAME"
export QT_QPA_PLATFORM=offscreen
started=$SECONDS
status=0
# Test paths given as the first arguments replace the default selection (the whole suite,
# tests/): bash packaging/postgres_test.sh tests/gui/test_x.py -q
targets=(tests)
if [ "$#" -gt 0 ] && [ "${1#-}" = "$1" ]; then targets=(); fi
.venv/bin/python -m pytest "${targets[@]}" "$@" || status=$?
log "PostgreSQL test run took $((SECONDS - started)) s (exit $status)"
exit "$status"
