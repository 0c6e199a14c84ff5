#!/usr/bin/python3
# test_partners.py: a partner added on the Partnernetwerk page is found with the region filter
# (province Fryslân), and a partner elsewhere is not; a partner is engaged from a case.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The vaults are made with "weerbaar-cli init" (real Argon2id cost), with
# partners (and demo cases) added by the command-line tool before the app
# starts. Dutch names by default, as a screen reader user hears
# them; WB_E2E_LANG=en runs the same steps in English until the translation
# exists. Names are fictional.
import json
import os
import subprocess
import tempfile

import wbatspi
import wbflows
from wbatspi import do_action, find, find_actionable, find_all, press, select_child, type_into, wait_for

LANG = os.environ.get("WB_E2E_LANG", "nl")
NAMES = {
    "nl": {"passphrase": "Wachtwoordzin", "areas": "Onderdelen", "area": "Partnernetwerk",
           "add": "Partner toevoegen", "name": "Naam", "phone": "Telefoon",
           "add_area": "Gebied toevoegen: gemeente, provincie of veiligheidsregio",
           "leeuwarden": "Gemeente Leeuwarden",
           "remove_leeuwarden": "Gemeente Leeuwarden verwijderen", "verified": "Geverifieerd vandaag",
           "save": "Opslaan", "partners": "Partners",
           "region": "Regio: gemeente, provincie of veiligheidsregio",
           "any_region": "Alle regio's", "unverified": "Niet geverifieerd in de afgelopen 12 maanden",
           "search_cases": "Meldingen zoeken", "timeline": "Tijdlijn", "more": "Meer",
           "engage_item": "Partner inschakelen…", "suggested": "Voorgestelde partners",
           "engage": "Inschakelen", "referred": "Doorverwezen naar "},
    "en": {"passphrase": "Passphrase", "areas": "Areas", "area": "Partner Network",
           "add": "Add Partner", "name": "Name", "phone": "Phone",
           "add_area": "Add an area: municipality, province or safety region",
           "leeuwarden": "Municipality of Leeuwarden",
           "remove_leeuwarden": "Remove Municipality of Leeuwarden", "verified": "Verified Today",
           "save": "Save", "partners": "Partners",
           "region": "Region: municipality, province or safety region",
           "any_region": "Any Region", "unverified": "Not verified in the last 12 months",
           "search_cases": "Search cases", "timeline": "Timeline", "more": "More",
           "engage_item": "Engage Partner…", "suggested": "Suggested partners",
           "engage": "Engage", "referred": "Referred to "},
}[LANG]
ADDED = "Test Hoekstra-51"
ELSEWHERE = "Test Meijer-52"
NATIONAL = "Test de Boer-53"
KEY_F = 0x0066


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


def partner_rows(app, name):
    """The list rows of a partner: a row's name starts with the partner's name."""
    return [r for r in find_all(app.root, role="list item")
            if (r.get_name() or "").startswith(name + ", ")]


def test_added_partner_is_found_with_the_region_filter():
    with tempfile.TemporaryDirectory(prefix="wb-e2e-partners-") as tmp:
        db = os.path.join(tmp, "weerbaar.db")
        csv = os.path.join(tmp, "partners.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("name,kind,areas,email\r\n"
                    f"{ELSEWHERE},aftercare,GM0363,meijer52@example.org\r\n")
        cli(db, "init", "--account", wbflows.ADMIN, "--display-name", wbflows.ADMIN_DISPLAY)
        cli(db, "partners", "import", csv)

        with wbatspi.App(lang=LANG, env={"WEERBAAR_DB": db}) as app:
            type_into(find(app.root, role="password text", name=NAMES["passphrase"]), wbflows.PASSPHRASE)
            press(wbatspi.KEY_RETURN)
            sidebar = find(app.root, role="list", name=NAMES["areas"], timeout=60)
            select_child(sidebar, find(sidebar, role="list item", name=NAMES["area"]))
            wait_for(lambda: partner_rows(app, ELSEWHERE), "the imported partner", timeout=30)

            # Add a partner serving Leeuwarden, a municipality in Fryslân.
            do_action(find_actionable(app.root, role="push button", name=NAMES["add"]))
            type_into(find(app.root, role="text", name=NAMES["name"]), ADDED)
            type_into(find(app.root, role="text", name=NAMES["add_area"]), "Leeuwarden")
            find(app.root, role="list item", name=NAMES["leeuwarden"])
            press(wbatspi.KEY_RETURN)
            # Chosen, the area is listed among those served, with its remove button.
            find_actionable(app.root, role="push button", name=NAMES["remove_leeuwarden"])
            type_into(find(app.root, role="text", name=NAMES["phone"]), "06 12345678")
            do_action(find_actionable(app.root, role="push button", name=NAMES["verified"]))
            do_action(find_actionable(app.root, role="push button", name=NAMES["save"]))

            rows = wait_for(lambda: partner_rows(app, ADDED), "the new partner in the list", timeout=30)
            assert NAMES["leeuwarden"] in rows[0].get_name(), rows[0].get_name()
            assert NAMES["unverified"] not in rows[0].get_name(), rows[0].get_name()
            assert partner_rows(app, ELSEWHERE), "the other partner is listed without a filter"

            # The region filter: province Fryslân keeps the Leeuwarden partner only.
            type_into(find(app.root, role="text", name=NAMES["region"]), "Fryslân")
            press(wbatspi.KEY_RETURN)
            find_actionable(app.root, role="push button", name=NAMES["any_region"])
            wait_for(lambda: not partner_rows(app, ELSEWHERE), "the Amsterdam partner to be hidden")
            assert partner_rows(app, ADDED), "the Fryslân partner is hidden by the Fryslân filter"

            do_action(find_actionable(app.root, role="push button", name=NAMES["any_region"]))
            wait_for(lambda: partner_rows(app, ELSEWHERE), "every partner again")

        # Saved in the vault: the CLI lists it too.
        assert ADDED in cli(db, "partners", "list")


