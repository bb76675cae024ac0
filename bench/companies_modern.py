#!/usr/bin/env python3
"""Company mentions on modern business sentences written for this project (bench/companies_modern).

Usage: python3 bench/companies_modern.py [BINARY] [--quiet]   (default target/release/newsfacts)
Every `*.txt` there is scored; its language is the name's prefix (`nl.txt`, `fr_2.txt`). Each
line is `sentence || Name | Name` (canonical names expected, compared case-insensitively; empty
after `||` means none). Prints the sentences that differ, then mention-level P/R/F1 per file and
overall. `nl.txt`/`fr.txt` were written while writing the rules (a regression check); `*_2.txt`
were written and annotated afterwards, before running the tool, so they flatter it less.
Lines starting with `#` are comments (a file's header records its first blind run).
"""
import glob, json, os, subprocess, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "companies_modern")
args = [a for a in sys.argv[1:] if not a.startswith('--')]
quiet = '--quiet' in sys.argv
bin = args[0] if args else os.path.join(HERE, '..', '..', 'target', 'release', 'newsfacts')


def prf(t):
    p = t['tp'] / max(1, t['tp'] + t['fp'])
    r = t['tp'] / max(1, t['tp'] + t['fn'])
    return 'P %.3f R %.3f F1 %.3f' % (p, r, 2 * p * r / max(1e-9, p + r))


def score(path):
    lang = os.path.basename(path).split('.')[0].split('_')[0]
    # `rsplit` on the bare separator: a line ending in `||` (no company) needs no trailing space.
    rows = [[p.strip() for p in l.rstrip('\n').rsplit('||', 1)] for l in open(path, encoding='utf-8')
            if l.strip() and not l.startswith('#')]
    inp = ''.join(json.dumps({'id': str(i), 'text': t, 'lang': lang, 'published': '2024-03-15'},
                             ensure_ascii=False) + '\n' for i, (t, _) in enumerate(rows))
    out = subprocess.run([bin, 'extract', '--input-format', 'jsonl', '-'], input=inp,
                         capture_output=True, text=True).stdout
    tot = dict(tp=0, fp=0, fn=0)
    for l in out.splitlines():
        r = json.loads(l)
        t, exp = rows[int(r['id'])]
        el = [e.strip().lower() for e in exp.split('|') if e.strip()]
        got = [f['name'] for f in r['facts'] if f['type'] == 'company']
        gl = [g.lower() for g in got]
        tp = sum(1 for e in el if e in gl)
        fn = len(el) - tp
        fp = sum(1 for g in gl if g not in el)
        tot['tp'] += tp; tot['fp'] += fp; tot['fn'] += fn
        if (fn or fp) and not quiet:
            print(os.path.basename(path), t, '\n   exp', [e.strip() for e in exp.split('|') if e.strip()], 'got', got)
    return tot


all_tot = dict(tp=0, fp=0, fn=0)
lines = []
for path in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
    t = score(path)
    for k in all_tot:
        all_tot[k] += t[k]
    lines.append('%-10s %s %s' % (os.path.basename(path), t, prf(t)))
print('\n'.join(lines))
print('%-10s %s %s' % ('all', all_tot, prf(all_tot)))
