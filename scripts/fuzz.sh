#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang-14 under ASan+UBSan in build-fuzz/, replays the
# regression inputs of fuzz/regressions/<target>/, then fuzzes each target for SECONDS (default 20)
# from a fresh copy of its committed corpus fuzz/corpus/<target>/. Prints, per target, the
# executions, exec/s, coverage (cov: edges, ft: features, from libFuzzer's final status line) and
# crashes; exits non-zero when any regression input or fuzzing run crashed (a sanitizer or leak
# report, a broken invariant, an uncaught exception, a timeout or running out of memory).
#   scripts/fuzz.sh [SECONDS]      CLAUSE_FUZZ_BUILD=dir to build elsewhere than build-fuzz
set -euo pipefail
seconds=${1:-20}
cd "$(dirname "$0")/.."
root=$(pwd)
build=${CLAUSE_FUZZ_BUILD:-$root/build-fuzz}
targets=(csv_import_fuzz settings_fuzz template_fuzz)
declare -A max_len=([csv_import_fuzz]=4096 [settings_fuzz]=8192 [template_fuzz]=20000)

launcher=()
if command -v ccache > /dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
mkdir -p "$build"
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCLAUSE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "${launcher[@]}" > "$build/fuzz-configure.log" 2>&1 || { cat "$build/fuzz-configure.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" > "$build/fuzz-build.log" 2>&1 ||
  { tail -50 "$build/fuzz-build.log" >&2; exit 1; }

# The targets write each input to files: on tmpfs when there is one (ext4 flushes rewritten files).
shm=/dev/shm
[[ -d $shm && -w $shm ]] || shm=$build
scratch=$(mktemp -d "$shm/clause-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch
# Quarantine kept small: a run of minutes would otherwise hold 256 MB of freed blocks per target.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

runs=$build/fuzz-runs
mkdir -p "$runs"
failed=0
summary=()
for t in "${targets[@]}"; do
  bin=$build/fuzz/$t
  # 1. Regression inputs: every input that once crashed, run once each as a plain input.
  regressions=0
  if compgen -G "fuzz/regressions/$t/*" > /dev/null; then
    regressions=$(ls "fuzz/regressions/$t" | wc -l)
    if ! "$bin" -timeout=30 fuzz/regressions/$t/* > "$runs/$t.regressions.log" 2>&1; then
      echo "FAILED: $t: a regression input of fuzz/regressions/$t crashes again:" >&2
      grep -E "^Running:|ERROR|SUMMARY|INVARIANT|terminate" "$runs/$t.regressions.log" | tail -20 >&2
      failed=1
    fi
  fi
  # 2. Fuzzing from a fresh copy of the committed corpus, so that the figures of two runs compare.
  work=$runs/$t.corpus
  artifacts=$runs/$t.artifacts
  rm -rf "$work" "$artifacts"
  cp -r "fuzz/corpus/$t" "$work"
  mkdir -p "$artifacts"
  dict=()
  [[ -f fuzz/dict/$t.dict ]] && dict=(-dict="fuzz/dict/$t.dict")
  rc=0
  "$bin" "${dict[@]}" -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" > "$runs/$t.log" 2>&1 || rc=$?
  status=$(grep -E '^#[0-9]+' "$runs/$t.log" | tail -1)
  field() { sed -nE "s/.* $1: ([0-9]+).*/\\1/p" <<< "$status"; }
  final_stat() { sed -nE "s/^stat::$1: *([0-9]+)/\\1/p" "$runs/$t.log"; }
  crashes=$(find "$artifacts" -type f | wc -l)
  if (( rc != 0 )) && (( crashes == 0 )); then crashes=1; fi
  summary+=("$(printf '%-16s %10s %8s %7s %7s %8s %12s' "$t" "$(final_stat number_of_executed_units)" \
    "$(final_stat average_exec_per_sec)" "$(field cov)" "$(field ft)" "$crashes" "$regressions")")
  if (( crashes > 0 )); then
    echo "FAILED: $t crashed after fuzzing (log $runs/$t.log, input in $artifacts):" >&2
    grep -E "ERROR|SUMMARY|INVARIANT|terminate|Test unit written" "$runs/$t.log" | tail -20 >&2
    failed=1
  fi
done

echo "fuzzing: ${seconds} s per target, ASan+UBSan, corpus fuzz/corpus/<target>, logs in $runs"
printf '%-16s %10s %8s %7s %7s %8s %12s\n' target executions exec/s cov ft crashes regressions
printf '%s\n' "${summary[@]}"
exit "$failed"
