#!/usr/bin/python3
# test_intake.py: a full intake (Nieuwe melding) for a fictional reporter, from acute danger to the
# new case page, with the triage suggestion on the way and the case in the inbox afterwards, and a
# screenshot of every step (drafts: test_intake_drafts.py).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app runs in Dutch, as a screen reader user hears it. Until the intake's
# messages are translated, WB_E2E_LANG=en looks for their English msgids
# (which the Dutch app then shows) instead; everything else stays Dutch.
import datetime
import os
import subprocess

import wbatspi
import wbflows
from wbatspi import do_action, find, find_actionable, find_all, press, select_child, type_into, wait_for

LANG = os.environ.get("WB_E2E_LANG", "nl")
NAMES = {
    "nl": {"acute": "De beller is in acuut gevaar",
           "banner": "Acuut gevaar: zeg de beller nu 112 te bellen.",
           "next": "Volgende", "previous": "Vorige",
           "municipality": "Gemeente: zoeken op naam",
           "leeuwarden_place": "Leeuwarden, provincie Fryslân, veiligheidsregio Fryslân",
           "description": "Beschrijving",
           "suggested": "Voorgestelde urgentie: ",
           "step": "Stap {} van 7",
           "name_error": "Voer een naam in.",
           "drafts": "Concepten", "resume": "Hervatten",
           "draft_row": "{}, gestart "},
    "en": {"acute": "The caller is in acute danger",
           "banner": "Acute danger: tell the caller to call 112 now.",
           "next": "Next", "previous": "Previous",
           "municipality": "Municipality: find by name",
           "leeuwarden_place": "Leeuwarden, province Fryslân, safety region Fryslân",
           "description": "Description",
           "suggested": "Suggested urgency: ",
           "step": "Step {} of 7",
           "name_error": "Voer een naam in.",
           "drafts": "Drafts", "resume": "Resume",
           "draft_row": "{}, started "},
}[LANG]
REPORTER = "Test Jansen-42"
DESCRIPTION = "Fictief: geduwd bij de ingang van het gemeentehuis."
SENSITIVE = wbatspi.Atspi.StateType.SENSITIVE


def build_path(*parts):
    return os.path.join(os.environ["MESON_BUILD_ROOT"], *parts)


def window_ids(app):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                         capture_output=True, text=True, check=False).stdout
    return out.split()


def use_small_window(app, width=1024, height=700):
    """The smallest size the intake must work at (no window manager in Xvfb)."""
    for wid in window_ids(app):
        subprocess.run(["xdotool", "windowsize", wid, str(width), str(height)], check=False)


def step_screenshot(app, n):
    ids = window_ids(app)
    path = build_path(f"e2e-intake-step-{n}.png")
    if ids:
        subprocess.run(["import", "-window", ids[0], path], check=True)
    else:
        wbatspi.screenshot(path)


def scroll_to_end(app, anchor):
    """Wheel down over the form until `anchor` (a label on it) has moved up,
    for a screenshot of what lies below the fold."""
    ext = anchor.get_extents(wbatspi.Atspi.CoordType.SCREEN)
    top = ext.y
    for _ in range(30):
        wbatspi.Atspi.generate_mouse_event(ext.x + 20, 400, "b5c")
    wait_for(lambda: anchor.get_extents(wbatspi.Atspi.CoordType.SCREEN).y < top, "the form to scroll")


def labels_starting(app, prefix):
    return [l for l in find_all(app.root, role="label") if (l.get_name() or "").startswith(prefix)]


