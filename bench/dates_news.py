#!/usr/bin/env python3
"""Scores the date extractor on the news-style sets in bench/dates_news/: every `LANG.txt` and
`LANG_N.txt` there (nl.txt, nl_2.txt, fr.txt, ...), reported per file and per language.

Usage: bench/dates_news.py BINARY [--quiet]
Each line is `sentence | publication date [country] | span = value [MOD]; ...` (or `none`); the
country (ISO 3166, `2025-11-26 CA`) is the article's, as a record's `country` field. A date counts
as correct when its text and TIMEX3 value both match (MOD is reported but not scored).
Prints precision, recall and F1 per language, then every miss (`-`) and false positive (`+`).
"""
import json, os, subprocess

from setscore import score_all

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dates_news")


def load(name):
    cases = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            sentence, published, expected = (p.strip() for p in line.rsplit(" | ", 2))
            gold = set()
            if expected != "none":
                for item in expected.split(";"):
                    span, value = (p.strip() for p in item.split(" = ", 1))
                    gold.add((span, value.split()[0]))
            cases.append((sentence, published, gold))
    return cases


def record(i, sentence, published, lang):
    """The input record of a case; a country after the date (`2025-11-26 CA`) is the article's."""
    date, _, country = published.partition(" ")
    rec = {"id": str(i), "text": sentence, "published": date, "lang": lang}
    if country:
        rec["country"] = country
    return rec


def run(binary, lang, cases):
    lines = "".join(json.dumps(record(i, s, p, lang)) + "\n" for i, (s, p, _) in enumerate(cases))
    out = subprocess.run([binary, "extract", "--input-format", "jsonl", "--lang", lang, "-"],
                         input=lines.encode(), capture_output=True, check=True).stdout.decode()
    found = {}
    for line in out.splitlines():
        r = json.loads(line)
        found[int(r["id"])] = {(f["text"], f.get("value") or "null")
                               for f in r.get("facts", []) if f.get("type") == "date"}
    return found


def main():
    score_all(__doc__, HERE, load, run, lambda case: case[2],
              lambda item, case: f"{item[0]} = {item[1]}   [{case[1]}] {case[0]}")


if __name__ == "__main__":
    main()
