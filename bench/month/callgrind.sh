#!/usr/bin/env bash
# Instructions per statement and per invoice (issue 16), counted by callgrind, which does not
# depend on what else the machine runs (wall times on a shared machine do). A small generated set
# (CLIENTS, default 200) is imported outside callgrind; then the statements of MONTH and the
# invoices and credit notes of the 1st of the next month each run once under callgrind. A
# figure is the whole command's instruction count (start-up, template and font loading included)
# divided by its documents, as the month's run pays it.
#   bench/month/callgrind.sh                 # 200 clients, 2026-10 then 2026-11-01
#   CLIENTS=100 TOP=25 bench/month/callgrind.sh
# PHASES=invoices counts the invoices only (the statements still run before them, uncounted).
# TOP=N also prints the N most expensive functions (inclusive) of each phase; KEEP=1 keeps the
# callgrind.out files (the work directory is printed) for callgrind_annotate or kcachegrind;
# CONFIG=FILE runs the statements and invoices with that configuration.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
clients=${CLIENTS:-200}
month=${MONTH:-2026-10}
next=$(date -u -d "$month-01 +1 month" +%Y-%m-01)
work=$(mktemp -d)
if [[ -n "${KEEP:-}" ]]; then echo "work directory: $work"; else trap 'rm -rf "$work"' EXIT; fi
clause="$build/batch/clause"
db="$work/callgrind.sqlite"
config=()
[[ -z "${CONFIG:-}" ]] || config=(--config "$CONFIG")
[[ ! -f "$build/CMakeCache.txt" ]] || cmake --build "$build" --target clause -j2 >/dev/null
cd "$root"

"$clause" -q generate --clients "$clients" --out "$work/csv"
"$clause" -q --db "sqlite:$db" init
"$clause" -q --db "sqlite:$db" import "$work/csv"
count() { sqlite3 "$db" "select count(*) from issued_documents where $1"; }

# measure LABEL UNIT KIND_SQL COMMAND...: one callgrind run, instructions per issued document of
# the kinds KIND_SQL selects (UNIT names one in the output).
measure() {
  local label=$1 unit=$2 kinds=$3
  shift 3
  local file="$work/callgrind.out.$label"
  # Exit code 1 (some contracts skipped, as the generated set has on purpose) still counts.
  local status=0
  valgrind --tool=callgrind --callgrind-out-file="$file" "$@" >"$work/$label.log" 2>&1 || status=$?
  if ((status > 1)); then cat "$work/$label.log"; return 1; fi
  local total documents
  total=$(sed -n 's/^summary: *//p' "$file" | head -1)
  [[ -n "$total" ]] || total=$(sed -n 's/^totals: *//p' "$file" | head -1)
  documents=$(count "$kinds")
  /usr/bin/python3 -c "import sys; t, n = int(sys.argv[1]), int(sys.argv[2]); \
print(f'{sys.argv[3]}: {t / 1e6:,.0f} M instructions for {n} = {t / n / 1e6:.1f} M per {sys.argv[4]}')" \
    "$total" "$documents" "$label" "$unit"
  if [[ -n "${TOP:-}" ]]; then
    callgrind_annotate --inclusive=yes "$file" 2>/dev/null | sed -n '/^-\+$/,$p' | grep -v '^-' | head -n "$((TOP + 3))" || true
  fi
}

echo "$clients generated clients, SQLite, instructions counted by callgrind"
phases=${PHASES:-statements invoices}
if [[ " $phases " == *" statements "* ]]; then
  measure statements statement "kind = 'statement'" "$clause" "${config[@]}" -q --db "sqlite:$db" statements --month "$month" --out "$work/out"
else   # the invoices follow the statements, as in a month: run them, uncounted
  "$clause" "${config[@]}" -q --db "sqlite:$db" statements --month "$month" --out "$work/out" || (($? == 1))
fi
[[ " $phases " != *" invoices "* ]] ||
measure invoices "invoice or credit note" "kind in ('invoice', 'credit_note')" "$clause" "${config[@]}" -q --db "sqlite:$db" invoices --date "$next" --out "$work/out"
echo "(a statement is one PDF and one XLSX; invoices include the credit notes of the same date)"
