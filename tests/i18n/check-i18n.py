#!/usr/bin/python3
# check-i18n.py: po/nl.po is complete, and no translatable string escapes the template.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import tempfile

root = os.environ["MESON_SOURCE_ROOT"]
po_dir = os.path.join(root, "po")
results = []


def check(name, ok, details=()):
    results.append((name, ok, list(details)))


# The same keywords as meson's i18n 'glib' preset.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
    "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
    potfiles = [l.strip() for l in f if l.strip() and not l.startswith("#")]

check("POTFILES.in is sorted and has no duplicates",
      potfiles == sorted(set(potfiles)),
      [f"{a} before {b}" for a, b in zip(potfiles, potfiles[1:]) if a >= b])
check("every file in POTFILES.in exists",
      all(os.path.exists(os.path.join(root, p)) for p in potfiles),
      [p for p in potfiles if not os.path.exists(os.path.join(root, p))])

# Every source with a translatable string must be listed, or its strings
# never reach the template.
MARKERS = {
    ".c": re.compile(r'\b(_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\('),
    ".h": re.compile(r'\b(_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\('),
    ".ui": re.compile(r'translatable="yes"'),
}
unlisted = []
for top in ("src", "ui", "data"):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for name in files:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            ext = os.path.splitext(name)[1]
            listed = rel in potfiles
            if name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                if not listed:
                    unlisted.append(rel)
                continue
            if ext in MARKERS:
                with open(path, encoding="utf-8") as f:
                    if MARKERS[ext].search(f.read()) and not listed:
                        unlisted.append(rel)
check("every file with translatable strings is in POTFILES.in", not unlisted, unlisted)

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "weerbaar.pot")
    r = subprocess.run(["xgettext", *XGETTEXT_ARGS, "--package-name=weerbaar",
                        "-D", root, "-f", os.path.join(po_dir, "POTFILES.in"), "-o", pot],
                       capture_output=True, text=True)
    check("xgettext reads every listed file", r.returncode == 0, r.stderr.splitlines())

    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        langs = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    check("LINGUAS names nl", "nl" in langs)

    for lang in langs:
        po = os.path.join(po_dir, f"{lang}.po")
        stats = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", po],
                               capture_output=True, text=True)
        out = stats.stderr.strip()
        check(f"{lang}.po has no untranslated or fuzzy message",
              stats.returncode == 0 and "untranslated" not in out and "fuzzy" not in out, [out])

        if r.returncode == 0:
            merged = os.path.join(tmp, f"{lang}.merged.po")
            m = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot],
                               capture_output=True, text=True)
            stats = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", merged],
                                   capture_output=True, text=True)
            out = stats.stderr.strip()
            missing = []
            if "untranslated" in out:
                u = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                   capture_output=True, text=True)
                missing = [l for l in u.stdout.splitlines() if l.startswith("msgid ")][1:]
            check(f"every string in the current sources is translated in {lang}.po",
                  m.returncode == 0 and "untranslated" not in out and "fuzzy" not in out,
                  [out] + missing[:50])

print(f"1..{len(results)}")
failed = 0
for i, (name, ok, details) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok:
        failed += 1
        for d in details:
            print(f"# {d}")
sys.exit(1 if failed else 0)
