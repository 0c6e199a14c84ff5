#!/usr/bin/python3
# test-cli-retention.py: weerbaar-cli retention list, purge and inzage through pipes (TAP output).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The vault holds fictional demo cases (a fixed seed); the closed ones of
# 2024 and 2025 are past a retention period of one month.
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
PASS = 'retention test passphrase 1'
results = []
ENV = dict(os.environ, LANGUAGE='', LC_ALL='C.UTF-8', LANG='C.UTF-8')


def run(args, db, secret=True, stdin=subprocess.DEVNULL):
    r, w = os.pipe()
    os.write(w, (PASS + '\n' + PASS + '\n').encode())
    os.close(w)
    full = [CLI] + args + ['--db', db]
    if secret:
        full += ['--passphrase-fd', str(r)]
    p = subprocess.run(full, pass_fds=(r,), capture_output=True,
                       stdin=stdin, timeout=120, env=ENV)
    os.close(r)
    p.out = p.stdout.decode('utf-8', 'replace')
    p.err = p.stderr.decode('utf-8', 'replace')
    return p


def check(name, cond, detail=''):
    results.append((name, bool(cond), detail))


def listed(db):
    p = run(['retention', 'list', '--json', '--months', '1'], db)
    try:
        return json.loads(p.out), p
    except ValueError:
        return None, p


def cases(db):
    p = run(['cases', 'list', '--json'], db)
    try:
        return json.loads(p.out)
    except ValueError:
        return []


def main():
    tmp = tempfile.mkdtemp(prefix='wb-cli-retention-')
    db = os.path.join(tmp, 'v.db')
    p = run(['init', '--account', 'anna'], db)
    check('init creates the vault', p.returncode == 0, p.err)
    p = run(['demo', '--cases', '60', '--seed', '3'], db)
    check('demo adds cases', p.returncode == 0, p.err)

    items, p = listed(db)
    check('retention list --json parses', items is not None and len(items) > 0, p.out + p.err)
    items = items or [{}]
    first = items[0]
    check('an item has reference, closed, months and expired',
          set(first) == {'reference', 'closed', 'months', 'expired'}
          and re.match(r'^\d{4}-\d\d-\d\d$', first.get('closed', '')), json.dumps(first))
    all_cases = cases(db)
    closed = {c['reference'] for c in all_cases if c.get('status') == 'closed'}
    check('only closed cases are listed', {i.get('reference') for i in items} <= closed,
          json.dumps(items))
    ref = first.get('reference', 'none')
    open_ref = next((c['reference'] for c in all_cases if c.get('status') != 'closed'), 'none')

    p = run(['retention', 'list', '--months', '1'], db)
    check('retention list writes a table', p.returncode == 0
          and p.out.startswith('reference\tclosed\tmonths\texpired\n') and ref in p.out, p.out + p.err)

    p = run(['purge', ref], db)
    check('purge without --yes and without a terminal removes nothing',
          p.returncode == 2 and ref in {c['reference'] for c in cases(db)}, p.out + p.err)
    p = run(['purge', open_ref, '--yes'], db)
    check('an open case is not purged', p.returncode == 4 and 'not closed' in p.err, p.out + p.err)

    p = run(['purge', ref, '--yes'], db)
    check('purge --yes removes the case', p.returncode == 0 and ref in p.out, p.out + p.err)
    check('the case is no longer listed', ref not in {c['reference'] for c in cases(db)})
    items2, p = listed(db)
    check('nor past retention', items2 is not None
          and ref not in {i['reference'] for i in items2}
          and len(items2) == len(items) - 1, p.out + p.err)
    p = run(['purge', ref, '--yes'], db)
    check('purging it again finds nothing', p.returncode != 0 and ref in p.err, p.out + p.err)
    p = run(['check'], db)
    check('check passes after the purge', p.returncode == 0
          and 'chain intact' in p.out, p.out + p.err)

    out = os.path.join(tmp, 'inzage.json')
    p = run(['inzage', open_ref, '--json', out], db)
    check('inzage writes the export', p.returncode == 0 and os.path.exists(out), p.out + p.err)
    mode = stat.S_IMODE(os.stat(out).st_mode) if os.path.exists(out) else 0
    check('the export is readable by the owner only', mode == 0o600, oct(mode))
    try:
        with open(out, encoding='utf-8') as f:
            doc = json.load(f)
    except (OSError, ValueError):
        doc = {}
    person = (doc.get('person') or [{}])[0].get('fields', {})
    check('the export holds the reporter and the case',
          doc.get('request_case') == open_ref and person.get('relation') == 'reporter'
          and person.get('name') and any(r['fields'].get('reference') == open_ref
                                         for c in doc.get('cases', []) for r in c),
          json.dumps(doc)[:500])
    p = run(['inzage', open_ref], db)
    check('inzage without --json is a usage error', p.returncode == 2, p.out + p.err)

    os.unlink(out)
    for name in os.listdir(tmp):
        os.unlink(os.path.join(tmp, name))
    os.rmdir(tmp)


main()
print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print('# ' + line)
