#!/usr/bin/python3
# test-cli-backup.py: weerbaar-cli backup and restore driven through pipes (TAP output).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every secret travels on one pipe, a line each, read in the order the
# command needs them. Argon2id runs at its real cost: the CLI cannot lower it.
import os
import re
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
results = []
ENV = dict(os.environ, LANGUAGE='C', LC_ALL='C.UTF-8')


def run(args, lines, fd_options, db):
    r, w = os.pipe()
    os.write(w, ''.join(s + '\n' for s in lines).encode())
    os.close(w)
    full = [CLI] + args + ['--db', db]
    for opt in fd_options:
        full += [opt, str(r)]
    p = subprocess.run(full, pass_fds=(r,), capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=120, env=ENV)
    os.close(r)
    return p


def check(name, cond, detail=''):
    results.append((name, cond, detail))


def audit_entries(p):
    m = re.search(r'Audit log: (\d+) entries, chain intact', p.stdout)
    return int(m.group(1)) if m else -1


def read(path):
    with open(path, 'rb') as f:
        return f.read()


PASS = ['--passphrase-fd']
BACKUP = ['--backup-passphrase-fd']

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'v.db')
    other = os.path.join(tmp, 'other', 'w.db')
    bk = os.path.join(tmp, 'v.wbbackup')
    A = 'anna passphrase 1'
    BP = 'backup passphrase 77'

    p = run(['init', '--account', 'anna'], [A], PASS, db)
    check('init', p.returncode == 0, p.stderr)
    p = run(['demo', '--cases', '12', '--seed', '42'], [A], PASS, db)
    check('demo cases', p.returncode == 0, p.stdout + p.stderr)
    p = run(['cases', 'list', '--json'], [A], PASS, db)
    cases_before = p.stdout
    check('cases list', p.returncode == 0 and cases_before.strip() != '', p.stderr)
    p = run(['check'], [A], PASS, db)
    n_audit = audit_entries(p)
    check('check before the backup', p.returncode == 0 and n_audit > 0, p.stdout + p.stderr)

    p = run(['backup', bk], [A, 'short'], PASS + BACKUP, db)
    check('backup refuses a short backup passphrase', p.returncode == 4 and not os.path.exists(bk),
          p.stderr)
    p = run(['backup', bk], [A, BP], PASS + BACKUP, db)
    check('backup writes the file', p.returncode == 0 and os.path.isfile(bk), p.stdout + p.stderr)
    check('the backup file is 0600', os.stat(bk).st_mode & 0o777 == 0o600)
    check('the backup starts with its magic', read(bk)[:8] == b'WBBACKUP')
    p = run(['check'], [A], PASS, db)
    check('backup is audited', audit_entries(p) == n_audit + 1, p.stdout + p.stderr)

    # Into a new path, options before the command.
    r, w = os.pipe()
    os.write(w, (BP + '\n' + A + '\n').encode())
    os.close(w)
    p = subprocess.run([CLI, '--db', other, '--backup-passphrase-fd', str(r), 'restore', bk,
                        '--passphrase-fd', str(r)], pass_fds=(r,), capture_output=True,
                       text=True, stdin=subprocess.DEVNULL, timeout=120, env=ENV)
    os.close(r)
    check('restore into a new path', p.returncode == 0 and 'It holds 12 cases.' in p.stdout,
          p.stdout + p.stderr)
    check('the restored vault is 0600 in a 0700 folder',
          os.path.exists(other) and os.stat(other).st_mode & 0o777 == 0o600 and
          os.stat(os.path.dirname(other)).st_mode & 0o777 == 0o700)
    p = run(['check'], [A], PASS, other)
    # Listing cases is itself audited, so the count comes first.
    check('restore is audited in the restored vault',
          p.returncode == 0 and audit_entries(p) == n_audit + 1,
          'expected %d entries\n' % (n_audit + 1) + p.stdout + p.stderr)
    p = run(['cases', 'list', '--json'], [A], PASS, other)
    check('the restored vault opens with the same passphrase and holds the same cases',
          p.returncode == 0 and p.stdout == cases_before, p.stderr)

    before = read(other)
    p = run(['restore', bk], ['wrong backup passphrase', A], BACKUP + PASS, other)
    check('a wrong backup passphrase exits 3', p.returncode == 3, p.stderr)
    p = run(['restore', bk], [BP, 'wrong account passphrase'], BACKUP + PASS, other)
    check('a wrong account passphrase exits 3', p.returncode == 3, p.stderr)

    data = bytearray(read(bk))
    damaged = os.path.join(tmp, 'damaged.wbbackup')
    data[len(data) // 2] ^= 0x10
    with open(damaged, 'wb') as f:
        f.write(data)
    p = run(['restore', damaged], [BP, A], BACKUP + PASS, other)
    check('a damaged backup exits 1', p.returncode == 1, p.stderr)
    with open(damaged, 'wb') as f:
        f.write(read(bk)[:-100])
    p = run(['restore', damaged], [BP, A], BACKUP + PASS, other)
    check('a truncated backup exits 1', p.returncode == 1, p.stderr)
    p = run(['restore', db], [BP, A], BACKUP + PASS, other)
    check('a file that is not a backup exits 1', p.returncode == 1, p.stderr)
    check('refused restores leave the vault untouched', read(other) == before)

    p = run(['restore'], [], [], other)
    check('restore without a file is a usage error', p.returncode == 2)

    # Sealed to the recovery slot: no backup secret asked, the recovery key restores it.
    sealed = os.path.join(tmp, 'sealed.wbbackup')
    p = run(['backup', sealed, '--sealed-to-recovery-key'], [A], PASS, db)
    check('sealing needs a recovery key', p.returncode == 4 and not os.path.exists(sealed), p.stderr)
    rdb = os.path.join(tmp, 'r.db')
    p = run(['init', '--account', 'anna', '--recovery-key'], [A], PASS, rdb)
    m = re.search(r'[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}', p.stdout)
    check('init with a recovery key', p.returncode == 0 and m is not None, p.stdout + p.stderr)
    key = m.group(0) if m else 'none'
    p = run(['demo', '--cases', '3', '--seed', '7'], [A], PASS, rdb)
    p = run(['backup', sealed, '--sealed-to-recovery-key'], [A], PASS, rdb)
    check('backup sealed to the recovery key', p.returncode == 0 and os.path.isfile(sealed),
          p.stdout + p.stderr)
    restored = os.path.join(tmp, 'restored', 'r.db')
    p = run(['restore', sealed], ['wrong backup passphrase', A], BACKUP + PASS, restored)
    check('a sealed backup refuses another secret', p.returncode == 3, p.stderr)
    p = run(['restore', sealed], [key.lower(), A], BACKUP + PASS, restored)
    check('the recovery key restores a sealed backup',
          p.returncode == 0 and 'It holds 3 cases.' in p.stdout, p.stdout + p.stderr)

print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
sys.exit(0 if all(r[1] for r in results) else 1)
