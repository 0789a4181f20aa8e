#!/usr/bin/env bash
# Monthly statements for the generator's data set: wall time, documents per second and peak RSS,
# on SQLite and (when CLAUSE_TEST_PG names a server) on PostgreSQL.
#   bench/statements/run.sh            # 10,000 clients, month 2026-10
#   CLIENTS=1000 MONTH=2026-11 bench/statements/run.sh
# Each statement is two documents (PDF and XLSX). BUILD_DIR overrides the build directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
clients=${CLIENTS:-10000}
month=${MONTH:-2026-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clause="$build/batch/clause"
cd "$root"

"$clause" -q generate --clients "$clients" --out "$work/csv"
echo "data: clause generate --clients $clients; statements --month $month"

measure() {  # measure LABEL DB_URL
  local label=$1 db=$2
  "$clause" -q --db "$db" init
  "$clause" -q --db "$db" import "$work/csv"
  /usr/bin/time -f "%e %M" -o "$work/time" "$clause" -q --db "$db" statements --month "$month" --out "$work/out-$label" || true
  read -r wall rss_kb < "$work/time"
  local statements
  statements=$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['documents']))" "$work/out-$label/$month/manifest.json")
  local bytes
  bytes=$(du -sb "$work/out-$label" | cut -f1)
  /usr/bin/python3 - "$label" "$statements" "$wall" "$rss_kb" "$bytes" <<'PY'
import sys
label, n, wall, rss, size = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
docs = 2 * n
print(f"{label}: {n} statements ({docs} documents) in {wall:.1f} s = {docs / wall:.0f} documents/s, "
      f"{1000 * wall / n:.2f} ms per statement, peak RSS {rss / 1024:.0f} MB, output {size / 1e6:.0f} MB")
PY
}

measure sqlite "sqlite:$work/bench.db"
if [[ -n "${CLAUSE_TEST_PG:-}" ]]; then
  name=clause_bench_statements_$$
  psql "$CLAUSE_TEST_PG" -qAtc "CREATE DATABASE $name" >/dev/null
  measure postgresql "$CLAUSE_TEST_PG dbname=$name" || true
  psql "$CLAUSE_TEST_PG" -qAtc "DROP DATABASE $name WITH (FORCE)" >/dev/null
else
  echo "postgresql: skipped (CLAUSE_TEST_PG unset)"
fi
