#!/usr/bin/env python3
"""Scores the money extractor on the news-style sets in bench/money_news/ (`nl.txt`, `fr_2.txt`,
...): sentences written for this project and annotated before the tool ran on them.

Usage: bench/money_news.py BINARY [--quiet]
The files use the format of src/lang/LANG/money.examples.txt: a sentence line (`@CC ` first gives
the article's country, ISO 3166), then one `= surface | amount CURRENCY` line per amount (extras
after a third `|` are ignored), or `= none`. An amount counts as correct when its surface, its value
(compared exactly, as a decimal) and its currency all match. Prints precision, recall and F1 per
file and language, then every miss (`-`) and false positive (`+`).
"""
import json
import os
import subprocess
import sys
from decimal import Decimal

from setscore import add_to, files, print_totals, score_line

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "money_news")


def load(name):
    """The cases of a file: (sentence, country or None, set of (surface, amount, currency))."""
    cases = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("= "):
                if line.strip() != "= none":
                    surface, value = (p.strip() for p in line[2:].split(" | ")[:2])
                    amount, currency = value.split()
                    cases[-1][2].add((surface, Decimal(amount), currency))
                continue
            country = None
            if line.startswith("@") and line[3:4] == " ":
                country, line = line[1:3], line[4:]
            cases.append((line, country, set()))
    return cases


def run(binary, lang, cases):
    """The money facts the binary finds in each case, by case index."""
    records = []
    for i, (sentence, country, _) in enumerate(cases):
        rec = {"id": str(i), "text": sentence, "lang": lang}
        if country:
            rec["country"] = country
        records.append(json.dumps(rec) + "\n")
    out = subprocess.run([binary, "extract", "--input-format", "jsonl", "--lang", lang, "-"],
                         input="".join(records).encode(), capture_output=True, check=True)
    found = {}
    for line in out.stdout.decode().splitlines():
        r = json.loads(line)
        found[int(r["id"])] = {(f["text"], Decimal(str(f["amount"])), f.get("currency") or "-")
                               for f in r.get("facts", []) if f.get("type") == "money"}
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    quiet = "--quiet" in sys.argv
    totals = {}
    for lang, name in files(HERE):
        cases = load(name)
        found = run(args[0], lang, cases)
        tp = fp = fn = 0
        errors = []
        for i, (sentence, _, gold) in enumerate(cases):
            got = found.get(i, set())
            tp += len(gold & got)
            for surface, amount, currency in sorted(gold - got):
                fn += 1
                errors.append(f"  - {surface} = {amount} {currency}   {sentence}")
            for surface, amount, currency in sorted(got - gold):
                fp += 1
                errors.append(f"  + {surface} = {amount} {currency}   {sentence}")
        print(score_line(name, len(cases), tp, fp, fn))
        if not quiet and errors:
            print("\n".join(errors))
        add_to(totals, lang, len(cases), tp, fp, fn)
    print_totals(totals)


if __name__ == "__main__":
    main()
