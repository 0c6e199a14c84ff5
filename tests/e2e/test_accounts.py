#!/usr/bin/python3
# test_accounts.py: a beheerder adds an account in Voorkeuren, that account signs in, and is removed.
# SPDX-License-Identifier: GPL-3.0-or-later
import wbatspi
import wbflows
from wbatspi import Atspi, do_action, find, find_actionable, find_all, press, type_into, wait_for

CONTACT = "contact.test"
CONTACT_DISPLAY = "Test Contactpersoon"
CONTACT_PASSPHRASE = "blauwe regenjas op dinsdag 7"


def open_accounts_page(app):
    do_action(find_actionable(app.root, role="push button", name="Hoofdmenu"))
    do_action(find_actionable(app.root, role="menu item", name="Voorkeuren"))
    prefs = find(app.root, role="frame", name="Voorkeuren")
    do_action(find_actionable(prefs, name="Accounts"))
    find(prefs, role="label", name="Alle accounts")
    return prefs


def test_admin_adds_an_account_that_can_sign_in_and_removes_it():
    with wbatspi.App(lang="nl") as app:
        wbflows.create_vault(app)

        prefs = open_accounts_page(app)
        do_action(find_actionable(prefs, role="push button", name="Account toevoegen…"))
        type_into(find(prefs, role="text", name="Gebruikersnaam"), CONTACT)
        type_into(find(prefs, role="text", name="Weergavenaam (optioneel)"), CONTACT_DISPLAY)
        type_into(find(prefs, role="password text", name="Wachtwoordzin"), CONTACT_PASSPHRASE)
        type_into(find(prefs, role="password text", name="Wachtwoordzin herhalen"), CONTACT_PASSPHRASE)
        press(wbatspi.KEY_RETURN)
        find(prefs, role="label", name=CONTACT_DISPLAY, timeout=60)
        # The role the form suggests for a new account is contact person.
        find(prefs, role="label", name=f"{CONTACT} · Contactpersoon")

        # Two accounts now: the unlock page asks which one.
        close_preferences(app, prefs)
        wbflows.lock_with_menu(app)
        find(app.root, role="text", name="Account")
        wbflows.unlock(app, CONTACT_PASSPHRASE, account=CONTACT)
        wbflows.wait_for_main(app)

        # A contact person sees no account management.
        prefs = open_accounts_page_as_member(app)
        assert not find_all(prefs, role="label", name="Alle accounts"), "a contact person manages accounts"
        close_preferences(app, prefs)

        # The beheerder removes the account; it can no longer sign in.
        wbflows.lock_with_menu(app)
        wbflows.unlock(app, account=wbflows.ADMIN)
        wbflows.wait_for_main(app)
        prefs = open_accounts_page(app)
        do_action(find_actionable(prefs, role="push button", name=f"{CONTACT_DISPLAY} verwijderen"))
        do_action(find_actionable(app.root, role="push button", name="Verwijderen"))
        wait_for(lambda: not find_all(prefs, role="label", name=CONTACT_DISPLAY),
                 "the account to go from the list", timeout=60)
        close_preferences(app, prefs)

        wbflows.lock_with_menu(app)
        # One account again: only the passphrase is asked, and the removed
        # account's passphrase opens nothing.
        wbflows.unlock(app, CONTACT_PASSPHRASE)
        wait_for(lambda: wbflows.error_alert(app), "the wrong-passphrase message", timeout=60)
        wbflows.unlock(app)
        wbflows.wait_for_main(app)


def close_preferences(app, prefs):
    do_action(find_actionable(prefs, role="push button", name="Sluiten"))
    wait_for(lambda: not find_all(app.root, role="frame", name="Voorkeuren"), "Voorkeuren to close")


def open_accounts_page_as_member(app):
    do_action(find_actionable(app.root, role="push button", name="Hoofdmenu"))
    do_action(find_actionable(app.root, role="menu item", name="Voorkeuren"))
    prefs = find(app.root, role="frame", name="Voorkeuren")
    do_action(find_actionable(prefs, name="Accounts"))
    find(prefs, role="label", name=CONTACT_DISPLAY)
    return prefs


if __name__ == "__main__":
    wbatspi.run_tests([test_admin_adds_an_account_that_can_sign_in_and_removes_it])
