#!/usr/bin/env bash
# Writes the seed files of fuzz/corpus/<target>/ from the project's own fixtures: the import corpus
# (tests/import_corpus), the shipped configuration (config/) and the French templates (templates/fr).
# Each seed is one selector byte (see the layout comment opening each fuzz/<target>.cc) followed
# by the file. Run from anywhere; it only adds or overwrites files named seed-*, so inputs that
# longer fuzzing runs merged into the corpus are kept.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"

seed() {  # seed TARGET NAME BYTE FILE: writes corpus/TARGET/seed-NAME = BYTE + FILE
  mkdir -p "$corpus/$1"
  { printf "\\x$(printf %02x "$3")"; cat "$4"; } > "$corpus/$1/seed-$2"
}

# CSV import: file index in load order (store/csv_import.cc import_file_names()), with context (0x10).
files=(accounts people contracts services fee_revisions incidents outages interventions support_tickets
       root_access_periods backups mail_usage price_indices prior_invoices payments reversibility_requests)
for i in "${!files[@]}"; do
  for case_dir in "$root"/tests/import_corpus/*/; do
    case_name=$(basename "$case_dir")
    [[ $case_name == huge_field ]] && continue   # 70 kB, past -max_len: tests/store covers it
    f="$case_dir${files[$i]}.csv"
    [[ -f $f ]] && seed csv_import_fuzz "$case_name-${files[$i]}" $((0x10 | i)) "$f"
  done
done
seed csv_import_fuzz "alone-accounts" 0 "$root/tests/import_corpus/base/accounts.csv"
seed csv_import_fuzz "alone-incidents" 5 "$root/tests/import_corpus/base/incidents.csv"

# TOML settings: 0 = terms profile, 1 = configuration.
for f in "$root"/config/terms/*.toml; do seed settings_fuzz "terms-$(basename "$f" .toml)" 0 "$f"; done
seed settings_fuzz "config-clause" 1 "$root/config/clause.toml"

# Templates: kind index (invoice, credit_note, statement, sample); | 4 | partial << 3 for a partial.
# The layouts with the French words put in ({{@key}} -> templates/fr/wording.json), as the target loads them.
kinds=(invoice credit_note statement sample)
composed_dir=$(mktemp -d)
trap 'rm -rf "$composed_dir"' EXIT
compose() {  # compose LAYOUT SECTION OUT
  /usr/bin/python3 - "$1" "$2" "$root/templates/fr/wording.json" >"$3" <<'PY'
import json, re, sys
words = json.load(open(sys.argv[3], encoding="utf-8")).get(sys.argv[2], {})
text = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.write(re.sub(r"\{\{@([^}]*)\}\}", lambda m: words[m.group(1)], text))
PY
}
mapfile -t partials < <(cd "$root/templates/layouts/partials" && ls | sort)
for k in "${!kinds[@]}"; do
  main="$composed_dir/${kinds[$k]}.xml.mustache"
  compose "$root/templates/layouts/${kinds[$k]}.xml.mustache" "${kinds[$k]}" "$main"
  seed template_fuzz "${kinds[$k]}" "$k" "$main"
  for p in "${!partials[@]}"; do
    name=${partials[$p]%.mustache}
    if grep -q "{{> *$name *}}" "$main" || { [[ $name == guarantee && ${kinds[$k]} == statement ]]; }; then
      compose "$root/templates/layouts/partials/${partials[$p]}" "partials/$name" "$composed_dir/$name.mustache"
      seed template_fuzz "${kinds[$k]}-$name" $((k | 4 | p << 3)) "$composed_dir/$name.mustache"
    fi
  done
done
# The broken-template corpus, as main templates of the sample kind: unknown keys, but every
# syntax error the validator knows.
for f in "$root"/tests/template_corpus/*/doc.xml.mustache; do
  seed template_fuzz "broken-$(basename "$(dirname "$f")")" 3 "$f"
done
