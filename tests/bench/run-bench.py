#!/usr/bin/python3
# run-bench.py: runs bench-weerbaar workloads as whole processes, several times each,
# and writes build/bench/results.json plus a short table. Measures, never asserts.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# N = 1,000 and 10,000 cases by default; BENCH_FULL=1 adds 100,000 (generating
# those takes minutes; generated vaults are cached under build/bench/ by N and seed).
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument('exe')
ap.add_argument('--sqlcipher')
ap.add_argument('--first-frame')
ap.add_argument('--minimal-app')
ap.add_argument('--app')
ARGS = ap.parse_args()
EXE = ARGS.exe
CIPHER_EXE = ARGS.sqlcipher
SEED = 8
REPS = int(os.environ.get('BENCH_REPS', '5'))
SIZES = [1000, 10000] + ([100000] if os.environ.get('BENCH_FULL') == '1' else [])
OUT = os.path.join(os.environ.get('MESON_BUILD_ROOT', '.'), 'bench')


def run(*args, exe=EXE):
    p = subprocess.run([exe] + [str(a) for a in args], capture_output=True, text=True,
                       timeout=3600)
    if p.returncode != 0:
        sys.exit('%s %s failed: %s' % (exe, ' '.join(map(str, args)), p.stderr))
    return dict(line.split('=', 1) for line in p.stdout.split() if '=' in line)


def stats(values):
    return {'median': statistics.median(values), 'min': min(values), 'max': max(values),
            'runs': len(values)}


def repeat(key, *args, exe=EXE):
    return stats([float(run(*args, exe=exe)[key]) for _ in range(REPS)])


def repeat_insert(cmd, path, exe=EXE):
    """Inserts go to a copy, so the cached database keeps exactly N cases."""
    copy = os.path.join(os.path.dirname(path), 'scratch-' + os.path.basename(path))
    shutil.copy(path, copy)
    try:
        return repeat('median_ms', cmd, copy, exe=exe)
    finally:
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(copy + suffix):
                os.unlink(copy + suffix)


def vault_for(n):
    d = os.path.join(OUT, 'n%d-seed%d' % (n, SEED))
    vault, plain = os.path.join(d, 'vault.db'), os.path.join(d, 'plain.db')
    cipher = os.path.join(d, 'sqlcipher.db')
    if not os.path.exists(os.path.join(d, 'done')):
        os.makedirs(d, mode=0o700, exist_ok=True)
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
        print('# generating %d cases (seed %d) …' % (n, SEED), flush=True)
        run('generate', vault, plain, n, SEED)
        open(os.path.join(d, 'done'), 'w').close()
    if CIPHER_EXE and not os.path.exists(os.path.join(d, 'done-sqlcipher')):
        if os.path.exists(cipher):
            os.unlink(cipher)
        run('import', plain, cipher, exe=CIPHER_EXE)
        open(os.path.join(d, 'done-sqlcipher'), 'w').close()
    # A twin cached by an older bench gets the current baseline schema here,
    # not inside a timed run.
    run('plain-prepare', plain)
    if CIPHER_EXE:
        run('plain-prepare', cipher, exe=CIPHER_EXE)
    return vault, plain, cipher


def startup(vault):
    """Exec to first drawn frame (XDamage) under X, ours and the floor."""
    if not (ARGS.first_frame and os.environ.get('DISPLAY')):
        return None
    env = dict(os.environ, WEERBAAR_DB=vault,
               XDG_CONFIG_HOME=os.path.join(OUT, 'xdg-config'),
               XDG_DATA_HOME=os.path.join(OUT, 'xdg-data'),
               XDG_CACHE_HOME=os.path.join(OUT, 'xdg-cache'))

    def measure(prog):
        values = []
        for _ in range(REPS):
            p = subprocess.run([ARGS.first_frame, prog], env=env, capture_output=True,
                               text=True, timeout=120)
            if p.returncode != 0:
                sys.exit('first-frame %s failed: %s' % (prog, p.stderr))
            values.append(float(dict(line.split('=', 1) for line in p.stdout.split())['seconds']))
        return stats(values)

    return {'ours_s': measure(ARGS.app), 'minimal_adw_s': measure(ARGS.minimal_app)}


