#!/usr/bin/python3
# test_partners.py: a partner added on the Partnernetwerk page is found with the region filter
# (province Fryslân), and a partner elsewhere is not.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The vault is made with "weerbaar-cli init" (real Argon2id cost) and holds a
# partner in Amsterdam imported with "weerbaar-cli partners import" before
# the app starts. Dutch names by default, as a screen reader user hears
# them; WB_E2E_LANG=en runs the same steps in English until the translation
# exists. Names are fictional.
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
           "any_region": "Alle regio's", "unverified": "Niet geverifieerd dit jaar"},
    "en": {"passphrase": "Passphrase", "areas": "Areas", "area": "Partner Network",
           "add": "Add Partner", "name": "Name", "phone": "Phone",
           "add_area": "Add an area: municipality, province or safety region",
           "leeuwarden": "Municipality of Leeuwarden",
           "remove_leeuwarden": "Remove Municipality of Leeuwarden", "verified": "Verified Today",
           "save": "Save", "partners": "Partners",
           "region": "Region: municipality, province or safety region",
           "any_region": "Any Region", "unverified": "Not verified this year"},
}[LANG]
ADDED = "Test Hoekstra-51"
ELSEWHERE = "Test Meijer-52"


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


if __name__ == "__main__":
    wbatspi.run_tests([test_added_partner_is_found_with_the_region_filter])
