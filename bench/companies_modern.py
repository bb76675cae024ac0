#!/usr/bin/env python3
"""Company mentions on modern business sentences written for this project (bench/companies_modern).

Usage: python3 bench/companies_modern.py [BINARY]   (default target/release/newsfacts)
Each line of nl.txt / fr.txt is `sentence || Name | Name` (canonical names expected, compared
case-insensitively; empty after `||` means none). Prints the sentences that differ and the
mention-level P/R/F1. The sentences were written by the team, so the figure is a regression
check for modern news, not an unbiased estimate.
"""
import json, os, subprocess, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "companies_modern")
bin=sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', 'target', 'release', 'newsfacts')
tot=dict(tp=0,fp=0,fn=0)
for lang in ('nl','fr'):
    rows=[l.rstrip('\n').split(' || ') for l in open(os.path.join(HERE, f'{lang}.txt')) if l.strip()]
    inp=''.join(json.dumps({'id':str(i),'text':t,'lang':lang,'published':'2024-03-15'},ensure_ascii=False)+'\n' for i,(t,_) in enumerate(rows))
    out=subprocess.run([bin,'extract','--input-format','jsonl','-'],input=inp,capture_output=True,text=True).stdout
    for l in out.splitlines():
        r=json.loads(l); i=int(r['id']); t,exp=rows[i]
        exp=[e.strip() for e in exp.split('|') if e.strip()]
        got=[f['name'] for f in r['facts'] if f['type']=='company']
        gl=[g.lower() for g in got]; el=[e.lower() for e in exp]
        tp=sum(1 for e in el if e in gl); fn=len(el)-tp; fp=sum(1 for g in gl if g not in el)
        tot['tp']+=tp; tot['fp']+=fp; tot['fn']+=fn
        if fn or fp: print(lang, t, '\n   exp', exp, 'got', got)
p=tot['tp']/max(1,tot['tp']+tot['fp']); r=tot['tp']/max(1,tot['tp']+tot['fn'])
print(tot, 'P %.3f R %.3f F1 %.3f'%(p,r,2*p*r/max(1e-9,p+r)))