def click(acc):
    """A mouse click near the start of acc (GTK 4.8 offers no AT-SPI action on
    check buttons, and Tab through the sidebar would switch areas)."""
    ext = acc.get_extents(wbatspi.Atspi.CoordType.SCREEN)
    wbatspi.Atspi.generate_mouse_event(ext.x + min(10, ext.width // 2), ext.y + ext.height // 2, "b1c")


def click_and_type(acc, text):
    """Type into a field far down the form without tabbing through the rest."""
    ext = acc.get_extents(wbatspi.Atspi.CoordType.SCREEN)
    wbatspi.Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")
    wait_for(lambda: wbatspi.is_focused(acc), f"focus on {acc.get_name()!r}")
    wbatspi.Atspi.generate_keyboard_event(0, text, wbatspi.Atspi.KeySynthType.STRING)


def toggle(app, name):
    check = find(app.root, role="check box", name=name)
    click(check)
    wait_for(lambda: wbatspi.has_state(check, wbatspi.Atspi.StateType.CHECKED), f"{name} checked")


def next_step(app, button, to):
    """Volgende, once it is available, then wait for step `to`."""
    wait_for(lambda: wbatspi.has_state(button, SENSITIVE), "Volgende to become available")
    do_action(button)
    find(app.root, role="label", name=NAMES["step"].format(to))


def test_full_intake_opens_the_new_case():
    with wbatspi.App(lang="nl") as app:
        wbflows.create_vault(app)
        use_small_window(app)
        sidebar = find(app.root, role="list", name="Onderdelen")
        select_child(sidebar, find(sidebar, role="list item", name="Nieuwe melding"))

        # 1 Acute danger: the banner tells to call 112, and the intake goes on.
        toggle(app, NAMES["acute"])
        wait_for(lambda: labels_starting(app, NAMES["banner"]), "the 112 banner")
        step_screenshot(app, 1)
        next_button = find_actionable(app.root, role="push button", name=NAMES["next"])
        next_step(app, next_button, 2)

        # 2 Reporter: Volgende refuses an empty step, and a name of spaces
        # says why beside the field.
        name = find(app.root, role="text", name="Naam")
        wait_for(lambda: not wbatspi.has_state(next_button, SENSITIVE), "Volgende to refuse")
        type_into(name, "   ")
        find(app.root, role="label", name=NAMES["name_error"])
        assert not wbatspi.has_state(next_button, SENSITIVE)
        do_action(next_button)
        find(app.root, role="label", name=NAMES["step"].format(2))
        type_into(name, REPORTER)
        type_into(find(app.root, role="text", name=NAMES["municipality"]), "Leeuwarden")
        find(app.root, role="list item", name="Gemeente Leeuwarden")
        press(wbatspi.KEY_RETURN)
        find(app.root, role="label", name=NAMES["leeuwarden_place"])
        click_and_type(find(app.root, role="text", name="Telefoon"), "06 12345678")
        wait_for(lambda: not find_all(app.root, role="label", name=NAMES["name_error"]), "the error to go")
        wait_for(lambda: wbatspi.has_state(next_button, SENSITIVE), "Volgende to become available")
        step_screenshot(app, 2)
        next_step(app, next_button, 3)

        # 3 What happened.
        toggle(app, "Fysiek geweld")
        type_into(find(app.root, role="text", name=NAMES["description"]), DESCRIPTION)
        wait_for(lambda: wbatspi.has_state(next_button, SENSITIVE), "Volgende to become available")
        step_screenshot(app, 3)
        next_step(app, next_button, 4)

        # 4 The triage suggests at least high for physical violence.
        suggestion = wait_for(lambda: labels_starting(app, NAMES["suggested"]), "the triage suggestion")
        urgency = suggestion[0].get_name()[len(NAMES["suggested"]):]
        assert urgency in ("Hoog", "Acuut"), urgency
        step_screenshot(app, 4)

        # 5, 6 and the review; then save.
        next_step(app, next_button, 5)
        step_screenshot(app, 5)
        next_step(app, next_button, 6)
        step_screenshot(app, 6)
        next_step(app, next_button, 7)
        step_screenshot(app, 7)
        scroll_to_end(app, find(app.root, role="label", name="Toewijzing"))
        step_screenshot(app, "7-end")
        do_action(find_actionable(app.root, role="push button", name="Opslaan"))

        # The new case page opens with the next free reference of the year.
        year = datetime.datetime.now(datetime.timezone.utc).year
        references = [f"OT-{y}-0001" for y in (year, year + 1)]
        wait_for(lambda: [l for l in find_all(app.root, role="label") if l.get_name() in references],
                 "the new case page with its reference", timeout=30)
        reference = next(l.get_name() for l in find_all(app.root, role="label")
                         if l.get_name() in references)
        find(app.root, role="label", name=DESCRIPTION)
        find(app.root, role="list", name="Tijdlijn")
        wbatspi.screenshot(build_path("e2e-intake-case.png"))

        # And the case is in the inbox.
        do_action(find_actionable(app.root, role="push button", name="Terug naar meldingen"))
        wait_for(lambda: [r for r in find_all(app.root, role="table row")
                          if (r.get_name() or "").startswith(reference + ",")],
                 f"a row for {reference} in the inbox", timeout=30)



if __name__ == "__main__":
    wbatspi.run_tests([test_full_intake_opens_the_new_case])
