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
from decimal import Decimal

from setscore import score_all

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
    score_all(__doc__, HERE, load, run, lambda case: case[2],
              lambda item, case: f"{item[0]} = {item[1]} {item[2]}   {case[0]}")


if __name__ == "__main__":
    main()
