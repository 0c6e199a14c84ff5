#!/usr/bin/python3
# test_intake_drafts.py: an intake kept as a sealed draft over a lock (Ctrl+L) and over quitting
# (Ctrl+Q), resumed from the inbox's Concepten.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The names and helpers are those of test_intake.py.
import wbatspi
import wbflows
from test_intake import (DESCRIPTION, NAMES, REPORTER, build_path, click_and_type, labels_starting,
                         next_step, toggle)
from wbatspi import do_action, find, find_actionable, press, select_child, type_into, wait_for

KEY_Q = 0x0071
def test_draft_resumed_after_lock_and_unlock():
    with wbatspi.App(lang="nl") as app:
        wbflows.create_vault(app)
        sidebar = find(app.root, role="list", name="Onderdelen")
        select_child(sidebar, find(sidebar, role="list item", name="Nieuwe melding"))

        # Steps 1 to 3, as far as a call got before the office locked.
        next_button = find_actionable(app.root, role="push button", name=NAMES["next"])
        next_step(app, next_button, 2)
        type_into(find(app.root, role="text", name="Naam"), REPORTER)
        type_into(find(app.root, role="text", name=NAMES["municipality"]), "Leeuwarden")
        find(app.root, role="list item", name="Gemeente Leeuwarden")
        press(wbatspi.KEY_RETURN)
        find(app.root, role="label", name=NAMES["leeuwarden_place"])
        click_and_type(find(app.root, role="text", name="Telefoon"), "06 12345678")
        next_step(app, next_button, 3)
        toggle(app, "Fysiek geweld")
        type_into(find(app.root, role="text", name=NAMES["description"]), DESCRIPTION)

        # Ctrl+L locks; the draft is sealed before the keys are wiped.
        wbatspi.press_with_control(wbatspi.KEY_L)
        find(app.root, role="label", name="Weerbaar is vergrendeld")
        assert not labels_starting(app, REPORTER)
        wbflows.unlock(app)
        wbflows.wait_for_main(app)

        # The inbox lists the draft under Concepten, with the reporter's name.
        select_child(sidebar, find(sidebar, role="list item", name="Meldingen"))
        find(app.root, name=NAMES["drafts"])
        wait_for(lambda: labels_starting(app, NAMES["draft_row"].format(REPORTER)), "the draft in Concepten")
        wbatspi.screenshot(build_path("e2e-intake-drafts.png"))
        do_action(find_actionable(app.root, role="push button", name=NAMES["resume"]))

        # The wizard is back at step 3, with everything in it.
        find(app.root, role="label", name=NAMES["step"].format(3))
        for to in (4, 5, 6, 7):
            next_step(app, next_button, to)
        wait_for(lambda: [l for l in labels_starting(app, REPORTER + ",") if "Leeuwarden" in l.get_name()],
                 "the reporter's name and municipality in the review")
        do_action(find_actionable(app.root, role="push button", name="Opslaan"))
        find(app.root, role="label", name=DESCRIPTION, timeout=30)

        # Saved: the draft is gone from the inbox.
        do_action(find_actionable(app.root, role="push button", name="Terug naar meldingen"))
        wait_for(lambda: not labels_starting(app, NAMES["draft_row"].format(REPORTER)), "the draft to go")



def test_quitting_keeps_a_draft():
    """Ctrl+Q mid-intake: the window queues the draft as it closes, and the
    application waits for it before the process ends."""
    app = wbatspi.App(lang="nl")
    try:
        app.start()
        wbflows.create_vault(app)
        sidebar = find(app.root, role="list", name="Onderdelen")
        select_child(sidebar, find(sidebar, role="list item", name="Nieuwe melding"))
        next_button = find_actionable(app.root, role="push button", name=NAMES["next"])
        next_step(app, next_button, 2)
        type_into(find(app.root, role="text", name="Naam"), REPORTER)
        wbatspi.press_with_control(KEY_Q)
        app.proc.wait(30)
        assert app.proc.returncode == 0, app.proc.returncode

        # A new process on the same database: the draft is there after unlocking.
        app.start()
        find(app.root, role="label", name="Weerbaar is vergrendeld")
        wbflows.unlock(app)
        wbflows.wait_for_main(app)
        sidebar = find(app.root, role="list", name="Onderdelen")
        select_child(sidebar, find(sidebar, role="list item", name="Meldingen"))
        wait_for(lambda: labels_starting(app, NAMES["draft_row"].format(REPORTER)), "the draft in Concepten")
    except Exception:
        wbatspi.failure_screenshot()
        raise
    finally:
        app.stop()


if __name__ == "__main__":
    wbatspi.run_tests([test_draft_resumed_after_lock_and_unlock, test_quitting_keeps_a_draft])
