#!/usr/bin/python3
# test_inbox.py: in a demo vault, search a case by reference, open it, add a note, change its status, in Dutch.
# SPDX-License-Identifier: GPL-3.0-or-later
import json

import wbatspi
import wbflows
from wbatspi import do_action, find, find_actionable, find_all, press, type_into, wait_for

KEY_F = 0x0066
NOTE = "Testnotitie 17: burgemeester teruggebeld, fictief."
REASON = "Fictieve test: gesprek ingepland"


def demo_vault(app):
    """A vault with fictional demo cases, made with weerbaar-cli before the app starts."""
    db = wbflows.demo_vault(app, 30, seed=4)
    cases = json.loads(wbflows.cli(db, "cases", "list", "--json", "--account", wbflows.ADMIN))
    return db, cases


def case_row_names(app):
    """The names of the case rows; a case row reads "reference, urgency, status, …"
    (the column header row is a table row too, without that)."""
    return [n for n in (r.get_name() or "" for r in find_all(app.root, role="table row"))
            if ", " in n]


def test_search_open_note_and_status():
    app = wbatspi.App(lang="nl")
    db, cases = demo_vault(app)
    # A case that is not closed, so the default filter (open cases) shows it.
    case = next(c for c in cases if c["status"] not in ("closed",))
    reference = case["reference"]

    with app:
        wbflows.unlock(app)
        wbflows.wait_for_main(app)

        # The inbox lists the open cases; each row reads as one line.
        wait_for(lambda: any(n.startswith(reference + ",") for n in case_row_names(app)),
                 f"a row for {reference}", timeout=60)
        wbatspi.screenshot(wbflows.build_path("e2e-inbox.png"))

        # Ctrl+F goes to the search field from anywhere; the search narrows
        # the list to the one case, and Enter opens it.
        find(app.root, role="entry", name="Meldingen zoeken")
        wbatspi.press_with_control(KEY_F)
        wbatspi.Atspi.generate_keyboard_event(0, reference, wbatspi.Atspi.KeySynthType.STRING)
        wait_for(lambda: [n.split(",")[0] for n in case_row_names(app)] == [reference],
                 "the search to leave only the case")
        press(wbatspi.KEY_RETURN)
        find(app.root, role="label", name=reference)
        find(app.root, role="list", name="Tijdlijn")

        # A note goes into the timeline.
        type_into(find(app.root, role="text", name="Samenvatting"), NOTE)
        do_action(find_actionable(app.root, role="push button", name="Aan tijdlijn toevoegen"))
        find(app.root, role="label", name=NOTE, timeout=30)

        # A status change asks for a reason and shows in the timeline too.
        do_action(find_actionable(app.root, role="push button", name="Status wijzigen…"))
        type_into(find(app.root, role="text", name="Reden"), REASON)
        change = find_actionable(app.root, role="push button", name="Status wijzigen")
        wait_for(lambda: wbatspi.has_state(change, wbatspi.Atspi.StateType.SENSITIVE),
                 "Status wijzigen to become available")
        do_action(change)
        wait_for(lambda: [l for l in find_all(app.root, role="label")
                          if (l.get_name() or "").endswith(": " + REASON)],
                 "the status change in the timeline", timeout=30)
        find(app.root, role="label", name=NOTE)
        wbatspi.screenshot(wbflows.build_path("e2e-case-page.png"))

        # Back in the inbox the case is still found; locking empties it.
        do_action(find_actionable(app.root, role="push button", name="Terug naar meldingen"))
        wait_for(lambda: any(n.startswith(reference + ",") for n in case_row_names(app)),
                 "the list again")
        wbflows.lock_with_menu(app)
        assert not case_row_names(app), "rows stayed after locking"

        # The status change is in the vault, as the command-line tool reads it.
        after = json.loads(wbflows.cli(db, "cases", "list", "--json", "--account", wbflows.ADMIN))
        changed = next(c for c in after if c["reference"] == reference)
        assert changed["status"] != case["status"], (case["status"], changed["status"])


if __name__ == "__main__":
    wbatspi.run_tests([test_search_open_note_and_status])
