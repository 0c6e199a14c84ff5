#!/usr/bin/python3
# test-cli-partners.py: weerbaar-cli partners import, export and list through pipes (TAP output).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A refused import never opens the vault, so the malformed files cost no
# Argon2id; the partners are counted once afterwards. Names are fictional.
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
PASS = 'partner test passphrase 1'
results = []
ENV = dict(os.environ, LANGUAGE='', LC_ALL='C.UTF-8', LANG='C.UTF-8')

HEADER = 'name,organisation,kind,areas,languages,availability,phone,email,notes,active,last_verified'
GOOD = [
    'Test Jansen-11,Stichting Test-11,legal,GM0080;PV21,nl;fy,avond en weekend,0612345678,,,ja,2026-01-15',
    'Test de Vries-12,,aftercare,VR02,nl,,,vries12@example.org,"twee\nregels, met ""quotes""",nee,',
    'Test Bakker-13,Praktijk Bakker-13,security-expert,NL,,,0201234567,b13@example.org,,,',
]


def run(args, db, secret=True):
    r, w = os.pipe()
    os.write(w, (PASS + '\n').encode())
    os.close(w)
    full = [CLI] + args + ['--db', db]
    if secret:
        full += ['--passphrase-fd', str(r)]
    p = subprocess.run(full, pass_fds=(r,), capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=120, env=ENV)
    os.close(r)
    p.out = p.stdout.decode('utf-8', 'replace')
    p.err = p.stderr.decode('utf-8', 'replace')
    return p


def check(name, cond, detail=''):
    results.append((name, bool(cond), detail))


def write(path, data):
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def csv(rows, eol='\r\n'):
    return eol.join([HEADER] + rows) + eol


