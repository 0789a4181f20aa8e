#!/usr/bin/env bash
# Invoices throughput on SQLite, in documents per second, on the generator's data set:
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
clause() { (cd "$root" && "$build/batch/clause" -q --db "sqlite:$work/bench.sqlite" "$@"); }
seconds() { local s=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $s" | bc; }

"$build/batch/clause" -q generate --clients "$clients" --out "$work/csv"
clause init
clause import "$work/csv"
echo "data: clause generate --clients $clients"
t_statements=$(seconds clause statements --month 2026-10 --out "$work/out" || true)
t_invoices=$(seconds clause invoices --date 2026-11-01 --out "$work/out" || true)
t_rerun=$(seconds clause invoices --date 2026-11-01 --out "$work/out" || true)
count() { sqlite3 "$work/bench.sqlite" "select count(*) from issued_documents where kind = '$1'"; }
invoices=$(count invoice); credit_notes=$(count credit_note)
documents=$((invoices + credit_notes))
printf 'statements 2026-10: %s statements in %.1f s\n' "$(count statement)" "$t_statements"
printf 'invoices 2026-11-01: %d invoices + %d credit notes in %.1f s = %.0f documents/s\n' \
  "$invoices" "$credit_notes" "$t_invoices" "$(echo "$documents / $t_invoices" | bc -l)"
printf 'rerun of 2026-11-01: nothing new in %.1f s\n' "$t_rerun"
du -sh "$work/out/invoices" | awk '{print "files: " $1}'