def main():
    os.makedirs(OUT, exist_ok=True)
    results = {'machine': {'cpus': os.cpu_count(), 'platform': platform.platform()},
               'runs_per_measure': REPS,
               'argon2id_calibration_s': float(run('calibrate')['seconds']),
               'sizes': {}}
    for n in SIZES:
        vault, plain, cipher = vault_for(n)
        r = {}
        r['unlock_s'] = repeat('seconds', 'unlock', vault)
        r['unlock_plain_s'] = repeat('seconds', 'plain-unlock', plain)
        r['rss_kb'] = repeat('rss_kb', 'unlock', vault)
        r['rss_plain_kb'] = repeat('rss_kb', 'plain-unlock', plain)
        r['search_keystroke_ms'] = repeat('median_ms', 'search', vault)
        r['insert_ms'] = repeat_insert('insert', vault)
        r['insert_plain_ms'] = repeat_insert('plain-insert', plain)
        if CIPHER_EXE:
            r['unlock_sqlcipher_s'] = repeat('seconds', 'plain-unlock', cipher, exe=CIPHER_EXE)
            r['rss_sqlcipher_kb'] = repeat('rss_kb', 'plain-unlock', cipher, exe=CIPHER_EXE)
            r['insert_sqlcipher_ms'] = repeat_insert('plain-insert', cipher, exe=CIPHER_EXE)
        results['sizes'][str(n)] = r
    results['startup'] = startup(vault_for(SIZES[0])[0])
    with open(os.path.join(OUT, 'results.json'), 'w') as f:
        json.dump(results, f, indent=2)

    print('Argon2id calibration picks %.2f s (real slots; the bench uses test cost)'
          % results['argon2id_calibration_s'])
    def med(r, key, scale=1):
        return r[key]['median'] / scale if key in r else None

    def cell(v, fmt):
        return fmt % v if v is not None else '-'

    def ratio(a, b):
        return '%.2fx' % (a / b) if a is not None and b else '-'

    print('%-7s %-22s %9s %9s %9s %11s %11s' % ('N', 'workload', 'ours', 'plain', 'sqlcipher',
                                                 'ours/plain', 'ours/sqlc'))
    for n, r in results['sizes'].items():
        rows = [('unlock to inbox (s)', med(r, 'unlock_s'), med(r, 'unlock_plain_s'),
                 med(r, 'unlock_sqlcipher_s'), '%.3f'),
                ('peak RSS (MiB)', med(r, 'rss_kb', 1024), med(r, 'rss_plain_kb', 1024),
                 med(r, 'rss_sqlcipher_kb', 1024), '%.1f'),
                ('insert one intake (ms)', med(r, 'insert_ms'), med(r, 'insert_plain_ms'),
                 med(r, 'insert_sqlcipher_ms'), '%.2f'),
                ('search/keystroke (ms)', med(r, 'search_keystroke_ms'), None, None, '%.3f')]
        for name, ours, plain, sqlc, fmt in rows:
            print('%-7s %-22s %9s %9s %9s %11s %11s' % (
                n, name, cell(ours, fmt), cell(plain, fmt), cell(sqlc, fmt),
                ratio(ours, plain), ratio(ours, sqlc)))
    st = results['startup']
    if st:
        print('%-7s %-22s %9.3f %9s %9s %11s %11s' % (
            '-', 'startup, first frame (s)', st['ours_s']['median'], '-', '-', '-', '-'))
        print('%-7s %-22s %9.3f   (ours/minimal AdwApplication: %.2fx)' % (
            '-', 'minimal Adw window (s)', st['minimal_adw_s']['median'],
            st['ours_s']['median'] / st['minimal_adw_s']['median']))
    else:
        print('startup: not measured (no DISPLAY, or first-frame was not built)')
    print('(medians of %d runs; min/max in %s)' % (REPS, os.path.join(OUT, 'results.json')))


main()
