#!/usr/bin/python3
# test_followups.py: the Nazorg page shows an overdue follow-up under "Te laat"; marking it
# done asks for the outcome and takes it off the list.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The fictional cases come from "weerbaar-cli demo" on a vault made with
# "weerbaar-cli init" (real Argon2id cost), before the app starts on it.
# Dutch names by default, as a screen reader user hears them; WB_E2E_LANG=en
# runs the same steps in English until the translation exists.
import datetime
import json
import os
import subprocess
import sys
import tempfile
import zoneinfo

import wbatspi
import wbflows
from gi.repository import Gio, GLib  # after wbatspi, which pins the gi versions
from wbatspi import do_action, find, find_actionable, find_all, select_child, type_into, wait_for

LANG = os.environ.get("WB_E2E_LANG", "nl")
NAMES = {
    "nl": {"locked": "Weerbaar is vergrendeld",
           "locked_bodies": {"Er staat een nazorgcontact gepland. Open Weerbaar om het te bekijken.",
                             "Open Weerbaar om ze te bekijken."},
           "areas": "Onderdelen", "passphrase": "Wachtwoordzin", "area": "Nazorg", "overdue": "Te laat", "all": "Alle", "mark_done": "Markeer als afgehandeld",
           "outcome": "Uitkomst", "groups": {"Vandaag", "Te laat", "Deze week", "Later"},
           "single_body": "Er staat een nazorgcontact gepland. Open Weerbaar om het te bekijken.",
           "back_to_cases": "Terug naar meldingen"},
    "en": {"locked": "Weerbaar Is Locked",
           "locked_bodies": {"A follow-up is planned. Open Weerbaar to see it.", "Open Weerbaar to see them."},
           "areas": "Areas", "passphrase": "Passphrase", "area": "Aftercare", "overdue": "Overdue", "all": "All", "mark_done": "Mark Done",
           "outcome": "Outcome", "groups": {"Today", "Overdue", "This week", "Later"},
           "single_body": "A follow-up is planned. Open Weerbaar to see it.",
           "back_to_cases": "Back to Cases"},
}[LANG]
OUTCOME = "Fictief nazorggesprek gevoerd; het gaat naar omstandigheden goed."
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def cli(db, *args, passphrase=wbflows.PASSPHRASE):
    r, w = os.pipe()
    os.write(w, (passphrase + "\n").encode())
    os.close(w)
    binary = os.path.join(os.environ["MESON_BUILD_ROOT"], "src", "weerbaar-cli")
    p = subprocess.run([binary, *args, "--db", db, "--passphrase-fd", str(r)], pass_fds=(r,),
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    os.close(r)
    assert p.returncode == 0, f"weerbaar-cli {' '.join(args)}: {p.stderr}"
    return p.stdout


def overdue_by_reference(db):
    """Case reference → how many open follow-ups are due on a day before today."""
    due = json.loads(cli(db, "followups", "due", "--json", "--unlock"))
    today = datetime.datetime.now(AMSTERDAM).date()
    counts = {}
    for f in due["followups"]:
        when = datetime.datetime.fromisoformat(f["due"].replace("Z", "+00:00")).astimezone(AMSTERDAM)
        if when.date() < today and f.get("case_reference"):
            counts[f["case_reference"]] = counts.get(f["case_reference"], 0) + 1
    return counts


def group_of(row):
    """The title of the group a row stands in: the nearest ancestor that holds a group label."""
    node = row.get_parent()
    while node is not None:
        titles = {label.get_name() for label in find_all(node, role="label")} & NAMES["groups"]
        if titles:
            return titles
        node = node.get_parent()
    return set()


def window_of(acc):
    """The top-level window acc is in (the outcome dialog is a window of its own)."""
    node = acc
    while node.get_parent() is not None and wbatspi.role_name(node.get_parent()) != "application":
        node = node.get_parent()
    return node


def rows_for(app, reference):
    return [r for r in find_all(app.root)
            if (r.get_name() or "").startswith(reference + ":") and wbatspi.n_actions(r) == 0
            and find_all(r, role="push button", name=NAMES["mark_done"])]


def test_overdue_follow_up_is_marked_done_with_an_outcome():
    with tempfile.TemporaryDirectory(prefix="wb-e2e-followups-") as tmp:
        db = os.path.join(tmp, "weerbaar.db")
        cli(db, "init", "--account", wbflows.ADMIN, "--display-name", wbflows.ADMIN_DISPLAY)
        cli(db, "demo", "--cases", "12", "--seed", "7")
        before = overdue_by_reference(db)
        assert before, "the demo cases have no overdue follow-up"
        reference = sorted(before)[0]

        with wbatspi.App(lang=LANG, env={"WEERBAAR_DB": db}) as app:
            type_into(find(app.root, role="password text", name=NAMES["passphrase"]), wbflows.PASSPHRASE)
            wbatspi.press(wbatspi.KEY_RETURN)
            sidebar = find(app.root, role="list", name=NAMES["areas"], timeout=60)
            select_child(sidebar, find(sidebar, role="list item", name=NAMES["area"]))

            # The whole team's follow-ups: the demo assigns cases to its own accounts.
            do_action(find_actionable(app.root, role="push button", name=NAMES["all"]))
            find(app.root, role="label", name=NAMES["overdue"], timeout=30)
            rows = wait_for(lambda: [r for r in rows_for(app, reference)
                                     if group_of(r) == {NAMES["overdue"]}],
                            f"a row of {reference} under {NAMES['overdue']!r}", timeout=30)
            n_rows = len(rows_for(app, reference))

            do_action(find_actionable(rows[0], role="push button", name=NAMES["mark_done"]))
            outcome = find(app.root, role="text", name=NAMES["outcome"])
            type_into(outcome, OUTCOME)
            do_action(find_actionable(window_of(outcome), role="push button", name=NAMES["mark_done"]))
            wait_for(lambda: len(rows_for(app, reference)) == n_rows - 1,
                     "the follow-up to leave the list", timeout=30)

        after = overdue_by_reference(db)
        assert after.get(reference, 0) == before[reference] - 1, (before, after)


NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")


def start_notification_daemon(bus):
    """python3-dbusmock's notification daemon on the test's private session bus."""
    daemon = subprocess.Popen([sys.executable, "-m", "dbusmock", "--template", "notification_daemon",
                               "-p", '{"capabilities": "actions body body-markup"}'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def owned():
        reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "NameHasOwner", GLib.Variant("(s)", (NOTIFICATIONS[0],)), None,
                              Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]
    wait_for(owned, "the mock notification daemon", timeout=30)
    return daemon


def popups(bus):
    """(id, summary, body, actions) of every Notify call the daemon answered, in order."""
    reply = bus.call_sync(NOTIFICATIONS[0], NOTIFICATIONS[1], "org.freedesktop.DBus.Mock", "GetCalls",
                          None, GLib.VariantType("(a(tsav))"), Gio.DBusCallFlags.NONE, 5000, None)
    shown, next_id = [], 1
    for _, method, args in reply.unpack()[0]:
        if method != "Notify":
            continue
        replaces = args[1]
        nid = replaces if replaces else next_id
        if not replaces:
            next_id += 1
        shown.append((nid, args[3], args[4], args[5]))
    return shown


def invoke(bus, nid, action):
    bus.call_sync(NOTIFICATIONS[0], NOTIFICATIONS[1], "org.freedesktop.DBus.Mock", "EmitSignal",
                  GLib.Variant("(sssav)", ("org.freedesktop.Notifications", "ActionInvoked", "us",
                                           [GLib.Variant("u", nid), GLib.Variant("s", action)])),
                  None, Gio.DBusCallFlags.NONE, 5000, None)


def test_background_popup_names_nothing_and_opens_the_window():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    daemon = start_notification_daemon(bus)
    try:
        with tempfile.TemporaryDirectory(prefix="wb-e2e-popup-") as tmp:
            db = os.path.join(tmp, "weerbaar.db")
            cli(db, "init", "--account", wbflows.ADMIN, "--display-name", wbflows.ADMIN_DISPLAY)
            cli(db, "demo", "--cases", "6", "--seed", "11")
            references = set(overdue_by_reference(db))
            assert references, "the demo cases have no overdue follow-up"

            # Started at login: no window, the vault locked. Reminders missed
            # while the machine was off pop up once, naming nothing.
            app = wbatspi.App(lang=LANG, args=["--background"], env={"WEERBAAR_DB": db})
            app.proc = subprocess.Popen([app.binary] + app.args, env=app.env)
            try:
                shown = wait_for(lambda: popups(bus), "a reminder popup", timeout=30)
                for _, summary, body, _ in shown:
                    assert body in NAMES["locked_bodies"], body
                    assert not any(r in summary + body for r in references), (summary, body)
                assert app.proc.poll() is None, "the background process ended"

                # A click on the popup shows the window, which asks to unlock first.
                invoke(bus, shown[0][0], "default")
                desktop = wbatspi.Atspi.get_desktop(0)

                def app_node():
                    for c in wbatspi.children(desktop):
                        try:
                            if c.get_process_id() == app.proc.pid:
                                return c
                        except GLib.Error:
                            continue
                    return None
                app.root = wait_for(app_node, "the window of the background process", timeout=30)
                find(app.root, role="label", name=NAMES["locked"], timeout=30)
                type_into(find(app.root, role="password text", name=NAMES["passphrase"]), wbflows.PASSPHRASE)
                wbatspi.press(wbatspi.KEY_RETURN)
                find(app.root, role="list", name=NAMES["areas"], timeout=60)

                # A popup for one follow-up lands on its case once unlocked.
                single = [p for p in shown if p[2] == NAMES["single_body"]]
                assert single, f"no single-follow-up popup to open: {shown}"
                if single[0] is not shown[0]:
                    invoke(bus, single[0][0], "open")
                find_actionable(app.root, role="push button", name=NAMES["back_to_cases"], timeout=30)
                wait_for(lambda: any(l.get_name() in references
                                     for l in find_all(app.root, role="label")),
                         "the case of the popup")
                wbatspi.screenshot(os.path.join(os.environ["MESON_BUILD_ROOT"], "e2e-popup-case.png"))
            except BaseException:
                wbatspi.failure_screenshot()
                raise
            finally:
                app.stop()
    finally:
        daemon.terminate()
        daemon.wait()


if __name__ == "__main__":
    wbatspi.run_tests([test_overdue_follow_up_is_marked_done_with_an_outcome,
                       test_background_popup_names_nothing_and_opens_the_window])
