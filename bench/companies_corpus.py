#!/usr/bin/env python3
"""Company mentions on the real news corpus (../shared/corpus), for precision reviews.

The gold sets (companies_gold.py) are old Belgian news and historical OCR; this shows what
newsfacts reports on modern nl/fr news, where a wrong name is easy to spot by eye.

Usage: python3 bench/companies_corpus.py [BINARY] [--top N] [--against OTHER_BINARY]
  BINARY     default target/release/newsfacts
  --top N    how many (surface, name) pairs to list per language (default 60)
  --against  a second binary (e.g. main's): lists the pairs each one reports more often
"""
import collections
import gzip
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")


def corpus_bytes(lang):
    folder = os.path.join(CORPUS, lang)
    data = b""
    for name in sorted(os.listdir(folder)):
        if name.endswith(".jsonl.gz"):
            with gzip.open(os.path.join(folder, name)) as f:
                data += f.read()
    return data


def mentions(binary, data):
    run = subprocess.run([binary, "extract", "--input-format", "jsonl", "-"], input=data, capture_output=True)
    counts = collections.Counter()
    for line in run.stdout.decode().splitlines():
        for fact in json.loads(line).get("facts", []):
            if fact.get("type") == "company":
                counts[(fact["text"], fact["name"])] += 1
    return counts


def main():
    args = sys.argv[1:]
    if "-h" in args or "--help" in args:
        print(__doc__.strip())
        return
    top = 60
    other = None
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i : i + 2]
    if "--against" in args:
        i = args.index("--against")
        other = args[i + 1]
        del args[i : i + 2]
    binary = args[0] if args else os.path.join(ROOT, "target", "release", "newsfacts")
    for lang in ["nl", "fr"]:
        data = corpus_bytes(lang)
        counts = mentions(binary, data)
        print(f"== {lang}: {sum(counts.values())} company mentions, {len(counts)} distinct")
        if other is None:
            for (surface, name), n in counts.most_common(top):
                print(f"{n:6d}  {surface!r} = {name}")
            continue
        theirs = mentions(other, data)
        print(f"   {other}: {sum(theirs.values())} mentions")
        print("   only or more often in", binary, (counts - theirs).most_common(top))
        print("   only or more often in", other, (theirs - counts).most_common(top))


if __name__ == "__main__":
    main()
