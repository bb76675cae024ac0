#!/usr/bin/env python3
"""Scores newsfacts statements on annotated sentences (written for this project).

Usage: python3 bench/statements/score.py [BINARY] [FILE.jsonl ...]
Each line: {"id", "lang", "published", "text", "statements": [[company, metric, amount, currency], ...]}.
Scored on (company, metric, amount, currency) tuples; prints precision, recall and the misses.
"""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent


def key(company, metric, amount, currency):
    name = company.replace("\u2019", "'").casefold()
    return (name, metric, Decimal(str(amount)).normalize(), currency)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/debug/newsfacts"
    files = [Path(f) for f in sys.argv[2:]] or sorted(HERE.glob("*.jsonl"))
    tp = fp = fn = 0
    for path in files:
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out = subprocess.run(
            [binary, "extract", "--input-format", "jsonl", "-"],
            input="\n".join(json.dumps(g, ensure_ascii=False) for g in gold) + "\n",
            capture_output=True, text=True, check=False,
        ).stdout
        predicted = {r["id"]: r.get("statements", []) for r in map(json.loads, out.splitlines())}
        f_tp = f_fp = f_fn = 0
        for g in gold:
            want = [key(*s) for s in g["statements"]]
            got = [key(s["company"], s["metric"], s["amount"], s["currency"] or "-") for s in predicted.get(g["id"], [])]
            for k in got:
                if k in want:
                    want.remove(k)
                    f_tp += 1
                else:
                    f_fp += 1
                    print(f"  FP {g['id']}: {k}  | {g['text']}")
            for k in want:
                f_fn += 1
                print(f"  FN {g['id']}: {k}  | {g['text']}")
        p = f_tp / (f_tp + f_fp) if f_tp + f_fp else 1.0
        r = f_tp / (f_tp + f_fn) if f_tp + f_fn else 1.0
        print(f"{path.name}: precision {p:.3f} recall {r:.3f} (tp {f_tp}, fp {f_fp}, fn {f_fn})")
        tp, fp, fn = tp + f_tp, fp + f_fp, fn + f_fn
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"all: precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
