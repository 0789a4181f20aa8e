#!/usr/bin/env bash
# A whole month on SQLite, phase by phase (issue 16): generate N clients, import them, issue the
# statements of MONTH, then the invoices and credit notes of the 1st of the next month. For each
# phase: wall time, documents per second, CPU % (200 % = both cores busy) and peak RSS, from
# /usr/bin/time -v; then the document engine's ratio to raw PoDoFo (bench/pdf) in the same run, so
# that the figures of one README row come from one machine state.
#   bench/month/run.sh                  # 10,000 clients, statements 2026-10, invoices 2026-11-01
#   bench/month/run.sh 1000 3000 10000  # several sizes in turn: cost per document and RSS flat
#   MONTH=2026-11 PDF_N=2000 bench/month/run.sh 1000
# BUILD_DIR overrides the build directory; KEEP=1 keeps the work directory (printed) for checks;
# CONFIG=FILE runs with that configuration (e.g. a copy with [documents] font_subsets = "exact").
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
month=${MONTH:-2026-10}
next=$(date -u -d "$month-01 +1 month" +%Y-%m-01)
pdf_n=${PDF_N:-2000}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000)
work=$(mktemp -d)
if [[ -n "${KEEP:-}" ]]; then echo "work directory: $work"; else trap 'rm -rf "$work"' EXIT; fi
clause="$build/batch/clause"
config=()
[[ -z "${CONFIG:-}" ]] || config=(--config "$CONFIG")
[[ ! -f "$build/CMakeCache.txt" ]] || cmake --build "$build" --target clause pdf_bench -j2 >/dev/null
cd "$root"

# phase LABEL DOCUMENTS_COMMAND -- COMMAND...: runs COMMAND under /usr/bin/time -v and prints one line;
# DOCUMENTS_COMMAND (a shell snippet run afterwards) prints how many documents the phase produced.
phase() {
  local label=$1 count=$2
  shift 3
  /usr/bin/time -v -o "$work/time" "$@" >"$work/phase.log" 2>&1 || { cat "$work/phase.log"; return 1; }
  local documents
  documents=$(eval "$count")
  /usr/bin/python3 - "$label" "$documents" "$work/time" <<'PY'
import re, sys
label, documents, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(path).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", text).group(1).strip()
clock = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
cpu = field("Percent of CPU this job got").rstrip("%")
rss = int(field("Maximum resident set size (kbytes)")) / 1024
rate = f", {documents / wall:.0f} documents/s, {1000 * wall / documents:.2f} ms each" if documents and wall else ""
print(f"  {label:<28} {wall:7.1f} s{rate}, CPU {cpu} %, peak RSS {rss:.0f} MB"
      + (f" ({documents} documents)" if documents else ""))
PY
}

for clients in "${sizes[@]}"; do
  db="$work/month-$clients.sqlite"
  out="$work/out-$clients"
  echo "$clients clients: statements $month, invoices and credit notes $next (SQLite)"
  count() { sqlite3 "$db" "select count(*) from issued_documents where $1"; }
  phase "generate" "echo 0" -- "$clause" -q generate --clients "$clients" --out "$work/csv-$clients"
  "$clause" -q --db "sqlite:$db" init
  phase "import" "echo 0" -- "$clause" -q --db "sqlite:$db" import "$work/csv-$clients"
  # A statement is two documents (PDF and XLSX).
  phase "statements $month" "echo \$((2 * \$(count \"kind = 'statement'\")))" -- \
    "$clause" "${config[@]}" -q --db "sqlite:$db" statements --month "$month" --out "$out" || true
  phase "invoices $next" "count \"kind in ('invoice', 'credit_note')\"" -- \
    "$clause" "${config[@]}" -q --db "sqlite:$db" invoices --date "$next" --out "$out" || true
  echo "  ($(count "kind = 'invoice'") invoices, $(count "kind = 'credit_note'") credit notes)"
  [[ -n "${KEEP:-}" ]] || rm -rf "$out" "$work/csv-$clients" "$db"
done

# The engine against raw PoDoFo on the same 2-page invoice, in this run (bench/pdf/pdf_bench.cc).
raw=$("$build/bench/pdf/pdf_bench" raw "$pdf_n")
engine=$("$build/bench/pdf/pdf_bench" engine "$pdf_n")
echo "pdf bench, $pdf_n documents:"
echo "  $raw"
echo "  $engine"
/usr/bin/python3 - "$raw" "$engine" <<'PY'
import re, sys
ms = [float(re.search(r"([0-9.]+) ms/document", line).group(1)) for line in sys.argv[1:]]
print(f"  engine / raw PoDoFo = {ms[1] / ms[0]:.2f}x wall")
PY
