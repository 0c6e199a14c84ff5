#!/usr/bin/python3
# test-cli-demo.py: weerbaar-cli demo and cases list driven through pipes (TAP output).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every command that opens the vault pays the real Argon2id cost, so the
# test keeps their number small: init, two demo runs, four listings, check.
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

CLI = sys.argv[1]
PASS = 'demo test passphrase 1'
STATUSES = {'new', 'in-progress', 'referred', 'aftercare', 'closed'}
URGENCIES = {'normal', 'high', 'acute'}
REF = re.compile(r'^OT-(\d{4})-(\d{4})$')
results = []

# Messages in English whatever the caller's locale.
ENV = dict(os.environ, LANGUAGE='', LC_ALL='C.UTF-8', LANG='C.UTF-8')


def run(args, db, secret=True):
    r, w = os.pipe()
    os.write(w, (PASS + '\n').encode())
    os.close(w)
    full = [CLI] + args + ['--db', db]
    if secret:
        full += ['--passphrase-fd', str(r)]
    p = subprocess.run(full, pass_fds=(r,), capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=120, env=ENV)
    os.close(r)
    return p


def check(name, cond, detail=''):
    results.append((name, bool(cond), detail))


def table_rows(out):
    lines = out.splitlines()
    return lines[0] if lines else '', [line.split('\t') for line in lines[1:]]


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'v.db')

    p = run(['init', '--account', 'anna'], db)
    check('init creates the vault', p.returncode == 0, p.stderr)

    # Usage errors are found before the passphrase is asked for.
    p = run(['cases', 'list', '--status', 'nieuw'], db, secret=False)
    check('an unknown --status exits 2', p.returncode == 2, p.stdout + p.stderr)
    check('the error names the valid statuses',
          'nieuw' in p.stderr and 'in-progress' in p.stderr and p.stdout == '', p.stderr)
    p = run(['cases', 'frobnicate'], db, secret=False)
    check('cases without list exits 2', p.returncode == 2, p.stderr)
    # Options may stand before the command too.
    p = run(['--cases', '0', 'demo'], db, secret=False)
    check('demo --cases 0 exits 2', p.returncode == 2 and 'demo --cases N' in p.stderr, p.stderr)
    p = run(['demo', '--cases', '100001'], db, secret=False)
    check('demo --cases above 100000 exits 2', p.returncode == 2, p.stderr)
    p = run(['demo', '--cases', '5', '--seed', 'x'], db, secret=False)
    check('demo with a bad --seed exits 2', p.returncode == 2, p.stderr)

    p = run(['demo', '--cases', '200', '--seed', '42'], db)
    check('demo --cases 200 succeeds', p.returncode == 0, p.stdout + p.stderr)
    summary = p.stdout.splitlines()
    check('demo summary names the count and seed',
          len(summary) == 3 and '200 demo cases' in summary[0] and 'seed 42' in summary[0],
          p.stdout)
    check('no progress output without a terminal', '\r' not in p.stderr and p.stderr == '',
          repr(p.stderr))
    n_follow_ups = int(re.search(r'\d+', summary[2]).group()) if len(summary) == 3 else -1

    p = run(['cases', 'list'], db)
    check('cases list succeeds', p.returncode == 0, p.stderr)
    header, rows = table_rows(p.stdout)
    check('the table has a header',
          header == 'reference\treporter\tmunicipality\tstatus\turgency\tdescription', header)
    check('the table has 200 rows of six fields',
          len(rows) == 200 and all(len(r) == 6 for r in rows), p.stdout[:500])
    refs = [r[0] for r in rows]
    check('references are valid, unique and sorted',
          all(REF.match(x) for x in refs) and len(set(refs)) == 200 and refs == sorted(refs),
          '\n'.join(refs[:5]))
    check('reporters have names', all(len(r[1]) > 3 for r in rows))
    check('municipalities are CBS codes', all(re.match(r'^GM\d{4}$', r[2]) for r in rows))
    check('statuses and urgencies are nicks',
          {r[3] for r in rows} <= STATUSES and {r[4] for r in rows} <= URGENCIES
          and len({r[3] for r in rows}) >= 3)
    check('descriptions are not empty', all(len(r[5]) > 20 for r in rows))

    p = run(['cases', 'list', '--json'], db)
    try:
        listed = json.loads(p.stdout)
    except ValueError as e:
        listed = []
        check('cases list --json is valid JSON', False, str(e) + '\n' + p.stdout[:500])
    check('cases list --json has 200 objects', p.returncode == 0 and len(listed) == 200,
          p.stderr)
    check('JSON and table list the same cases in the same order',
          [c.get('reference') for c in listed] == refs
          and [c.get('reporter') for c in listed] == [r[1] for r in rows]
          and [c.get('description') for c in listed] == [r[5] for r in rows])
    check('JSON objects have exactly the documented keys',
          all(set(c) == {'reference', 'reporter', 'municipality', 'status', 'urgency',
                         'description'} for c in listed))

    p = run(['cases', 'list', '--status', 'closed', '--json'], db)
    closed = json.loads(p.stdout) if p.returncode == 0 else None
    expected = [c['reference'] for c in listed if c['status'] == 'closed']
    check('--status closed lists exactly the closed cases',
          closed is not None and len(expected) > 0
          and [c['reference'] for c in closed] == expected, p.stderr)

    # A second run continues the numbering instead of reusing references.
    p = run(['demo', '--cases', '50', '--seed', '42'], db)
    check('a second demo run succeeds', p.returncode == 0, p.stdout + p.stderr)
    second = p.stdout.splitlines()
    if len(second) == 3:
        n_follow_ups += int(re.search(r'\d+', second[2]).group())
    p = run(['cases', 'list', '--json'], db)
    after = json.loads(p.stdout) if p.returncode == 0 else []
    after_refs = [c['reference'] for c in after]
    check('after the second run 250 cases with unique references',
          len(after) == 250 and len(set(after_refs)) == 250, p.stderr)

    p = run(['check'], db)
    check('check finds the vault intact after demo', p.returncode == 0, p.stdout + p.stderr)

    # The plaintext follow-up schedule matches the sealed follow-ups.
    con = sqlite3.connect(db)
    schedule = con.execute('SELECT due, state FROM followups').fetchall()
    con.close()
    now_us = time.time() * 1e6
    check('every follow-up has its plaintext schedule',
          n_follow_ups > 0 and len(schedule) == n_follow_ups,
          '%d scheduled, %d reported' % (len(schedule), n_follow_ups))
    check('some open follow-ups are overdue and some upcoming',
          any(s == 0 and d < now_us for d, s in schedule)
          and any(s == 0 and d > now_us for d, s in schedule))

    # Nothing readable on disk: names, descriptions, municipality codes.
    raw = b''
    for name in os.listdir(tmp):
        if name.startswith('v.db'):
            with open(os.path.join(tmp, name), 'rb') as f:
                raw += f.read()
    markers = [c['reporter'] for c in listed[:20]] + [c['description'][:30] for c in listed[:5]]
    leaked = [m for m in markers if m.encode() in raw]
    # The schema is plaintext: proof that the search reads the files as stored.
    check('generated names and descriptions are not in the database files',
          b'CREATE TABLE' in raw and not leaked, repr(leaked))
    check('municipality codes are not in the database files',
          not any(c['municipality'].encode() in raw for c in listed[:20]))

print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
sys.exit(0 if all(r[1] for r in results) else 1)
