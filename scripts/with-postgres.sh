#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on loopback, exported to it as
# SWITCHBOARD_TEST_PG. The server lives in a temporary directory owned by the `postgres`
# user, listens on 127.0.0.1 on a free port, and is stopped (and removed) on any exit.
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || { echo "with-postgres: no PostgreSQL server found (apt-get install postgresql)" >&2; exit 3; }

run_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

dir=$(mktemp -d /tmp/sb-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 54329)

cleanup() {
    run_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

run_pg "$PGBIN/initdb" -D "$dir/data" -U sb --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 3; }
run_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 3; }
"$PGBIN/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >/dev/null

export SWITCHBOARD_TEST_PG="postgresql://sb@127.0.0.1:$port/postgres"
export SWITCHBOARD_TEST_REQUIRE_PG=1
echo "with-postgres: throw-away server at $SWITCHBOARD_TEST_PG"
"$@"
