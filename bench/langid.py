#!/usr/bin/env python3
"""Language-routing accuracy of the newsfacts binary on ../shared/corpus.

Runs `newsfacts extract --input-format jsonl -` on the snippets of langid.jsonl and on every
article of corpus/{nl,fr}/*.jsonl.gz, with the `lang` field removed, and prints:
  * nl and fr snippets of >= 20 characters labelled correctly (target >= 98%),
  * snippets of other languages routed to nl or fr (target <= 2%),
  * corpus articles labelled correctly (target: all),
plus breakdowns by kind and length and the most common confusions.

Usage: python3 bench/langid.py [BINARY] [CORPUS_DIR]
       (defaults: target/release/newsfacts, ../shared/corpus)
"""
import glob
import gzip
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "target", "release", "newsfacts")
CORPUS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared", "corpus")
ROUTED = ("nl", "fr")


def run(records):
    """Detected (lang, confidence, secondary) per record, in input order."""
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    started = time.perf_counter()
    out = subprocess.run([BINARY, "extract", "--input-format", "jsonl", "-"], input=lines,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if out.returncode not in (0, 1):
        sys.exit(f"newsfacts failed ({out.returncode}): {out.stderr.decode()[-500:]}")
    results = [json.loads(l) for l in out.stdout.decode("utf-8").splitlines()]
    if len(results) != len(records):
        sys.exit(f"expected {len(records)} records, got {len(results)}")
    return [(r.get("lang"), r.get("lang_confidence"), r.get("lang_secondary", [])) for r in results], elapsed


def pct(a, n):
    return f"{100.0 * a / n:6.2f}% ({a}/{n})" if n else "   n/a"


def bucket(n):
    return "<=20" if n <= 20 else "21-40" if n <= 40 else "41-100" if n <= 100 else ">100"


def snippets():
    rows = [json.loads(l) for l in open(os.path.join(CORPUS, "langid.jsonl"), encoding="utf-8")]
    preds, elapsed = run([{"id": i, "text": r["text"]} for i, r in enumerate(rows)])
    acc = defaultdict(lambda: [0, 0])
    confusions = Counter()
    routed_wrongly = [0, 0]
    for r, (lang, _, _) in zip(rows, preds):
        gold, n = r["lang"], len(r["text"])
        ok = lang == gold
        for key in (f"lang={gold}", f"kind={r['kind']}", f"len={bucket(n)}", "all"):
            acc[key][0] += ok
            acc[key][1] += 1
        if gold in ROUTED and n >= 20:
            acc["nl+fr >=20 chars"][0] += ok
            acc["nl+fr >=20 chars"][1] += 1
            acc[f"{gold} >=20 chars"][0] += ok
            acc[f"{gold} >=20 chars"][1] += 1
        if gold not in ROUTED:
            routed_wrongly[0] += lang in ROUTED
            routed_wrongly[1] += 1
        if not ok:
            confusions[(gold, lang)] += 1
    print(f"langid.jsonl: {len(rows)} snippets in {elapsed:.2f}s")
    print(f"  TARGET nl+fr snippets >= 20 chars correct: {pct(*acc['nl+fr >=20 chars'])}")
    print(f"  TARGET other-language snippets routed to nl/fr: {pct(*routed_wrongly)}")
    for key in sorted(acc):
        if key not in ("nl+fr >=20 chars",):
            print(f"    {key:28s} {pct(*acc[key])}")
    print("  confusions (gold->predicted): " +
          ", ".join(f"{g}->{p}: {v}" for (g, p), v in confusions.most_common(16)))


def articles():
    for lang in ROUTED:
        rows = []
        for path in sorted(glob.glob(os.path.join(CORPUS, lang, "*.jsonl.gz"))):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                rows += [json.loads(l) for l in f]
        records = [{k: v for k, v in r.items() if k != "lang"} for r in rows]
        preds, elapsed = run(records)
        wrong = [(r["id"], p) for r, p in zip(rows, preds) if p[0] != lang]
        secondary = Counter(s for _, _, sec in preds for s in sec)
        low = sum(1 for _, c, _ in preds if c is not None and c < 0.9)
        mb = sum(len(r["text"].encode("utf-8")) for r in rows) / 1e6
        print(f"corpus {lang}: TARGET articles correct {pct(len(rows) - len(wrong), len(rows))}; "
              f"{mb:.1f} MB in {elapsed:.2f}s (whole pipeline); confidence < 0.9: {low}; "
              f"secondary languages: {dict(secondary)}")
        for ident, p in wrong[:10]:
            print(f"    wrong: id={ident} -> {p}")


if __name__ == "__main__":
    snippets()
    articles()
