#!/usr/bin/python3
# test_retention.py: in Voorkeuren → Bewaartermijn, a closed case past its retention period is removed, in Dutch.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess

import wbatspi
import wbflows
from wbatspi import do_action, find, find_actionable, find_all, wait_for


def build_path(*parts):
    return os.path.join(os.environ["MESON_BUILD_ROOT"], *parts)


def cli(db, *args):
    """weerbaar-cli on the test's vault, the passphrase through a pipe."""
    read_fd, write_fd = os.pipe()
    os.write(write_fd, (wbflows.PASSPHRASE + "\n").encode())
    os.close(write_fd)
    try:
        out = subprocess.run([build_path("src", "weerbaar-cli"), "--db", db, *args,
                              "--passphrase-fd", str(read_fd)],
                             pass_fds=(read_fd,), check=False, capture_output=True, text=True,
                             env=dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8",
                                      GSETTINGS_BACKEND="memory",
                                      GSETTINGS_SCHEMA_DIR=build_path("data")))
    finally:
        os.close(read_fd)
    assert out.returncode == 0, f"weerbaar-cli {args[0]}: {out.stderr}"
    return out.stdout


def demo_vault(app):
    """Fictional demo cases; some closed ones are past the period agreed at intake."""
    data = os.path.join(app.tmp.name, "data", "weerbaar")
    os.makedirs(data, mode=0o700)
    db = os.path.join(data, "weerbaar.db")
    cli(db, "init", "--account", wbflows.ADMIN, "--display-name", wbflows.ADMIN_DISPLAY)
    cli(db, "demo", "--account", wbflows.ADMIN, "--cases", "60", "--seed", "3")
    expired = json.loads(cli(db, "retention", "list", "--json", "--account", wbflows.ADMIN))
    return db, [item["reference"] for item in expired]


def open_retention_page(app):
    do_action(find_actionable(app.root, role="push button", name="Hoofdmenu"))
    do_action(find_actionable(app.root, role="menu item", name="Voorkeuren"))
    prefs = find(app.root, role="frame", name="Voorkeuren")
    do_action(find_actionable(prefs, name="Bewaartermijn"))
    find(prefs, role="list", name="Bewaartermijn verstreken")
    return prefs


def test_remove_a_case_past_retention():
    app = wbatspi.App(lang="nl")
    db, expired = demo_vault(app)
    assert len(expired) >= 2, f"the demo has cases past retention: {expired}"
    gone, kept = expired[0], expired[1]

    with app:
        wbflows.unlock(app)
        wbflows.wait_for_main(app)
        prefs = open_retention_page(app)

        # Every case past retention has a check box named by its reference; none is checked.
        for reference in expired:
            box = find(prefs, role="check box", name=reference, timeout=60)
            assert not wbatspi.has_state(box, wbatspi.Atspi.StateType.CHECKED), reference
        remove = find(prefs, role="push button", name="Verwijderen…")
        assert not wbatspi.has_state(remove, wbatspi.Atspi.StateType.SENSITIVE), \
            "Verwijderen… waits for a checked case"

        # GTK 4.8 gives a check box no AT-SPI action: Tab to it and press Space.
        box = find(prefs, role="check box", name=gone)
        wbatspi.focus(box, max_tabs=30)
        wbatspi.press(wbatspi.KEY_SPACE)
        wait_for(lambda: wbatspi.has_state(box, wbatspi.Atspi.StateType.CHECKED), f"{gone} to be checked")
        wait_for(lambda: wbatspi.has_state(remove, wbatspi.Atspi.StateType.SENSITIVE),
                 "Verwijderen… to become available")
        do_action(find_actionable(prefs, role="push button", name="Verwijderen…"))

        # Asked once, with the count; Annuleren is the default.
        find(app.root, role="label", name="Meldingen verwijderen?")
        wbatspi.screenshot(build_path("e2e-retention-confirm.png"))
        do_action(find_actionable(app.root, role="push button", name="Verwijderen"))
        wait_for(lambda: not find_all(prefs, role="check box", name=gone),
                 f"{gone} to leave the list", timeout=60)
        find(prefs, role="check box", name=kept)

        do_action(find_actionable(prefs, role="push button", name="Sluiten"))
        wait_for(lambda: not find_all(app.root, role="frame", name="Voorkeuren"), "Voorkeuren to close")

        # The case is gone for good and the vault checks out (the app's
        # directory goes when it stops, so this asks while it runs).
        cases = json.loads(cli(db, "cases", "list", "--json", "--account", wbflows.ADMIN))
        assert gone not in {c["reference"] for c in cases}, f"{gone} is still stored"
        assert kept in {c["reference"] for c in cases}, f"{kept} was removed too"
        report = cli(db, "check", "--account", wbflows.ADMIN)
        assert "chain intact" in report, report


if __name__ == "__main__":
    wbatspi.run_tests([test_remove_a_case_past_retention])
