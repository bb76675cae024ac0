#!/usr/bin/env python3
"""Compares the date facts two builds find in a corpus of JSON Lines articles.

Usage: bench/dates_corpus.py NEW_BINARY OLD_BINARY [CORPUS.jsonl] [--limit N]
Prints each date fact only one build reports (`+` new, `-` old) with 40 characters of
context, then the counts. CORPUS defaults to the shared corpus (../shared/corpus/{nl,fr}/*).
Use it before a commit to see the false positives a new rule buys on real news.
"""
import glob, gzip, json, os, subprocess, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def facts(binary, corpus):
    with open(corpus, "rb") as stdin:
        out = subprocess.run([binary, "extract", "--input-format", "jsonl", "-"], stdin=stdin,
                             capture_output=True, check=False).stdout.decode()
    found = {}
    for line in out.splitlines():
        r = json.loads(line)
        for f in r.get("facts", []):
            if f.get("type") == "date":
                key = (r.get("id"), f["start"], f["end"], f.get("value"), f.get("mod"))
                found[key] = f["text"]
    return found


def main():
    args = sys.argv[1:]
    if len(args) < 2 or args[0] in ("-h", "--help"):
        print(__doc__.strip())
        return
    limit = 400
    if "--limit" in args:
        k = args.index("--limit")
        limit = int(args[k + 1])
        del args[k:k + 2]
    new, old = args[0], args[1]
    corpus = args[2] if len(args) > 2 else default_corpus()
    texts = {}
    for line in open(corpus, encoding="utf-8"):
        r = json.loads(line)
        texts[r.get("id")] = r.get("text", "")
    a, b = facts(new, corpus), facts(old, corpus)
    shown = 0
    for sign, mine, other in (("+", a, b), ("-", b, a)):
        for key in sorted(set(mine) - set(other), key=str):
            if shown >= limit:
                break
            shown += 1
            rid, s, e, value, mod = key
            t = texts.get(rid, "")
            ctx = (t[max(0, s - 40):s] + "[" + t[s:e] + "]" + t[e:e + 40]).replace("\n", " ")
            print(f"{sign} {value} {mod or ''} | {ctx}")
    print(f"new {len(a)} facts, old {len(b)}; only new {len(set(a) - set(b))}, only old {len(set(b) - set(a))}")


def default_corpus():
    path = "/tmp/newsfacts_dates_corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for f in sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "*", "*.jsonl.gz"))):
            with gzip.open(f, "rt", encoding="utf-8") as src:
                out.write(src.read())
    return path


if __name__ == "__main__":
    main()
