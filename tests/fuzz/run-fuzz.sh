#!/bin/sh
# run-fuzz.sh FUZZDIR SECONDS [HARNESS…]: runs each libFuzzer harness built in
# FUZZDIR (make fuzz) for SECONDS on its corpus in tests/fuzz/corpus/<name>.
# New inputs go to FUZZDIR/fuzz-work/<name>, crashes to FUZZDIR/fuzz-crashes;
# the seed corpus in the source tree is only read. Prints executions and
# time per harness and fails if any harness crashed.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
fuzzdir=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
harnesses=${*:-$(sed -n "s/^  '\([a-z-]*\)',$/\1/p" "$here/meson.build")}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_DEBUG=fatal-warnings
export GSETTINGS_BACKEND=memory
summary="$fuzzdir/fuzz-summary.txt"
mkdir -p "$fuzzdir/fuzz-crashes"
: > "$summary"
failed=0

for h in $harnesses; do
  exe="$fuzzdir/tests/fuzz/fuzz-$h"
  work="$fuzzdir/fuzz-work/$h"
  log="$fuzzdir/fuzz-$h.log"
  mkdir -p "$work"
  start=$(date +%s)
  "$exe" -max_total_time="$seconds" -print_final_stats=1 -timeout=20 -rss_limit_mb=2048 \
         -artifact_prefix="$fuzzdir/fuzz-crashes/$h-" "$work" "$here/corpus/$h" > "$log" 2>&1
  status=$?
  end=$(date +%s)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  line="fuzz-$h: ${execs:-?} executions in $((end - start)) s"
  if [ $status -ne 0 ]; then
    line="$line, FAILED (exit $status, see $log and $fuzzdir/fuzz-crashes)"
    failed=$((failed + 1))
  fi
  echo "$line" | tee -a "$summary"
done

[ $failed -eq 0 ]
