#!/bin/sh
# run-suite.sh BUILDDIR [meson test args…]: run the test suites, then print one
# closing line "N passed, N failed[, N skipped]" counted from meson's logs.
# Called by `make check` inside xvfb-run and dbus-run-session.
#
# With WB_ASAN_BUILDDIR set, the core, store and fuzz suites run a second time
# in that build dir, built with ASan, UBSan and LeakSanitizer (tests/run-sanitized.sh);
# with WB_MEMCHECK=1, the store suite's C tests run a third time under
# valgrind memcheck (tests/run-memcheck.sh). Each run prints its own count
# line and the closing line counts them all.
set -u
builddir=${1:-build}
shift || true
here=$(cd "$(dirname "$0")" && pwd)

export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=0

meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?
logs="main=$builddir/meson-logs/testlog.json"

if [ -n "${WB_ASAN_BUILDDIR:-}" ]; then
  "$here/run-sanitized.sh" "$WB_ASAN_BUILDDIR" || status=1
  logs="$logs sanitizers=$WB_ASAN_BUILDDIR/meson-logs/sanitizers.json"
fi
if [ "${WB_MEMCHECK:-0}" = 1 ]; then
  "$here/run-memcheck.sh" "$builddir" || status=1
  logs="$logs memcheck=$builddir/meson-logs/memcheck-valgrind.json"
fi

# shellcheck disable=SC2086
/usr/bin/python3 - $logs <<'PY'
import json, os, sys
total = [0, 0, 0]
def line(counts):
    text = f"{counts[0]} passed, {counts[1]} failed"
    if counts[2]:
        text += f", {counts[2]} skipped"
    return text
runs = [arg.split("=", 1) for arg in sys.argv[1:]]
for name, path in runs:
    counts = [0, 0, 0]
    if not os.path.exists(path):
        # A run that did not get as far as writing its log failed as a whole.
        counts[1] += 1
    else:
        with open(path, encoding="utf-8") as f:
            for entry in f:
                result = json.loads(entry).get("result")
                if result in ("OK", "EXPECTEDFAIL"):
                    counts[0] += 1
                elif result == "SKIP":
                    counts[2] += 1
                else:
                    counts[1] += 1
    total = [t + c for t, c in zip(total, counts)]
    if len(runs) > 1:
        print(f"{name}: {line(counts)}")
print(line(total))
PY
exit $status
