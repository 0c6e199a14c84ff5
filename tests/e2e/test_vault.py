#!/usr/bin/python3
# test_vault.py: first run, lock, and unlock with a wrong and then the right passphrase, in Dutch.
# SPDX-License-Identifier: GPL-3.0-or-later
import os

import wbatspi
import wbflows
from wbatspi import find, find_all, wait_for

WRONG = "dit is niet de wachtwoordzin"
NEW = "een nieuwe lange wachtwoordzin 9"


error_alert = wbflows.error_alert


def test_first_run_lock_and_unlock():
    with wbatspi.App(lang="nl") as app:
        key = wbflows.create_vault(app, recovery_key=True)
        assert key and len(key) >= 20, f"no recovery key shown: {key!r}"

        # The recovery key was shown once; after Doorgaan it is no longer on screen.
        assert not any(key == (l.get_name() or "") for l in find_all(app.root, role="label")), \
            "the recovery key stayed in the window"

        wbflows.lock_with_menu(app)
        # One account: the unlock page asks only for the passphrase.
        assert not find_all(app.root, role="text", name="Account"), "asked for an account"

        wbflows.unlock(app, WRONG)
        alert = wait_for(lambda: error_alert(app), "the wrong-passphrase message", timeout=60)
        first_message = alert.get_name()
        assert "wachtwoordzin" in first_message.lower(), first_message
        wbatspi.screenshot(os.path.join(os.environ["MESON_BUILD_ROOT"], "e2e-unlock-wrong.png"))

        # Typing again hides the message; the second wrong try brings back
        # the same clear message, and the vault stays locked.
        wbflows.unlock(app, WRONG + "!")
        wait_for(lambda: error_alert(app) is None, "the old message to go while typing")
        wait_for(lambda: error_alert(app) and error_alert(app).get_name() == first_message,
                 "the same message again", timeout=60)
        assert not find_all(app.root, role="list", name="Onderdelen")

        wbflows.unlock(app)
        wbflows.wait_for_main(app)
        wbatspi.screenshot(os.path.join(os.environ["MESON_BUILD_ROOT"], "e2e-unlocked.png"))

        # Passphrase lost: the printed recovery key sets a new one and unlocks.
        wbflows.lock_with_menu(app)
        wbatspi.do_action(wbatspi.find_actionable(
            app.root, role="push button", name="Wachtwoordzin kwijt? Gebruik de herstelsleutel…"))
        wbatspi.type_into(find(app.root, role="text", name="Herstelsleutel"), key)
        wbatspi.type_into(find(app.root, role="text", name="Gebruikersnaam"), wbflows.ADMIN)
        wbatspi.type_into(find(app.root, role="password text", name="Nieuwe wachtwoordzin"), NEW)
        wbatspi.type_into(find(app.root, role="password text", name="Herhaal de nieuwe wachtwoordzin"), NEW)
        wbatspi.press(wbatspi.KEY_RETURN)
        wbflows.wait_for_main(app, timeout=90)

        # From now on only the new passphrase opens the vault.
        wbflows.lock_with_menu(app)
        wbflows.unlock(app)
        wait_for(lambda: error_alert(app), "the old passphrase to be refused", timeout=60)
        wbflows.unlock(app, NEW)
        wbflows.wait_for_main(app)


def test_ctrl_l_locks_and_a_restart_asks_for_the_passphrase():
    app = wbatspi.App(lang="nl")
    try:
        app.start()
        wbflows.create_vault(app)
        find(app.root, role="list", name="Onderdelen")
        wbatspi.press_with_control(wbatspi.KEY_L)
        find(app.root, role="label", name="Weerbaar is vergrendeld")

        # A new process on the same database starts locked.
        app.proc.terminate()
        app.proc.wait(10)
        app.start()
        find(app.root, role="label", name="Weerbaar is vergrendeld")
        wbflows.unlock(app)
        wbflows.wait_for_main(app)
    except Exception:
        wbatspi.failure_screenshot()
        raise
    finally:
        app.stop()


if __name__ == "__main__":
    wbatspi.run_tests([test_first_run_lock_and_unlock,
                       test_ctrl_l_locks_and_a_restart_asks_for_the_passphrase])
