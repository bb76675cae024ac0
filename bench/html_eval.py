#!/usr/bin/env python3
"""Scores newsfacts' HTML main-text extraction on the sets in ../shared/html.

Runs the binary once per set over the saved pages (the .html.gz files themselves, so
decompression and charset detection are part of the run), single-threaded, writes the
records as predictions in score.py's format ({"id", "text", "title", "published", "lang"})
and prints score.py's summary, the word F1 of the body (the text without its leading
headline line, since the references leave headlines out) and of the text as output,
the snippet counts, the publication-date accuracy and the
throughput of the whole run (process start, gunzip, charset, extraction, language and
fact extraction, output): pages/s and MB/s of decompressed HTML, by wall clock and by
the CPU time of the process (user + system; the fair figure on a loaded machine).
With --repeat N the binary runs N times and the fastest run's times are reported (the
scores come from the last run): on a shared machine the slowest runs measure the other
processes.

    cargo build --release
    python3 bench/html_eval.py [--bin target/release/newsfacts] [--sets scrapinghub,readability,trafilatura-fr] [--repeat 5]
"""

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def load_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_set(binary, shared, name, jobs, keep, repeat=1):
    folder = os.path.join(shared, name)
    manifest = os.path.join(folder, "manifest.jsonl")
    pages = load_jsonl(manifest)
    paths = [os.path.join(folder, p["html_path"]) for p in pages]
    by_path = {path: p["id"] for path, p in zip(paths, pages)}
    html_bytes = sum(len(gzip.open(path).read()) for path in paths)

    out_dir = keep or tempfile.mkdtemp(prefix="html_eval_")
    os.makedirs(out_dir, exist_ok=True)
    records_path = os.path.join(out_dir, f"{name}.records.jsonl")
    cmd = [binary, "extract", "--include-text", "--jobs", str(jobs), "-o", records_path] + paths
    elapsed = cpu = float("inf")
    for _ in range(max(1, repeat)):
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = min(elapsed, time.perf_counter() - start)
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = min(cpu, (cpu_after.ru_utime - cpu_before.ru_utime)
                  + (cpu_after.ru_stime - cpu_before.ru_stime))
        if proc.returncode not in (0, 1):
            sys.exit(f"{name}: newsfacts failed ({proc.returncode}): {proc.stderr[-2000:]}")

    pred_path = os.path.join(out_dir, f"{name}.pred.jsonl")
    body_path = os.path.join(out_dir, f"{name}.body.jsonl")
    errors = 0
    with open(pred_path, "w", encoding="utf-8") as out, open(body_path, "w", encoding="utf-8") as body_out:
        for rec in load_jsonl(records_path):
            if "error" in rec:
                errors += 1
                continue
            pid = by_path.get(rec["source"], rec["id"])
            text = rec.get("text") or ""
            pred = {"id": pid, "text": text, "title": rec.get("title"),
                    "published": rec.get("published"), "lang": rec.get("lang")}
            out.write(json.dumps(pred, ensure_ascii=False) + "\n")
            # The references hold the article body without its headline; the output text
            # starts with the headline, so score the body alone too.
            first, _, rest = text.partition("\n\n")
            if rec.get("title") and first == rec["title"]:
                pred["text"] = rest
            body_out.write(json.dumps(pred, ensure_ascii=False) + "\n")

    def score(path):
        run = subprocess.run([sys.executable, os.path.join(shared, "score.py"), manifest, path, "--json"],
                             capture_output=True, text=True, check=True)
        lines = run.stdout.strip().splitlines()
        return json.loads(lines[-2]), lines[-1]

    summary, line = score(pred_path)
    body_summary, _ = score(body_path)
    print(line)
    parts = [f"{name}:"]
    if "f1" in summary:
        parts.append(f"word F1 body={body_summary['f1']:.3f} (P={body_summary['precision']:.3f} "
                     f"R={body_summary['recall']:.3f}), with headline={summary['f1']:.3f}")
    if "include_found" in summary:
        parts.append(f"must-include {summary['include_found']}/{summary['include_total']}, "
                     f"must-exclude {summary['exclude_found']}/{summary['exclude_total']}")
    if "published_acc" in summary:
        parts.append(f"date {summary['published_acc']:.3f} (n={summary['published_n']})")
    if "title_exact_acc" in summary:
        parts.append(f"title exact {summary['title_exact_acc']:.3f}")
    mb = html_bytes / 1e6
    parts.append(f"wall {len(pages) / elapsed:.0f} pages/s, {mb / elapsed:.1f} MB/s; "
                 f"cpu {len(pages) / cpu:.0f} pages/s, {mb / cpu:.1f} MB/s "
                 f"({len(pages)} pages, {mb:.1f} MB, wall {elapsed:.2f} s, cpu {cpu:.2f} s, "
                 f"jobs={jobs}, errors={errors}, best of {max(1, repeat)})")
    print("  " + " | ".join(parts))
    if keep is None:
        for path in (records_path, pred_path, body_path):
            os.remove(path)
        os.rmdir(out_dir)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "newsfacts"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared", "html"))
    ap.add_argument("--sets", default="scrapinghub,readability,trafilatura-fr")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep", help="keep records and predictions in this folder")
    ap.add_argument("--repeat", type=int, default=1, help="runs per set; the fastest is reported")
    a = ap.parse_args()
    for name in a.sets.split(","):
        run_set(a.bin, a.shared, name.strip(), a.jobs, a.keep, a.repeat)


if __name__ == "__main__":
    main()
