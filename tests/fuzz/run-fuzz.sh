#!/bin/sh
# run-fuzz.sh SRCDIR BUILDDIR NAME [SECONDS] — one fuzz target under
# libFuzzer for SECONDS (default 60, or $JUE_FUZZ_SECONDS), as a test of
# the "fuzzing" suite (tools/run-tests.sh runs it, so .ci/run does).
#
# The targets are built with clang (libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer) once, in BUILDDIR/fuzz-clang.  The corpus
# grows with what the fuzzer finds: new inputs go to BUILDDIR/fuzz-corpus/NAME,
# read together with the saved seeds in SRCDIR/tests/fuzz/corpus/NAME (merge
# them into the repository with `fuzz-NAME -merge=1 tests/fuzz/corpus/NAME
# BUILDDIR/fuzz-corpus/NAME`).  A crash, a leak, a hang (10 s) or more than
# 2 GiB fails the test and leaves the reproducer in BUILDDIR/fuzz-artifacts/NAME/.
set -eu
src=$1
build=$2
name=$3
seconds=${4:-${JUE_FUZZ_SECONDS:-60}}

if ! command -v clang >/dev/null 2>&1; then
  echo "clang is not installed (tools/install-deps.sh installs it): not fuzzed"
  exit 77
fi

fb=$build/fuzz-clang
log=$build/fuzz-logs/$name.log
corpus=$build/fuzz-corpus/$name
artifacts=$build/fuzz-artifacts/$name
mkdir -p "$build/fuzz-logs" "$corpus" "$artifacts"

# one build for every target, whichever test comes first
(
  flock 9
  if [ ! -f "$fb/build.ninja" ]; then
    CC=clang meson setup "$fb" "$src" -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false -Dbuildtype=debugoptimized >"$build/fuzz-logs/setup.log" 2>&1 ||
      { cat "$build/fuzz-logs/setup.log"; exit 1; }
  fi
  meson compile -C "$fb" tests/fuzz/fuzz-amount tests/fuzz/fuzz-tsv tests/fuzz/fuzz-store \
    tests/fuzz/fuzz-csv tests/fuzz/fuzz-workbook >"$build/fuzz-logs/build.log" 2>&1 ||
    { tail -n 40 "$build/fuzz-logs/build.log"; exit 1; }
) 9>"$build/fuzz-clang.lock"

before=$(ls "$corpus" | wc -l)
set +e
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
"$fb/tests/fuzz/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -error_exitcode=1 -timeout_exitcode=1 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$corpus" "$src/tests/fuzz/corpus/$name" >"$log" 2>&1
status=$?
set -e
after=$(ls "$corpus" | wc -l)
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
echo "fuzz-$name: ${runs:-?} inputs in ${seconds} s; corpus $before -> $after new inputs" \
     "(+ $(ls "$src/tests/fuzz/corpus/$name" | wc -l) saved seeds); log $log"
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log"
  echo "fuzz-$name FAILED (exit $status); reproducer(s):"
  ls -l "$artifacts"
  echo "replay one with: $fb/tests/fuzz/fuzz-$name FILE"
  exit 1
fi
