#!/usr/bin/python3
# check-layers.py: the layer rule of DESIGN.md, as a test.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Arrows point down only: nothing outside src/gui includes GTK or libadwaita,
# src/core includes neither SQLite nor libsodium (nor libnotify), and no lower
# layer includes a header of a higher one.
import os
import re
import sys

src = os.path.join(os.environ["MESON_SOURCE_ROOT"], "src")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)

GTK = re.compile(r'^(gtk/|gdk/|gsk/|adwaita\.h|adw-|libadwaita)')
STORE_LIBS = re.compile(r'^(sqlite3\.h|sodium\.h|sodium/)')
NOTIFY = re.compile(r'^libnotify/')

LAYERS = ["core", "store", "reminders", "gui"]
headers_of = {}
for layer in LAYERS + ["cli"]:
    d = os.path.join(src, layer)
    headers_of[layer] = set(f for f in os.listdir(d) if f.endswith(".h")) if os.path.isdir(d) else set()

# Which layers each may include (its own and those below it).
ALLOWED = {
    "core": {"core"},
    "store": {"core", "store"},
    "reminders": {"core", "store", "reminders"},
    "gui": {"core", "store", "reminders", "gui"},
    "cli": {"core", "store", "reminders", "cli"},
}

problems = []
checked = 0
for layer in ALLOWED:
    d = os.path.join(src, layer)
    if not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(d, name)
        checked += 1
        with open(path, encoding="utf-8") as f:
            includes = INCLUDE.findall(f.read())
        for inc in includes:
            rel = f"src/{layer}/{name}"
            if layer != "gui" and GTK.match(inc):
                problems.append(f"{rel} includes {inc}: GTK belongs in src/gui only")
            if layer == "core" and (STORE_LIBS.match(inc) or NOTIFY.match(inc)):
                problems.append(f"{rel} includes {inc}: src/core is GLib only")
            if layer == "store" and NOTIFY.match(inc):
                problems.append(f"{rel} includes {inc}: notifications belong in src/reminders")
            base = os.path.basename(inc)
            for other, headers in headers_of.items():
                if other not in ALLOWED[layer] and base in headers and other != layer:
                    problems.append(f"{rel} includes {inc} from src/{other}: arrows point down only")

print("1..2")
print(f"ok 1 read {checked} source files" if checked else "not ok 1 no source files found")
if problems:
    print("not ok 2 layer rule")
    for p in problems:
        print(f"# {p}")
    sys.exit(1)
print("ok 2 layer rule")
sys.exit(0 if checked else 1)
