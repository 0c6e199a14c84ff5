#!/usr/bin/python3
# test_shell.py: the app starts in Dutch and each of its four areas opens.
# SPDX-License-Identifier: GPL-3.0-or-later
import os

import wbatspi
import wbflows
from wbatspi import Atspi, find, find_all, select_child, wait_for

AREAS = [
    # (sidebar row, the title the header then shows)
    ("Meldingen", "Meldingen"),
    ("Nieuwe melding", "Nieuwe melding"),
    ("Partnernetwerk", "Partnernetwerk"),
    ("Nazorg", "Nazorg"),
]


def test_each_area_opens_by_its_dutch_name():
    with wbatspi.App(lang="nl") as app:
        find(app.root, role="frame", name="Weerbaar")
        wbflows.create_vault(app)
        sidebar = find(app.root, role="list", name="Onderdelen")
        for row_name, heading in reversed(AREAS):
            row = find(sidebar, role="list item", name=row_name)
            select_child(sidebar, row)
            wait_for(lambda: wbatspi.has_state(row, Atspi.StateType.SELECTED),
                     f"{row_name} selected")
            wait_for(lambda: heading in wbatspi.header_titles(app.root),
                     f"the header to show {heading}")
        shot = os.path.join(os.environ["MESON_BUILD_ROOT"], "e2e-shell.png")
        wbatspi.screenshot(shot)


def test_primary_menu_opens_about_in_dutch():
    with wbatspi.App(lang="nl") as app:
        wbflows.create_vault(app)
        menu = wbatspi.find_actionable(app.root, role="push button", name="Hoofdmenu")
        wbatspi.do_action(menu)
        about = wbatspi.find_actionable(app.root, role="menu item", name="Over Weerbaar")
        wbatspi.do_action(about)
        wait_for(lambda: any("070-3738314" in (n.get_name() or "")
                             for n in find_all(app.root, role="label")),
                 "the About window with the team's phone number")


if __name__ == "__main__":
    wbatspi.run_tests([test_each_area_opens_by_its_dutch_name,
                       test_primary_menu_opens_about_in_dutch])
