# wbflows.py: the steps of Weerbaar that many end-to-end tests share, in Dutch.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess

import wbatspi
from wbatspi import find, find_actionable, do_action, type_into, wait_for, press, KEY_SPACE, KEY_RETURN

ADMIN = "beheer.test"
ADMIN_DISPLAY = "Test Beheerder"
PASSPHRASE = "oranje fiets onder de brug 42"


def build_path(*parts):
    return os.path.join(os.environ["MESON_BUILD_ROOT"], *parts)


def cli(db, *args):
    """weerbaar-cli on the test's vault, the passphrase through a pipe, in
    English, with the app's settings schema (in memory) for its defaults."""
    read_fd, write_fd = os.pipe()
    os.write(write_fd, (PASSPHRASE + "\n").encode())
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


def demo_vault(app, cases, seed):
    """Makes the vault of `app` (not started yet) with weerbaar-cli, for ADMIN,
    holding `cases` fictional demo cases; returns the vault's path."""
    data = os.path.join(app.tmp.name, "data", "weerbaar")
    os.makedirs(data, mode=0o700)
    db = os.path.join(data, "weerbaar.db")
    cli(db, "init", "--account", ADMIN, "--display-name", ADMIN_DISPLAY)
    cli(db, "demo", "--account", ADMIN, "--cases", str(cases), "--seed", str(seed))
    return db


def create_vault(app, name=ADMIN, display=ADMIN_DISPLAY, passphrase=PASSPHRASE,
                 recovery_key=False):
    """First run: fill in the setup page and create the vault. With
    recovery_key, returns the recovery key the app showed."""
    find(app.root, role="label", name="Welkom bij Weerbaar")
    type_into(find(app.root, role="text", name="Gebruikersnaam"), name)
    type_into(find(app.root, role="text", name="Weergavenaam (optioneel)"), display)
    type_into(find(app.root, role="password text", name="Wachtwoordzin"), passphrase)
    type_into(find(app.root, role="password text", name="Wachtwoordzin herhalen"), passphrase)

    check = find(app.root, role="check box", name="Een herstelsleutel maken om af te drukken")
    if wbatspi.has_state(check, wbatspi.Atspi.StateType.CHECKED) != recovery_key:
        wbatspi.focus(check)
        press(KEY_SPACE)
        wait_for(lambda: wbatspi.has_state(check, wbatspi.Atspi.StateType.CHECKED) == recovery_key,
                 "the recovery key choice")

    create = find_actionable(app.root, role="push button", name="Kluis aanmaken")
    wait_for(lambda: wbatspi.has_state(create, wbatspi.Atspi.StateType.SENSITIVE),
             "Kluis aanmaken to become available")
    do_action(create)
    wait_for(lambda: not find_all_named(app, "Welkom bij Weerbaar"), "the vault to be created",
             timeout=60)

    key = None
    if recovery_key:
        find(app.root, role="label", name="Bewaar deze herstelsleutel goed", timeout=60)
        stored = find(app.root, role="check box",
                      name="Ik heb de herstelsleutel afgedrukt of opgeschreven")
        wbatspi.focus(stored)
        key = shown_recovery_key(app)
        press(KEY_SPACE)
        cont = find_actionable(app.root, role="push button", name="Doorgaan")
        wait_for(lambda: wbatspi.has_state(cont, wbatspi.Atspi.StateType.SENSITIVE),
                 "Doorgaan to become available")
        do_action(cont)

    wait_for_main(app)
    return key


def shown_recovery_key(app):
    def look():
        for label in wbatspi.find_all(app.root, role="label"):
            text = label.get_name() or ""
            if len(text) >= 20 and "-" in text and " " not in text.strip():
                return text
        return None
    return wait_for(look, "the recovery key on screen")


def wait_for_main(app, timeout=60):
    return find(app.root, role="list", name="Onderdelen", timeout=timeout)


def lock_with_menu(app):
    menu = find_actionable(app.root, role="push button", name="Hoofdmenu")
    do_action(menu)
    do_action(find_actionable(app.root, role="menu item", name="Vergrendelen"))
    find(app.root, role="label", name="Weerbaar is vergrendeld")


def find_all_named(app, name):
    return wbatspi.find_all(app.root, name=name)


def error_alert(app):
    alerts = [a for a in wbatspi.find_all(app.root, role="alert") if a.get_name()]
    return alerts[0] if alerts else None


def unlock(app, passphrase=PASSPHRASE, account=None):
    """Type the passphrase and press Enter, as a user would. Keys and Enter
    travel in one stream, so Enter never overtakes the typing."""
    if account is not None:
        type_into(find(app.root, role="text", name="Account"), account)
    field = find(app.root, role="password text", name="Wachtwoordzin")
    type_into(field, passphrase)
    press(KEY_RETURN)
