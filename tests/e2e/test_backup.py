#!/usr/bin/python3
# test_backup.py: Voorkeuren → Back-up: make a backup with a backup passphrase, see its date, and restore it after a preview of what it holds, in Dutch.
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import json
import os

import wbatspi
import wbflows
from wbatspi import KEY_L, KEY_RETURN, do_action, find, find_actionable, find_all, press, type_into, wait_for

BACKUP_PASSPHRASE = "groene paraplu bij de haven 9"
N_CASES = 6

# The names a screen reader hears (msgid in the report).
T = {
    "page": "Back-up",                                   # Backup
    "last": "Laatste back-up",                           # Last Backup
    "never": "Nog geen back-up",                         # No backup yet
    "now": "Nu een back-up maken…",                      # Back Up Now…
    "make_heading": "Een back-up maken",                 # Make a Backup
    "pass": "Wachtwoordzin van de back-up",              # _Backup Passphrase
    "repeat": "Wachtwoordzin van de back-up herhalen",   # _Repeat Backup Passphrase
    "make": "Back-up maken",                             # _Make Backup
    "restore": "Terugzetten…",                           # Restore…
    "chooser": "Kies een back-up om terug te zetten",    # Choose a Backup to Restore
    "open_heading": "De back-up openen",                 # Open the Backup
    "open": "Openen",                                    # _Open
    "replace_heading": "De kluis vervangen?",            # Replace the Vault?
    "cases": f"{N_CASES} meldingen",                     # %u case / %u cases
    "pass_in_backup": "Wachtwoordzin in de back-up",     # _Passphrase in the Backup
    "replace": "Kluis vervangen",                        # _Replace Vault
}


def demo_vault(app):
    db = wbflows.demo_vault(app, N_CASES, seed=9)
    cases = json.loads(wbflows.cli(db, "cases", "list", "--json", "--account", wbflows.ADMIN))
    assert len(cases) == N_CASES, f"{len(cases)} demo cases"
    return db, os.path.join(os.path.dirname(db), "backups")


def open_backup_page(app):
    do_action(find_actionable(app.root, role="push button", name="Hoofdmenu"))
    do_action(find_actionable(app.root, role="menu item", name="Voorkeuren"))
    prefs = find(app.root, role="frame", name="Voorkeuren")
    do_action(find_actionable(prefs, name=T["page"]))
    find(prefs, role="label", name=T["last"])
    return prefs


def labels_containing(root, text):
    return [a for a in find_all(root, role="label") if text in (a.get_name() or "")]


def test_backup_now_and_restore_preview():
    app = wbatspi.App(lang="nl")
    db, folder = demo_vault(app)

    with app:
        wbflows.unlock(app)
        wbflows.wait_for_main(app)
        prefs = open_backup_page(app)
        find(prefs, role="label", name=T["never"])

        # Make one now, with a backup passphrase typed twice.
        do_action(find_actionable(prefs, role="push button", name=T["now"]))
        find(app.root, role="label", name=T["make_heading"])
        type_into(find(app.root, role="text", name=T["pass"]), BACKUP_PASSPHRASE)
        type_into(find(app.root, role="text", name=T["repeat"]), BACKUP_PASSPHRASE)
        make = find_actionable(app.root, role="push button", name=T["make"])
        wait_for(lambda: wbatspi.has_state(make, wbatspi.Atspi.StateType.SENSITIVE),
                 "the make button to become available")
        do_action(make)

        # The date of the last backup replaces "no backup yet".
        year = str(datetime.date.today().year)
        wait_for(lambda: not find_all(prefs, role="label", name=T["never"]) and labels_containing(prefs, year),
                 "the date of the last backup", timeout=60)
        backups = [n for n in os.listdir(folder) if n.endswith(".wbbackup")]
        assert len(backups) == 1, backups
        path = os.path.join(folder, backups[0])
        assert os.stat(path).st_mode & 0o777 == 0o600
        assert os.stat(folder).st_mode & 0o777 == 0o700
        wbatspi.screenshot(wbflows.build_path("e2e-backup-page.png"))

        # Restore: choose the file by typing its path (Ctrl+L) in the file chooser.
        do_action(find_actionable(prefs, role="push button", name=T["restore"]))
        find(app.root, name=T["chooser"])
        wbatspi.press_with_control(KEY_L)
        wbatspi.Atspi.generate_keyboard_event(0, path, wbatspi.Atspi.KeySynthType.STRING)
        press(KEY_RETURN)

        # The header says a backup passphrase protects it.
        find(app.root, role="label", name=T["open_heading"], timeout=30)
        type_into(find(app.root, role="text", name=T["pass"]), BACKUP_PASSPHRASE)
        do_action(find_actionable(app.root, role="push button", name=T["open"]))

        # What it holds, before anything is replaced.
        find(app.root, role="label", name=T["replace_heading"], timeout=60)
        wait_for(lambda: labels_containing(app.root, T["cases"]), f"{T['cases']!r} in the preview")
        wbatspi.screenshot(wbflows.build_path("e2e-backup-restore-preview.png"))
        type_into(find(app.root, role="text", name=T["pass_in_backup"]), wbflows.PASSPHRASE)
        do_action(find_actionable(app.root, role="push button", name=T["replace"]))

        # The restored vault is locked: back to the unlock page, and it opens.
        find(app.root, role="label", name="Weerbaar is vergrendeld", timeout=60)
        wbflows.unlock(app)
        wbflows.wait_for_main(app)


if __name__ == "__main__":
    wbatspi.run_tests([test_backup_now_and_restore_preview])
