#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 on loopback for the tests.
# Usage: scripts/pg-throwaway.sh start DIR PORT  |  scripts/pg-throwaway.sh stop DIR
# Runs the server as the postgres user when called as root (postgres refuses root).
set -euo pipefail
action=$1; dir=$2; port=${3:-55433}
bin=/usr/lib/postgresql/15/bin
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w \
      -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "host=127.0.0.1 port=$port dbname=postgres user=postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
esac
