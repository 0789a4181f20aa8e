#!/bin/bash
# Throughput of `clause worker` processes on PostgreSQL (issue 16): a generated month of CLIENTS
# clients (default 300) whose October night is done once by one process; then its November night
# (statements of 2026-11, invoices and credit notes of 2026-12-01) on copies of that database, by
# one process and by a coordinator with 1, 2... workers (WORKERS="1 2"), each on this machine.
# Prints wall time and documents per second of each job, and checks that every copy ends with the
# single run's files (SHA-256) and numbers.
#   bench/workers/run.sh "host=127.0.0.1 port=55442 user=postgres" [CLIENTS]
set -euo pipefail
server=${1:?usage: run.sh POSTGRES_SERVER_URL [CLIENTS]}
clients=${2:-300}
root=$(cd "$(dirname "$0")/../.." && pwd)
clause="${BUILD_DIR:-$root/build}/batch/clause"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
admin() { psql "$server dbname=postgres" -qAt -c "$1" >/dev/null 2>&1; }
base=clause_workers_bench_$$
admin "DROP DATABASE IF EXISTS $base"
admin "CREATE DATABASE $base"
"$clause" -q generate --clients "$clients" --out "$work/csv"
"$clause" -q --db "$server dbname=$base" init
"$clause" -q --db "$server dbname=$base" import "$work/csv"
"$clause" -q --db "$server dbname=$base" statements --month 2026-10 --out "$work/base-out" || true
"$clause" -q --db "$server dbname=$base" invoices --date 2026-11-01 --out "$work/base-out" || true
echo "$clients clients, November night on PostgreSQL, $(nproc) cores"

night() {   # night LABEL WORKERS
  local label=$1 n=$2 db=clause_workers_bench_$$_${1//-/_} out=$work/out-$1
  admin "DROP DATABASE IF EXISTS $db"
  admin "CREATE DATABASE $db TEMPLATE $base"
  cp -a "$work/base-out" "$out"
  local url="$server dbname=$db"
  for job in "statements --month 2026-11" "invoices --date 2026-12-01"; do
    local before after start end
    before=$(psql "$url" -qAt -c "SELECT count(*) FROM issued_documents")
    start=$(date +%s.%N)
    if [[ $n == 0 ]]; then
      "$clause" -q --db "$url" $job --out "$out" || true
    else
      "$clause" -q --db "$url" $job --out "$out" --workers &
      until [[ $(psql "$url" -qAt -c "SELECT count(*) FROM work_items") != 0 ]]; do sleep 0.05; done
      for i in $(seq 1 "$n"); do "$clause" -q --db "$url" worker --idle-exit 0.5 --name "w$i" & done
      wait
    fi
    end=$(date +%s.%N)
    after=$(psql "$url" -qAt -c "SELECT count(*) FROM issued_documents")
    awk -v l="$label" -v j="${job%% *}" -v s="$start" -v e="$end" -v d=$((after - before)) \
      'BEGIN { w = e - s; printf "  %-12s %-10s %6.1f s  %4d documents  %5.1f documents/s\n", l, j, w, d, d / w }'
  done
  (cd "$out" && find . -name '*.pdf' -o -name '*.xml' -o -name '*.xlsx' -o -name '*.tmp-*' | sort | xargs sha256sum) \
    > "$work/files-$label"
  psql "$url" -qAt -c "SELECT kind, contract_id, period, number FROM issued_documents WHERE number IS NOT NULL
                       ORDER BY number" > "$work/numbers-$label"
  admin "DROP DATABASE $db"
}

night single 0
for n in ${WORKERS:-1 2}; do
  night "$n-workers" "$n"
  if cmp -s "$work/files-single" "$work/files-$n-workers" && cmp -s "$work/numbers-single" "$work/numbers-$n-workers"
  then echo "  $n workers: the single run's files and numbers"
  else echo "  $n workers: DIFFERENT from the single run"; fi
done
admin "DROP DATABASE $base"
