#!/usr/bin/env python3
"""Scores the date extractor on the news-style sets in bench/dates_news/: every `LANG.txt` and
`LANG_N.txt` there (nl.txt, nl_2.txt, fr.txt, ...), reported per file and per language.

Usage: bench/dates_news.py BINARY [--quiet]
Each line is `sentence | publication date [country] | span = value [MOD]; ...` (or `none`); the
country (ISO 3166, `2025-11-26 CA`) is the article's, as a record's `country` field. A date counts
as correct when its text and TIMEX3 value both match (MOD is reported but not scored).
Prints precision, recall and F1 per language, then every miss (`-`) and false positive (`+`).
"""
import json, os, subprocess, sys

from setscore import add_to, files, print_totals, score_line

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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    if len(args) != 1:
        sys.exit(__doc__)
    totals = {}
    for lang, name in files(HERE):
        cases = load(name)
        found = run(args[0], lang, cases)
        tp = fp = fn = 0
        errors = []
        for i, (sentence, published, gold) in enumerate(cases):
            got = found.get(i, set())
            tp += len(gold & got)
            for span, value in sorted(gold - got):
                fn += 1
                errors.append(f"  - {span} = {value}   [{published}] {sentence}")
            for span, value in sorted(got - gold):
                fp += 1
                errors.append(f"  + {span} = {value}   [{published}] {sentence}")
        print(score_line(name, len(cases), tp, fp, fn))
        if not quiet and errors:
            print("\n".join(errors))
        add_to(totals, lang, len(cases), tp, fp, fn)
    print_totals(totals)


if __name__ == "__main__":
    main()
