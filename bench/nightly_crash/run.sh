#!/usr/bin/env bash
# The nightly run under SIGKILL, bigger than the suite's test (tests/batch/nightly_crash_test.cc):
# a generated data set of CLIENTS clients, the nights of 2026-11-01 and 2026-12-01 killed KILLS times
# at random points (document boundaries and random instants) and rerun after each kill, then
# compared with an uninterrupted run: same numbers, byte-identical files, ledger and files one to
# one, no temporary file. Prints the kills, the runs and the time of an uninterrupted run.
#   bench/nightly_crash/run.sh [CLIENTS] [KILLS]      (defaults 300 and 100; build/ must be built)
set -euo pipefail
cd "$(dirname "$0")/../.."
export CLAUSE_CRASH_CLIENTS=${1:-300} CLAUSE_CRASH_KILLS=${2:-100}
start=$(date +%s)
build/tests/batch_tests --gtest_filter='NightlyCrash.*' | grep -E '^nightly crash:|OK|FAILED'
echo "wall time: $(( $(date +%s) - start )) s"
