#!/usr/bin/env bash
# Import throughput on SQLite and PostgreSQL, in rows per second.
#   bench/import/run.sh [CSV_DIR]
# Without CSV_DIR: the generator's data set (`clause generate --clients 10000`). PostgreSQL is measured when
# CLAUSE_TEST_PG names a server (a scratch database is created and dropped). BUILD_DIR overrides
# the build directory (default build).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
clients=${CLIENTS:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --build "$build" --target import_bench -j2 >/dev/null
dir=${1:-}
if [[ -z "$dir" ]]; then
  dir=$work/csv
  "$build/batch/clause" -q generate --clients "$clients" --out "$dir"
  echo "data: clause generate --clients $clients"
fi

"$build/bench/import_bench" "sqlite:$work/bench.sqlite" "$dir"

if [[ -n "${CLAUSE_TEST_PG:-}" ]]; then
  name=clause_bench_$$
  psql "$CLAUSE_TEST_PG" -qAtc "CREATE DATABASE $name" >/dev/null
  "$build/bench/import_bench" "$CLAUSE_TEST_PG dbname=$name" "$dir" || status=$?
  psql "$CLAUSE_TEST_PG" -qAtc "DROP DATABASE $name WITH (FORCE)" >/dev/null
  exit "${status:-0}"
else
  echo "postgresql: skipped (CLAUSE_TEST_PG unset)"
fi