def listed(db):
    p = run(['partners', 'list', '--json'], db)
    try:
        return json.loads(p.out), p
    except ValueError:
        return None, p


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'v.db')
    p = run(['init', '--account', 'anna'], db)
    check('init creates the vault', p.returncode == 0, p.err)

    # Every malformed file: a clear error naming the line, nothing imported.
    malformed = {
        'bad quoting': (csv([GOOD[0], 'Test Smit-14,"open quote,legal,NL,,,0611111111,,,,']),
                        'Line 3'),
        'wrong column count': (csv([GOOD[0], 'Test Smit-15,legal,NL']), 'Line 3'),
        'unknown kind': (csv([GOOD[0], 'Test Smit-16,,wizard,NL,,,0611111111,,,,']),
                         'Line 3, column kind'),
        'unknown municipality': (csv([GOOD[0], 'Test Smit-17,,legal,GM9999,,,0611111111,,,,']),
                                 'Line 3, column areas'),
        'a BOM and a bad row': (b'\xef\xbb\xbf' + csv([GOOD[0], 'Test Smit-18,,legal,NL,,,,,,,']).encode(),
                                'Line 3'),
        'an empty file': (b'', ''),
        'a 10 MB line': (csv([GOOD[0], 'Test Smit-19,,legal,NL,,,0611111111,,' + 'x' * (10 * 1024 * 1024) + ',,']),
                         'Line 3'),
        'invalid UTF-8': (csv([GOOD[0]]).encode() + b'Test Smit-20,\xff\xfe,legal,NL,,,0611111111,,,,\r\n',
                          'Line 3'),
        'a NUL byte': (csv([GOOD[0]]).encode() + b'Test Smit-21,\x00,legal,NL,,,0611111111,,,,\r\n', ''),
        'an unknown column': ('name,kind,areas,phone,colour\r\nTest Smit-22,legal,NL,0611111111,blue\r\n',
                              'colour'),
        'a missing required column': ('name,areas,phone\r\nTest Smit-23,NL,0611111111\r\n', 'kind'),
        'a bad date': (csv([GOOD[0], 'Test Smit-24,,legal,NL,,,0611111111,,,,15-01-2026']),
                       'Line 3, column last_verified'),
    }
    for name, (data, needle) in malformed.items():
        path = os.path.join(tmp, 'bad.csv')
        write(path, data)
        p = run(['partners', 'import', path], db, secret=False)
        check('%s: import fails' % name, p.returncode != 0 and p.out == '',
              '%d %r' % (p.returncode, p.out[:200]))
        check('%s: clear error' % name,
              needle in p.err and 'imported' in p.err.lower() and len(p.err) < 4000,
              p.err[:500])

    p = run(['partners', 'import', os.path.join(tmp, 'missing.csv')], db, secret=False)
    check('a missing file fails', p.returncode != 0 and 'missing.csv' in p.err, p.err)

    partners, p = listed(db)
    check('nothing was imported by the refused files', partners == [], p.out + p.err)

    # --skip-invalid: only the good rows, the bad ones still reported.
    path = os.path.join(tmp, 'mixed.csv')
    write(path, csv([GOOD[0], 'Test Smit-25,,wizard,NL,,,0611111111,,,,', GOOD[1],
                     'Test Smit-26,,legal,GM9999,,,0611111111,,,,']))
    p = run(['partners', 'import', path, '--skip-invalid'], db)
    check('--skip-invalid imports the valid rows', p.returncode == 0 and 'Imported 2 partners' in p.out,
          p.out + p.err)
    check('--skip-invalid reports the skipped rows',
          'Line 3' in p.err and 'Line 6' in p.err and 'Skipped 2' in p.out, p.out + p.err)

    # A BOM and CRLF line breaks are fine; so are LF line breaks.
    write(path, b'\xef\xbb\xbf' + csv([GOOD[2]]).encode())
    p = run(['partners', 'import', path], db)
    check('a file with a BOM and CRLF imports', p.returncode == 0 and 'Imported 1 partner' in p.out,
          p.out + p.err)

    partners, p = listed(db)
    names = sorted(x['name'] for x in partners or [])
    check('list --json parses and holds the imported partners',
          names == ['Test Bakker-13', 'Test Jansen-11', 'Test de Vries-12'], p.out + p.err)
    by_name = {x['name']: x for x in partners or []}
    j = by_name.get('Test Jansen-11', {})
    check('list --json has every field',
          j.get('kind') == 'legal' and j.get('areas') == ['GM0080', 'PV21']
          and j.get('languages') == ['nl', 'fy'] and j.get('active') is True
          and j.get('last_verified') == '2026-01-15' and j.get('phone'), json.dumps(j))
    v = by_name.get('Test de Vries-12', {})
    check('notes keep line breaks and quotes; active nee is false',
          v.get('notes') == 'twee\nregels, met "quotes"' and v.get('active') is False, json.dumps(v))

    def audit_entries(vault):
        p = run(['check'], vault)
        m = re.search(r'Audit log: (\d+) entries, chain intact', p.out)
        return int(m.group(1)) if p.returncode == 0 and m else -1

    before = audit_entries(db)

    # Export to a file, import into a second vault: the same directory.
    out = os.path.join(tmp, 'export.csv')
    p = run(['partners', 'export', out], db)
    check('export to a file succeeds', p.returncode == 0 and os.path.exists(out), p.err)
    check('the export file is private (0600)',
          os.path.exists(out) and stat.S_IMODE(os.stat(out).st_mode) == 0o600)
    p = run(['partners', 'export'], db)
    check('export without a file writes CSV to stdout',
          p.returncode == 0 and p.out.startswith(HEADER + '\r\n') and p.out.count('\r\n') >= 4,
          p.out[:300])
    with open(out, 'rb') as f:
        check('the file and stdout exports are the same', f.read() == p.stdout)

    db2 = os.path.join(tmp, 'w.db')
    run(['init', '--account', 'anna'], db2)
    p = run(['partners', 'import', out], db2)
    check('the export imports into another vault', p.returncode == 0, p.out + p.err)
    again, p = listed(db2)

    def strip(items):
        return sorted((dict(x, id=None) for x in items or []), key=lambda x: x['name'])
    check('export and import round-trip every field', again and strip(again) == strip(partners),
          json.dumps(strip(again))[:500])

    p = run(['partners', 'frobnicate'], db, secret=False)
    check('an unknown partners command exits 2', p.returncode == 2 and 'Usage' in p.err, p.err)

    # Both exports since are in the audit log (a check adds nothing to it).
    after = audit_entries(db)
    check('exports are audited', before >= 0 and after == before + 2,
          '%d then %d' % (before, after))

print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print('# ' + line)
