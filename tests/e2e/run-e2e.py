#!/usr/bin/python3
# run-e2e.py TEST.py: run one end-to-end test on its own X server and D-Bus session.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Xvfb picks a free display itself (-displayfd), so parallel runs on one
# machine never race for a display number as `xvfb-run -a` can. The session's
# daemons print to stdout, so the TAP stream goes to its own descriptor.
import os
import subprocess
import sys

test = sys.argv[1]

env = dict(os.environ)
# The test drives the app through libatspi, whose harmless warnings must not
# abort the test process; the app itself runs without it as well.
env.pop("G_DEBUG", None)

read_fd, write_fd = os.pipe()
xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
                         "-nolisten", "tcp", "-noreset"],
                        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(write_fd)
with os.fdopen(read_fd) as f:
    display = f.readline().strip()
if not display:
    print("Bail out! Xvfb did not start")
    sys.exit(1)
env["DISPLAY"] = ":" + display

tap_read, tap_write = os.pipe()
env["WB_TAP_FD"] = str(tap_write)
try:
    proc = subprocess.Popen(["dbus-run-session", "--", sys.executable, test],
                            env=env, pass_fds=(tap_write,), stdout=sys.stderr)
    os.close(tap_write)
    with os.fdopen(tap_read) as tap:
        for line in tap:
            sys.stdout.write(line)
            sys.stdout.flush()
    status = proc.wait()
finally:
    xvfb.terminate()
    xvfb.wait()
sys.exit(status)
