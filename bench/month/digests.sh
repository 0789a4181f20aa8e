#!/usr/bin/env bash
# The SHA-256 of every document a build writes, to show that a speed change leaves the bytes alone
# (issue 16): `clause demo` (samples/, its nights) and a generated month (statements of MONTH,
# invoices and credit notes of the 1st of the next) on SQLite. Prints one "digest  path" line per
# file, paths relative to the output folder, sorted; compare two builds with diff:
#   bench/month/digests.sh > before.txt; (change, rebuild); bench/month/digests.sh > after.txt
#   CLIENTS=100 BUILD_DIR=build-other bench/month/digests.sh
# Files that record the run itself (manifests and night reports under nightly/, which hold run ids and
# times) are
# left out: they are not documents.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
clients=${CLIENTS:-60}
month=${MONTH:-2026-10}
next=$(date -u -d "$month-01 +1 month" +%Y-%m-01)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clause="$build/batch/clause"

# The shipped configuration with its database and output in the work directory.
mkdir -p "$work/config" "$work/var"
sed -e "s|\.\./var/|$work/var/|g" -e "s|\"\.\./out\"|\"$work/demo\"|" -e "s|\"\.\./templates\"|\"$root/templates\"|" \
  "$root/config/clause.toml" > "$work/config/clause.toml"
for f in "$root"/config/*; do [[ -e "$work/config/$(basename "$f")" ]] || cp -r "$f" "$work/config/"; done
(cd "$root" && "$clause" -q --config "$work/config/clause.toml" demo >"$work/demo.log" 2>&1) ||
  { cat "$work/demo.log" >&2; exit 1; }

(cd "$root" && "$clause" -q generate --clients "$clients" --out "$work/csv" &&
  "$clause" -q --db "sqlite:$work/month.sqlite" init &&
  "$clause" -q --db "sqlite:$work/month.sqlite" import "$work/csv" &&
  { "$clause" -q --db "sqlite:$work/month.sqlite" statements --month "$month" --out "$work/month" || true; } &&
  { "$clause" -q --db "sqlite:$work/month.sqlite" invoices --date "$next" --out "$work/month" || true; }) \
  >"$work/month.log" 2>&1 || { cat "$work/month.log" >&2; exit 1; }

cd "$work"
find demo month -type f \( -name '*.pdf' -o -name '*.xlsx' -o -name '*.xml' -o -name '*.csv' \) -not -path '*/nightly/*' -print0 |
  sort -z | xargs -0 sha256sum
