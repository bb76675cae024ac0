#!/usr/bin/env python3
"""Lists the date engine's failing gold cases (misses, false positives, wrong values).

Usage: bench/dates_errors.py [BINARY] LANG [score.py args, e.g. --types date,daterange --source DateTimeModel]
Runs BINARY (default target/debug/newsfacts) on ../shared/gold/dates/LANG.jsonl with each case's
reference date as the publication date, then prints ../shared/gold/score.py --show-errors output.
"""
import json, os, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHARED = os.path.join(ROOT, "..", "shared")


def main():
    args = sys.argv[1:]
    binary = args.pop(0) if args and os.path.sep in args[0] else os.path.join(ROOT, "target/debug/newsfacts")
    lang = args.pop(0)
    gold = os.path.join(SHARED, "gold", "dates", f"{lang}.jsonl")
    lines = [json.loads(l) for l in open(gold, encoding="utf-8") if l.strip()]
    records = []
    for g in lines:
        rec = {"id": g["id"], "text": g["text"], "lang": g["lang"]}
        if g.get("reference"):
            rec["published"] = g["reference"][:10]
        records.append(json.dumps(rec, ensure_ascii=False))
    run = subprocess.run([binary, "extract", "--input-format", "jsonl", "-"],
                         input=("\n".join(records) + "\n").encode(), capture_output=True, check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for line in run.stdout.decode().splitlines():
            r = json.loads(line)
            spans = [{"start": f["start"], "end": f["end"], "value": f.get("value")}
                     for f in r.get("facts", []) if f.get("type") == "date"]
            out.write(json.dumps({"id": r.get("id"), "spans": spans}) + "\n")
    subprocess.run([sys.executable, os.path.join(SHARED, "gold", "score.py"), "--gold", gold,
                    "--pred", out.name, "--show-errors", "100000"] + args, check=False)
    os.unlink(out.name)


if __name__ == "__main__":
    main()
