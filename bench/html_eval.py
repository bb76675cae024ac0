#!/usr/bin/env python3
"""Scores newsfacts' HTML main-text extraction on the sets in ../shared/html.

Runs the binary once per set over the saved pages (the .html.gz files themselves, so
decompression and charset detection are part of the run), single-threaded, writes the
records as predictions in score.py's format ({"id", "text", "title", "published", "lang"})
and prints score.py's summary, the snippet counts, the publication-date accuracy and the
throughput of the whole run (process start, gunzip, charset, extraction, language and
fact extraction, output): pages/s and MB/s of decompressed HTML, by wall clock and by
the CPU time of the process (user + system; the fair figure on a loaded machine).

    cargo build --release
    python3 bench/html_eval.py [--bin target/release/newsfacts] [--sets scrapinghub,readability,trafilatura-fr]
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


def run_set(binary, shared, name, jobs, keep):
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
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.exit(f"{name}: newsfacts failed ({proc.returncode}): {proc.stderr[-2000:]}")

    pred_path = os.path.join(out_dir, f"{name}.pred.jsonl")
    errors = 0
    with open(pred_path, "w", encoding="utf-8") as out:
        for rec in load_jsonl(records_path):
            if "error" in rec:
                errors += 1
                continue
            pid = by_path.get(rec["source"], rec["id"])
            pred = {"id": pid, "text": rec.get("text") or "", "title": rec.get("title"),
                    "published": rec.get("published"), "lang": rec.get("lang")}
            out.write(json.dumps(pred, ensure_ascii=False) + "\n")

    score = subprocess.run([sys.executable, os.path.join(shared, "score.py"), manifest, pred_path, "--json"],
                           capture_output=True, text=True, check=True)
    lines = score.stdout.strip().splitlines()
    summary = json.loads(lines[-2])
    print(lines[-1])
    parts = [f"{name}:"]
    if "f1" in summary:
        parts.append(f"word F1={summary['f1']:.3f} (P={summary['precision']:.3f} R={summary['recall']:.3f})")
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
                 f"jobs={jobs}, errors={errors})")
    print("  " + " | ".join(parts))
    if keep is None:
        for path in (records_path, pred_path):
            os.remove(path)
        os.rmdir(out_dir)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "newsfacts"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared", "html"))
    ap.add_argument("--sets", default="scrapinghub,readability,trafilatura-fr")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep", help="keep records and predictions in this folder")
    a = ap.parse_args()
    for name in a.sets.split(","):
        run_set(a.bin, a.shared, name.strip(), a.jobs, a.keep)


if __name__ == "__main__":
    main()
