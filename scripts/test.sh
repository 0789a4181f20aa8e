#!/usr/bin/env bash
# Sets everything up and runs the whole test suite, against SQLite and against a real PostgreSQL 15
# started on loopback for the run (and stopped after it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
pgdir=$(mktemp -d /tmp/clause-pg.XXXXXX)
trap 'scripts/pg-throwaway.sh stop "$pgdir"' EXIT
export CLAUSE_TEST_PG=$(scripts/pg-throwaway.sh start "$pgdir" "${CLAUSE_PG_PORT:-55433}")
export CLAUSE_REQUIRE_PG=1
echo "PostgreSQL for the tests: $CLAUSE_TEST_PG"
# The fuzz targets first (fuzz/README.md): clang-14 + ASan/UBSan, regression inputs, then 20 s
# each; the suite's own summary stays the last thing printed.
scripts/fuzz.sh 20
log=$(mktemp)
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 900 | tee "$log"
# Nothing may be skipped here (PostgreSQL is required): a skip would hide a test that never ran,
# e.g. one whose suite set-up failed.
if grep -q '\*\*\*Skipped' "$log"; then
  echo "FAILED: tests were skipped:" >&2
  grep '\*\*\*Skipped' "$log" >&2
  exit 1
fi
