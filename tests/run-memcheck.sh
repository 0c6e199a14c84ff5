#!/bin/sh
# run-memcheck.sh BUILDDIR: the store suite's C tests under valgrind memcheck.
# Any memory error or definitely lost block fails the test (exit code 1);
# possibly lost and still reachable blocks are GLib's and SQLite's caches that
# live until exit. The log is BUILDDIR/meson-logs/memcheck-valgrind.json
# (meson adds the wrapper name).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
builddir=$1

# The Python tests of the suite (the CLI) would valgrind the interpreter, and
# test-crash SIGKILLs its children halfway by design and counts on native
# speed for the work between kills; ASan covers both (run-sanitized.sh).
tests=$(/usr/bin/python3 - "$builddir" <<'PY'
import json, subprocess, sys
tests = json.loads(subprocess.check_output(["meson", "introspect", "--tests", sys.argv[1]]))
print(" ".join(t["name"] for t in tests
               if any(s.split(":")[-1] == "store" for s in t["suite"])
               and not t["cmd"][0].endswith("python3") and t["name"] != "test-crash"))
PY
) || exit 1

supp=
[ -f /usr/share/glib-2.0/valgrind/glib.supp ] && supp=--suppressions=/usr/share/glib-2.0/valgrind/glib.supp

export G_SLICE=always-malloc
export G_DEBUG=gc-friendly,fatal-warnings
# shellcheck disable=SC2086
exec meson test -C "$builddir" --no-rebuild --print-errorlogs --num-processes 2 --logbase memcheck \
  --timeout-multiplier 10 \
  --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full --show-leak-kinds=definite \
--errors-for-leak-kinds=definite --track-origins=no --child-silent-after-fork=yes $supp" \
  $tests
