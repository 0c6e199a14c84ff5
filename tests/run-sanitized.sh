#!/bin/sh
# run-sanitized.sh ASANDIR: builds only what the core, store and fuzz suites
# need in ASANDIR (set up by `make check` with -Db_sanitize=address,undefined)
# and runs those suites there. Any ASan, UBSan or LeakSanitizer report fails
# the test that produced it. The log is ASANDIR/meson-logs/sanitizers.json.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
asandir=$1
here=$(cd "$(dirname "$0")" && pwd)
suites="core store fuzz"

# Regenerate first, so the list of tests below is the current one.
ninja -C "$asandir" build.ninja > /dev/null || exit 1

targets=$(/usr/bin/python3 - "$asandir" $suites <<'PY'
import json, os, subprocess, sys
builddir, suites = sys.argv[1], set(sys.argv[2:])
tests = json.loads(subprocess.check_output(["meson", "introspect", "--tests", builddir]))
out = set()
for t in tests:
    if suites & set(t["suite"]) or any(s.split(":")[-1] in suites for s in t["suite"]):
        for arg in (a for a in t["cmd"] if not a.startswith("-")):
            path = os.path.normpath(os.path.join(os.path.abspath(builddir), arg))
            if path.startswith(os.path.abspath(builddir) + "/"):
                out.add(os.path.relpath(path, builddir))
print(" ".join(sorted(out)))
PY
) || exit 1

# shellcheck disable=SC2086
ninja -C "$asandir" $targets > "$asandir/meson-logs/sanitizers-build.log" 2>&1 || {
  tail -n 40 "$asandir/meson-logs/sanitizers-build.log"
  exit 1
}

# GSlice's magazines would hide leaked slices from LeakSanitizer.
export G_SLICE=always-malloc
# Leaks that are not ours, see tests/lsan.supp.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
exec meson test -C "$asandir" --no-rebuild --print-errorlogs --num-processes 2 --logbase sanitizers \
  --timeout-multiplier 3 --suite core --suite store --suite fuzz
