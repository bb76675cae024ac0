#!/usr/bin/env python3
"""Scores company extraction on ../shared/gold/orgs/{nl,fr}.companies.jsonl with that set's scorer.

Usage: python3 bench/companies_gold.py [BINARY] [--show-errors N] [--lang nl|fr]
Runs `BINARY extract --input-format jsonl -` (default target/debug/newsfacts) with the gold
language given, then `score_companies.py`; prints its full output per language.
"""
import json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD = os.path.join(ROOT, "..", "shared", "gold", "orgs")


def main():
    args = sys.argv[1:]
    binary = args.pop(0) if args and not args[0].startswith("--") else os.path.join(ROOT, "target", "debug", "newsfacts")
    langs = ["nl", "fr"]
    if "--lang" in args:
        i = args.index("--lang")
        langs = [args[i + 1]]
        args = args[:i] + args[i + 2:]
    for lang in langs:
        gold = os.path.join(GOLD, f"{lang}.companies.jsonl")
        lines = [json.loads(l) for l in open(gold, encoding="utf-8") if l.strip()]
        stdin = "".join(json.dumps({"id": g["id"], "text": g["text"], "lang": g["lang"]}, ensure_ascii=False) + "\n" for g in lines)
        run = subprocess.run([binary, "extract", "--input-format", "jsonl", "-"], input=stdin.encode(), capture_output=True, check=True)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as pred:
            for line in run.stdout.decode().splitlines():
                rec = json.loads(line)
                spans = [{"start": f["start"], "end": f["end"], "text": f["text"]} for f in rec.get("facts", []) if f.get("type") == "company"]
                pred.write(json.dumps({"id": rec.get("id"), "spans": spans}, ensure_ascii=False) + "\n")
        out = subprocess.run([sys.executable, os.path.join(GOLD, "score_companies.py"), "--gold", gold, "--pred", pred.name] + args, capture_output=True, text=True)
        os.unlink(pred.name)
        print(f"== {lang}")
        print(out.stdout.strip())


if __name__ == "__main__":
    main()