def test_partner_is_engaged_from_a_case():
    with tempfile.TemporaryDirectory(prefix="wb-e2e-engage-") as tmp:
        db = os.path.join(tmp, "weerbaar.db")
        csv = os.path.join(tmp, "partners.csv")
        # A national partner serves every case, wherever the demo put it.
        with open(csv, "w", encoding="utf-8") as f:
            f.write("name,kind,areas,phone\r\n"
                    f"{NATIONAL},legal,NL,0201234567\r\n")
        cli(db, "init", "--account", wbflows.ADMIN, "--display-name", wbflows.ADMIN_DISPLAY)
        cli(db, "demo", "--account", wbflows.ADMIN, "--cases", "3", "--seed", "5")
        cli(db, "partners", "import", csv)
        cases = json.loads(cli(db, "cases", "list", "--json", "--account", wbflows.ADMIN))
        reference = next(c["reference"] for c in cases if c["status"] != "closed")

        with wbatspi.App(lang=LANG, env={"WEERBAAR_DB": db}) as app:
            type_into(find(app.root, role="password text", name=NAMES["passphrase"]), wbflows.PASSPHRASE)
            press(wbatspi.KEY_RETURN)
            find(app.root, role="entry", name=NAMES["search_cases"], timeout=60)
            wbatspi.press_with_control(KEY_F)
            wbatspi.Atspi.generate_keyboard_event(0, reference, wbatspi.Atspi.KeySynthType.STRING)
            wait_for(lambda: [r for r in find_all(app.root, role="table row")
                              if (r.get_name() or "").startswith(reference + ",")]
                     and len([r for r in find_all(app.root, role="table row")
                              if ", " in (r.get_name() or "")]) == 1,
                     "the search to leave only the case")
            press(wbatspi.KEY_RETURN)
            find(app.root, role="list", name=NAMES["timeline"], timeout=30)

            do_action(find_actionable(app.root, name=NAMES["more"]))
            do_action(find_actionable(app.root, role="menu item", name=NAMES["engage_item"]))
            suggested = find(app.root, role="list", name=NAMES["suggested"], timeout=30)
            row = wait_for(lambda: [r for r in find_all(suggested, role="list item")
                                    if (r.get_name() or "").startswith(NATIONAL + ", ")],
                           "the national partner among the suggestions")[0]
            select_child(suggested, row)
            engage = find_actionable(app.root, role="push button", name=NAMES["engage"])
            wait_for(lambda: wbatspi.has_state(engage, wbatspi.Atspi.StateType.SENSITIVE),
                     "Engage to become available")
            do_action(engage)
            wait_for(lambda: [l for l in find_all(app.root, role="label")
                              if (l.get_name() or "").startswith(NAMES["referred"] + NATIONAL)],
                     "the referral in the timeline", timeout=30)


if __name__ == "__main__":
    wbatspi.run_tests([test_added_partner_is_found_with_the_region_filter,
                       test_partner_is_engaged_from_a_case])
