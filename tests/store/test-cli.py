#!/usr/bin/python3
# test-cli.py: weerbaar-cli vault commands driven through pipes (TAP output).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each unlock pays the real Argon2id cost (calibrated, at least MODERATE):
# the CLI has no way to lower it, on purpose.
import os
import sqlite3
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
results = []


def run(args, secrets=(), db=None):
    r, w = os.pipe()
    os.write(w, ''.join(s + '\n' for s in secrets).encode())
    os.close(w)
    full = [CLI] + args + ['--db', db]
    if secrets:
        full += ['--passphrase-fd', str(r)]
        if len(secrets) > 1:
            full += ['--new-passphrase-fd', str(r)]
    p = subprocess.run(full, pass_fds=(r,), capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=120)
    os.close(r)
    return p


def check(name, cond, detail=''):
    results.append((name, cond, detail))


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'sub', 'v.db')
    A = 'anna passphrase 1'
    B = 'bert passphrase 12'

    p = run(['init', '--account', 'anna'], [A], db)
    check('init creates the vault', p.returncode == 0, p.stderr)
    check('init makes the folder 0700', os.stat(os.path.dirname(db)).st_mode & 0o777 == 0o700)
    check('init makes the file 0600', os.stat(db).st_mode & 0o777 == 0o600)
    p = run(['init', '--account', 'anna'], [A], db)
    check('init refuses an existing vault', p.returncode == 4, p.stderr)
    p = run(['init'], [A], db)
    check('init without --account is a usage error', p.returncode == 2)

    p = run(['account', 'add', 'bert', '--role', 'contactpersoon'], [A, B], db)
    check('account add', p.returncode == 0, p.stderr)
    p = run(['account', 'add', 'carla', '--account', 'anna'], [A, 'short'], db)
    check('account add refuses a short passphrase', p.returncode == 4, p.stderr)
    p = run(['account', 'list'], [A], db)
    check('account list needs --account with two accounts', p.returncode == 2, p.stderr)
    p = run(['account', 'list', '--account', 'anna'], [A], db)
    check('account list', p.returncode == 0 and 'bert\tcontactpersoon' in p.stdout, p.stdout + p.stderr)

    p = run(['check', '--account', 'anna'], ['wrong passphrase 1'], db)
    check('wrong passphrase exits 3', p.returncode == 3, p.stderr)
    p = run(['check', '--account', 'nobody'], [A], db)
    check('unknown account exits 3 too', p.returncode == 3, p.stderr)

    p = run(['account', 'passwd', '--account', 'bert'], [B, 'bert new passphrase'], db)
    check('account passwd', p.returncode == 0, p.stderr)
    p = run(['check', '--account', 'bert'], [B], db)
    check('old passphrase no longer works', p.returncode == 3, p.stderr)

    p = run(['check', '--account', 'bert'], ['bert new passphrase'], db)
    check('check on a clean vault exits 0', p.returncode == 0, p.stdout + p.stderr)

    p = run(['account', 'remove', 'bert', '--account', 'anna'], [A], db)
    check('account remove', p.returncode == 0, p.stderr)
    p = run(['check', '--account', 'bert'], ['bert new passphrase'], db)
    check('removed account cannot unlock', p.returncode == 3, p.stderr)
    p = run(['check'], [A], db)
    check('--account optional with one account', p.returncode == 0, p.stdout + p.stderr)

    con = sqlite3.connect(db)
    con.execute("UPDATE records SET blob = substr(blob, 1, 40) || "
                "CASE WHEN substr(blob, 41, 1) = x'00' THEN x'01' ELSE x'00' END || substr(blob, 42)")
    con.commit()
    con.close()
    p = run(['check'], [A], db)
    check('check on a tampered vault exits 1', p.returncode == 1 and 'damaged record' in p.stdout,
          p.stdout + p.stderr)

    p = run(['frobnicate'], [], db)
    check('unknown command exits 2', p.returncode == 2)

def run_fds(args, lines, fd_options, db):
    """Run with every line on one pipe, read in order by the named fd options."""
    r, w = os.pipe()
    os.write(w, ''.join(s + '\n' for s in lines).encode())
    os.close(w)
    full = [CLI] + args + ['--db', db]
    for opt in fd_options:
        full += [opt, str(r)]
    p = subprocess.run(full, pass_fds=(r,), capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=120)
    os.close(r)
    return p


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'v.db')
    OLD = 'vergeten wachtwoordzin 1'
    NEW = 'nieuwe wachtwoordzin 22'

    p = run(['init', '--account', 'anna', '--recovery-key'], [OLD], db)
    key = p.stdout.strip().splitlines()[-1] if p.returncode == 0 else ''
    check('init --recovery-key prints a recovery key', p.returncode == 0 and len(key) >= 20,
          p.stdout + p.stderr)

    p = run_fds(['account', 'reset', 'anna'], ['NOT-THE-KEY', NEW],
                ['--recovery-key-fd', '--new-passphrase-fd'], db)
    check('a wrong recovery key exits 3', p.returncode == 3, p.stderr)
    p = run_fds(['account', 'reset', 'anna'], [key, NEW],
                ['--recovery-key-fd', '--new-passphrase-fd'], db)
    check('the recovery key resets a lost passphrase', p.returncode == 0, p.stdout + p.stderr)
    p = run(['check'], [OLD], db)
    check('the old passphrase no longer opens the vault', p.returncode == 3, p.stderr)
    p = subprocess.run([CLI, '--db', db, 'check', '--passphrase-fd', '0'], input=NEW + '\n',
                       capture_output=True, text=True, timeout=120)
    check('the new passphrase opens it (options before the command)', p.returncode == 0,
          p.stdout + p.stderr)

print('1..%d' % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
sys.exit(0 if all(r[1] for r in results) else 1)
