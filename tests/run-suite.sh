#!/bin/sh
# run-suite.sh BUILDDIR [meson test args…]: run the test suites, then print one
# closing line "N passed, N failed[, N skipped]" counted from meson's log.
# Called by `make check` inside xvfb-run and dbus-run-session.
set -u
builddir=${1:-build}
shift || true

export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=0

meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?

/usr/bin/python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        result = r.get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
