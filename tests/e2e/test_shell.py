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


def test_tab_leaves_the_sidebar_without_switching_areas():
    with wbatspi.App(lang="nl") as app:
        wbflows.create_vault(app)
        sidebar = find(app.root, role="list", name="Onderdelen")
        rows = {n: find(sidebar, role="list item", name=n) for n, _ in AREAS}
        def in_sidebar():
            return wbatspi.is_focused(sidebar) or any(wbatspi.is_focused(r) for r in rows.values())
        wait_for(in_sidebar, "the sidebar to have the focus")
        wbatspi.press(wbatspi.KEY_TAB)
        wait_for(lambda: not in_sidebar(), "the focus to leave the sidebar")
        assert wbatspi.has_state(rows["Meldingen"], Atspi.StateType.SELECTED)
        assert not any(wbatspi.has_state(r, Atspi.StateType.SELECTED)
                       for n, r in rows.items() if n != "Meldingen")
        assert "Meldingen" in wbatspi.header_titles(app.root)


if __name__ == "__main__":
    wbatspi.run_tests([test_each_area_opens_by_its_dutch_name,
                       test_primary_menu_opens_about_in_dutch,
                       test_tab_leaves_the_sidebar_without_switching_areas])
