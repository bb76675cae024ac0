#!/usr/bin/env python3
"""Whole-run benchmark of `newsfacts extract` over ../shared/corpus.

Runs the release binary over the nl+fr corpus as one JSON Lines stream (language fields
removed, so detection runs) and as a folder of text files, with 1 job and with all cores;
reports MB/s, articles/s and peak RSS (/usr/bin/time -v), and start-up time on one small
file. Besides wall-clock MB/s it reports MB/s per CPU second (user + system time), the fair
figure when other work shares the machine. Usage: python3 bench/corpus.py [--repeat N] [--scale K]   (--scale repeats the corpus K times)
"""
import argparse, gzip, json, os, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
BIN = os.path.join(ROOT, "target", "release", "newsfacts")
FILES = ["corpus/nl/dpgmedia2019.jsonl.gz", "corpus/nl/greta_nl.jsonl.gz", "corpus/fr/gilets_jaunes_fr.jsonl.gz"]


def load_articles():
    out = []
    for f in FILES:
        with gzip.open(os.path.join(SHARED, f), "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append({"id": rec["id"], "text": rec["text"], "published": rec.get("published")})
    return out


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS in MB, CPU seconds)."""
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {run.returncode}: {run.stderr[-800:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", run.stderr))
    return elapsed, int(rss.group(1)) / 1024 if rss else float("nan"), cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", type=int, default=1)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    articles = load_articles() * args.scale
    text_mb = sum(len(a["text"].encode()) for a in articles) / 1e6
    work = tempfile.mkdtemp(prefix="newsfacts-bench-")
    jsonl = os.path.join(work, "corpus.jsonl")
    with open(jsonl, "w", encoding="utf-8") as fh:
        for i, a in enumerate(articles):
            fh.write(json.dumps({"id": f"{a['id']}-{i}", "text": a["text"], "published": a["published"]},
                                ensure_ascii=False) + "\n")
    folder = os.path.join(work, "files")
    os.makedirs(folder)
    for i, a in enumerate(articles):
        header = f" date {a['published']} " if a["published"] else ""
        with open(os.path.join(folder, f"{i:07d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(header + a["text"])
    out = os.path.join(work, "out.jsonl")
    cores = os.cpu_count() or 1
    print(f"corpus: {len(articles)} articles, {text_mb:.1f} MB of text; machine: {cores} cores")
    print("| input | jobs | seconds | MB/s | articles/s | CPU s | MB per CPU s | peak RSS MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    results = {}
    for name, target in [("JSON Lines", [jsonl]), ("folder of files", [folder])]:
        for jobs in sorted({1, cores}):
            runs = [timed([BIN, "extract", "--jobs", str(jobs), "-o", out] + target) for _ in range(args.repeat)]
            secs = min(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            cpu = min(r[2] for r in runs)
            results[(name, jobs)] = secs
            print(f"| {name} | {jobs} | {secs:.2f} | {text_mb / secs:.1f} | {len(articles) / secs:.0f} "
                  f"| {cpu:.2f} | {text_mb / cpu:.1f} | {rss:.0f} |")
    for name in ("JSON Lines", "folder of files"):
        if (name, cores) in results and cores > 1:
            print(f"speed-up 1 -> {cores} jobs ({name}): {results[(name, 1)] / results[(name, cores)]:.2f}x")
    small = os.path.join(ROOT, "fixtures", "nl", "asml-kwartaalcijfers.txt")
    starts = []
    for _ in range(30):
        t = time.perf_counter()
        subprocess.run([BIN, "extract", small], capture_output=True, check=True)
        starts.append((time.perf_counter() - t) * 1000)
    print(f"start-up, one small file: median {statistics.median(starts):.1f} ms, min {min(starts):.1f} ms")


if __name__ == "__main__":
    main()
