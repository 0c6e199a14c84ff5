#!/usr/bin/python3
# test_retention.py: in Voorkeuren → Bewaartermijn, a closed case past its retention period is removed, in Dutch.
# SPDX-License-Identifier: GPL-3.0-or-later
import json

import wbatspi
import wbflows
from wbatspi import do_action, find, find_actionable, find_all, wait_for


def demo_vault(app):
    """Fictional demo cases; some closed ones are past the period agreed at intake."""
    db = wbflows.demo_vault(app, 60, seed=3)
    expired = json.loads(wbflows.cli(db, "retention", "list", "--json", "--account", wbflows.ADMIN))
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
        wbatspi.screenshot(wbflows.build_path("e2e-retention-confirm.png"))
        do_action(find_actionable(app.root, role="push button", name="Verwijderen"))
        wait_for(lambda: not find_all(prefs, role="check box", name=gone),
                 f"{gone} to leave the list", timeout=60)
        find(prefs, role="check box", name=kept)

        do_action(find_actionable(prefs, role="push button", name="Sluiten"))
        wait_for(lambda: not find_all(app.root, role="frame", name="Voorkeuren"), "Voorkeuren to close")

        # The case is gone for good and the vault checks out (the app's
        # directory goes when it stops, so this asks while it runs).
        cases = json.loads(wbflows.cli(db, "cases", "list", "--json", "--account", wbflows.ADMIN))
        assert gone not in {c["reference"] for c in cases}, f"{gone} is still stored"
        assert kept in {c["reference"] for c in cases}, f"{kept} was removed too"
        report = wbflows.cli(db, "check", "--account", wbflows.ADMIN)
        assert "chain intact" in report, report


if __name__ == "__main__":
    wbatspi.run_tests([test_remove_a_case_past_retention])
