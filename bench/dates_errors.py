#!/usr/bin/env python3
"""Lists the date engine's failing gold cases (misses, false positives, wrong values).

Usage: bench/dates_errors.py [BINARY] LANG [--equivalent] [score.py args, e.g. --types date,daterange --source DateTimeModel]
Runs BINARY (default target/debug/newsfacts) on ../shared/gold/dates/LANG.jsonl with each case's
reference date as the publication date, then prints ../shared/gold/score.py --show-errors output.
--equivalent also offers each value as the day interval it denotes (2016-Q3 =
2016-07-01/2016-10-01, a duration as its `range`), the form Recognizers-Text writes: a diagnostic
of how many value misses are notation only, not the official figure.
"""
import datetime, json, os, re, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHARED = os.path.join(ROOT, "..", "shared")


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip())
        return
    binary = args.pop(0) if args and os.path.sep in args[0] else os.path.join(ROOT, "target/debug/newsfacts")
    lang = args.pop(0)
    equivalent = "--equivalent" in args
    args = [a for a in args if a != "--equivalent"]
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
            spans = [{"start": f["start"], "end": f["end"],
                      "value": with_equivalents(f) if equivalent else f.get("value")}
                     for f in r.get("facts", []) if f.get("type") == "date"]
            out.write(json.dumps({"id": r.get("id"), "spans": spans}) + "\n")
    subprocess.run([sys.executable, os.path.join(SHARED, "gold", "score.py"), "--gold", gold,
                    "--pred", out.name, "--show-errors", "100000"] + args, check=False)
    os.unlink(out.name)


def with_equivalents(fact):
    """The value, and the day interval it denotes."""
    value, values = fact.get("value"), [fact.get("value")]
    rng = fact.get("range")
    if rng and re.fullmatch(r"\d{4}-\d{2}-\d{2}", rng.get("start", "")):
        values.append(f"{rng['start']}/{rng['end']}")
    span = interval(value) if isinstance(value, str) else None
    if span:
        values.append("/".join(d.isoformat() for d in span))
    return values


def interval(value):
    """[first day, day after) of a TIMEX3 year, half, quarter, month or ISO week."""
    d = datetime.date
    if m := re.fullmatch(r"(\d{4})", value):
        y = int(m[1])
        return d(y, 1, 1), d(y + 1, 1, 1)
    if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", value):
        y, months = int(m[1]), 3 if m[2] == "Q" else 6
        first = (int(m[3]) - 1) * months + 1
        end = d(y + 1, 1, 1) if first + months > 12 else d(y, first + months, 1)
        return d(y, first, 1), end
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m[1]), int(m[2])
        return d(y, mo, 1), d(y + 1, 1, 1) if mo == 12 else d(y, mo + 1, 1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = d.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + datetime.timedelta(days=7)
    return None


if __name__ == "__main__":
    main()
