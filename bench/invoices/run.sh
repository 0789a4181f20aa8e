#!/usr/bin/env bash
# Invoices throughput, in documents per second, on the generator's data set, on SQLite and (when
# CLAUSE_TEST_PG names a server) on PostgreSQL:
#   bench/invoices/run.sh            (CLIENTS=10000 by default; BUILD_DIR overrides build/)
# generate -> init -> import -> statements --month 2026-10 -> invoices --date 2026-11-01, then the
# same date again (a rerun: everything found, nothing issued). Each invoice or credit note is a
# Factur-X PDF written atomically (fsync + rename) and recorded in its own transaction.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
clients=${CLIENTS:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --build "$build" --target clause -j2 >/dev/null
seconds() { local s=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $s" | bc; }

"$build/batch/clause" -q generate --clients "$clients" --out "$work/csv"
echo "data: clause generate --clients $clients"

measure() {  # measure LABEL DB_URL COUNT_COMMAND...
  local label=$1 db=$2
  shift 2
  clause() { (cd "$root" && "$build/batch/clause" -q --db "$db" "$@"); }
  count() { "$@" "select count(*) from issued_documents where kind = '$kind'"; }
  local out="$work/out-$label"
  clause init
  clause import "$work/csv"
  local t_statements t_invoices t_rerun
  t_statements=$(seconds clause statements --month 2026-10 --out "$out" || true)
  t_invoices=$(seconds clause invoices --date 2026-11-01 --out "$out" || true)
  t_rerun=$(seconds clause invoices --date 2026-11-01 --out "$out" || true)
  local kind statements invoices credit_notes
  kind=statement; statements=$(count "$@")
  kind=invoice; invoices=$(count "$@")
  kind=credit_note; credit_notes=$(count "$@")
  printf '%s: statements 2026-10: %s statements in %.1f s\n' "$label" "$statements" "$t_statements"
  printf '%s: invoices 2026-11-01: %d invoices + %d credit notes in %.1f s = %.0f documents/s\n' "$label" \
    "$invoices" "$credit_notes" "$t_invoices" "$(echo "($invoices + $credit_notes) / $t_invoices" | bc -l)"
  printf '%s: rerun of 2026-11-01: nothing new in %.1f s\n' "$label" "$t_rerun"
}

measure sqlite "sqlite:$work/bench.sqlite" sqlite3 "$work/bench.sqlite"
if [[ -n "${CLAUSE_TEST_PG:-}" ]]; then
  name=clause_bench_invoices_$$
  psql "$CLAUSE_TEST_PG" -qAtc "CREATE DATABASE $name" >/dev/null
  measure postgresql "$CLAUSE_TEST_PG dbname=$name" psql "$CLAUSE_TEST_PG dbname=$name" -qAtc || true
  psql "$CLAUSE_TEST_PG" -qAtc "DROP DATABASE $name WITH (FORCE)" >/dev/null
else
  echo "postgresql: skipped (CLAUSE_TEST_PG unset)"
fi
