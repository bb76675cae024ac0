#!/usr/bin/env python3
"""Soak test for `newsfacts ingest`: nothing lost, nothing duplicated under faults.

Starts an HTTP server on 127.0.0.1 that publishes new Dutch and French articles in an
RSS feed while it runs, and answers with random faults: 500/503, 429 with Retry-After,
slow responses (some past the client timeout), connection resets, truncated bodies,
304 for unchanged feeds, and a feed that changes as articles come and go from its
window. Some articles are gone for good (404/410). `newsfacts ingest` runs again and
again against it for a bounded time; some runs are killed with SIGKILL at a random
moment. Then the faults stop, the feed lists every article ever published, and ingest
runs until it has nothing left to do.

The check: every published article appears exactly once in the output files, as a
record or, for the ones gone for good, as an error record; every output line is
complete JSON; no temporary file is left behind.

    python3 bench/soak.py                 # 2 minutes, debug binary (built if needed)
    python3 bench/soak.py --seconds 600 --binary target/release/newsfacts --seed 7

Exit code 0 when the check passes, 1 when it fails.
"""

import argparse
import collections
import glob
import hashlib
import http.server
import json
import os
import random
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

NL_COMPANIES = ["Vandermeer Holding", "Brinkgroep", "Dijkstra Logistiek", "Hoeksma Energie"]
FR_COMPANIES = ["Groupe Lemoine", "Duval Industries", "Bertin Transports", "Maison Carel"]
NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]


def article_html(n):
    """A unique article page; `n` is spelled into the text so every content hash differs."""
    month = n % 12
    if n % 2 == 0:
        company = NL_COMPANIES[n % len(NL_COMPANIES)]
        title = f"{company} meldt resultaat nummer {n}"
        body = (f"<p>{company} boekte in {NL_MONTHS[month]} 2026 een omzet van {n},5 miljoen "
                f"euro, meldde het bedrijf op {1 + n % 28} {NL_MONTHS[month]}.</p>"
                f"<p>Dit is bericht {n} van de proef; de directie verwacht volgend jaar "
                f"ruim {n + 3} miljoen euro winst.</p>")
        lang = "nl"
    else:
        company = FR_COMPANIES[n % len(FR_COMPANIES)]
        title = f"{company} publie le résultat numéro {n}"
        body = (f"<p>{company} a réalisé en {FR_MONTHS[month]} 2026 un chiffre d'affaires de "
                f"{n},5 millions d'euros, a indiqué le groupe le {1 + n % 28} "
                f"{FR_MONTHS[month]}.</p><p>C'est la dépêche {n} de l'essai ; la direction "
                f"prévoit plus de {n + 3} millions d'euros de bénéfice l'an prochain.</p>")
        lang = "fr"
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            f"</article></body></html>").encode()


class Newsroom:
    """The articles published so far and the faults to inject, shared by server threads."""

    def __init__(self, rng, fault_rate, window, gone_rate):
        self.rng = rng
        self.lock = threading.Lock()
        self.published = []          # article numbers, in publication order
        self.gone = set()            # numbers that answer 404/410 for good
        self.fault_rate = fault_rate
        self.window = window
        self.gone_rate = gone_rate
        self.full_feed = False       # drain phase: no faults, every article in the feed
        self.counts = collections.Counter()

    def publish(self, count):
        with self.lock:
            for _ in range(count):
                n = len(self.published) + 1
                self.published.append(n)
                if self.rng.random() < self.gone_rate:
                    self.gone.add(n)

    def feed_items(self):
        with self.lock:
            items = list(self.published)
            return items if self.full_feed else items[-self.window:]

    def fault(self):
        """The fault for one response, or None."""
        with self.lock:
            if self.full_feed or self.rng.random() >= self.fault_rate:
                return None
            kind = self.rng.choice(["500", "503", "429", "slow", "too_slow", "reset",
                                    "truncated", "drip"])
            self.counts["fault_" + kind] += 1
            return kind

    def count(self, what):
        with self.lock:
            self.counts[what] += 1


def make_handler(room, port_holder):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            try:
                self.serve()
            except (BrokenPipeError, ConnectionResetError, socket.timeout):
                self.close_connection = True

        def serve(self):
            fault = room.fault()
            if fault in ("500", "503"):
                return self.send_body(int(fault), b"server error", "text/plain")
            if fault == "429":
                return self.send_body(429, b"slow down", "text/plain", {"Retry-After": "1"})
            if fault == "reset":
                # RST instead of FIN: the client sees a connection reset.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()
                return None
            if fault == "slow":
                time.sleep(room.rng.uniform(0.3, 2.0))
            if fault == "too_slow":
                time.sleep(ARGS.timeout + 1.5)
            match = re.fullmatch(r"/a/(\d+)", self.path)
            if self.path == "/feed.xml":
                status, body, ctype = self.feed()
                if status == 304:
                    return self.send_body(304, b"", None)
            elif match and int(match.group(1)) in set(room.published):
                n = int(match.group(1))
                if n in room.gone:
                    room.count("gone_answers")
                    status, body, ctype = (404 if n % 2 else 410), b"gone", "text/plain"
                else:
                    room.count("article_answers")
                    status, body, ctype = 200, article_html(n), "text/html; charset=utf-8"
            else:
                status, body, ctype = 404, b"not found", "text/plain"
            if fault == "truncated":
                # Announce the whole body, send half, close.
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return None
            if fault == "drip":
                return self.send_body(status, body, ctype, drip=True)
            return self.send_body(status, body, ctype, extra=self.etag_header)

        etag_header = None

        def feed(self):
            items = room.feed_items()
            base = f"http://127.0.0.1:{port_holder[0]}"
            entries = "".join(
                f"<item><title>Bericht {n}</title><link>{base}/a/{n}</link>"
                f"<guid>{base}/a/{n}</guid><description>Kort {n}</description></item>"
                for n in reversed(items))
            body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                    f"<title>Soak</title><link>{base}/</link><description>soak</description>"
                    f"{entries}</channel></rss>").encode()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            self.etag_header = {"ETag": etag}
            room.count("feed_answers")
            if self.headers.get("If-None-Match") == etag:
                room.count("feed_304")
                return 304, b"", None
            return 200, body, "application/rss+xml"

        def send_body(self, status, body, ctype, extra=None, drip=False):
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if drip:
                step = max(1, len(body) // 8)
                for i in range(0, len(body), step):
                    self.wfile.write(body[i:i + step])
                    self.wfile.flush()
                    time.sleep(0.1)
            else:
                self.wfile.write(body)

    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # resets and broken pipes are the point here


def run_ingest(work, extra_timeout, kill_after=None):
    """One ingest run; returns (exit code or 'killed', stderr)."""
    cmd = [ARGS.binary, "ingest", "--feed", f"{BASE}/feed.xml", "--out", work["out"],
           "--state", work["state"], "--allow-private-hosts", "--retry-delay", "1",
           "--max-attempts", str(ARGS.max_attempts), "--timeout", str(ARGS.timeout),
           "--retries", "1", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    if kill_after is not None:
        try:
            _, err = proc.communicate(timeout=kill_after)
            return proc.returncode, err
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            return "killed", ""
    try:
        _, err = proc.communicate(timeout=extra_timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return "hung", ""
    return proc.returncode, err


def read_outputs(out):
    """Every record of every complete output file: (records, bad lines, files)."""
    records, bad = [], []
    files = sorted(glob.glob(os.path.join(out, "facts-*.jsonl")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    bad.append(f"{path}:{i}")
    return records, bad, files


def article_number(record):
    match = re.search(r"/a/(\d+)$", str(record.get("source", "")))
    return int(match.group(1)) if match else None


def main():
    rng = random.Random(ARGS.seed)
    room = Newsroom(rng, ARGS.fault_rate, ARGS.window, ARGS.gone_rate)
    port = [0]
    server = Server(("127.0.0.1", 0), make_handler(room, port))
    port[0] = server.server_address[1]
    global BASE
    BASE = f"http://127.0.0.1:{port[0]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()

    tmp = tempfile.mkdtemp(prefix="newsfacts-soak-")
    work = {"out": os.path.join(tmp, "out"), "state": os.path.join(tmp, "state.sqlite")}
    os.makedirs(work["out"])
    outcomes = collections.Counter()
    room.publish(5)
    start = time.monotonic()
    while time.monotonic() - start < ARGS.seconds:
        room.publish(rng.randint(0, ARGS.publish_per_run))
        kill_after = rng.uniform(0.05, 3.0) if rng.random() < ARGS.kill_rate else None
        code, err = run_ingest(work, extra_timeout=120, kill_after=kill_after)
        outcomes[code] += 1
        if code not in (0, 1, 3, "killed"):
            print(f"run ended with {code}: {err.strip()[-500:]}", file=sys.stderr)

    # Drain: no faults, every article in the feed; retries come due after their delay.
    room.full_feed = True
    drain_runs = 0
    deadline = time.monotonic() + ARGS.drain_seconds
    last = None
    while time.monotonic() < deadline:
        code, err = run_ingest(work, extra_timeout=120)
        drain_runs += 1
        outcomes[f"drain_{code}"] += 1
        summary = err.strip().splitlines()[-1] if err.strip() else ""
        records, _, _ = read_outputs(work["out"])
        seen = {article_number(r) for r in records}
        if code == 0 and seen >= set(room.published) and summary == last:
            break
        last = summary
        time.sleep(1.0)
    server.shutdown()

    records, bad_lines, files = read_outputs(work["out"])
    by_number = collections.defaultdict(list)
    strays = []
    for r in records:
        n = article_number(r)
        (strays.append(r) if n is None else by_number[n].append(r))
    published = set(room.published)
    lost = sorted(published - set(by_number))
    duplicated = sorted(n for n, rs in by_number.items() if len(rs) > 1)
    unknown = sorted(set(by_number) - published)
    ok = sorted(n for n, rs in by_number.items() if "error" not in rs[0])
    failed = sorted(n for n, rs in by_number.items() if "error" in rs[0])
    wrongly_failed = sorted(n for n in failed if n not in room.gone)
    wrongly_ok = sorted(n for n in ok if n in room.gone)
    leftovers = [p for p in os.listdir(work["out"]) if not re.fullmatch(r"facts-.*\.jsonl", p)]
    fact_count = sum(len(r.get("facts", [])) for r in records)

    report = {
        "seconds": ARGS.seconds, "seed": ARGS.seed, "runs": dict(outcomes),
        "drain_runs": drain_runs, "published": len(published),
        "gone_for_good": len(room.gone), "output_files": len(files),
        "records": len(ok), "error_records": len(failed), "facts": fact_count,
        "server": dict(room.counts),
        "lost": lost, "duplicated": duplicated, "unknown": unknown,
        "error_records_for_live_articles": wrongly_failed,
        "records_for_gone_articles": wrongly_ok,
        "error_kinds": dict(collections.Counter(
            by_number[n][0]["error"].get("kind") for n in failed)),
        "records_without_article_url": len(strays), "bad_lines": bad_lines,
        "leftover_files": leftovers, "work_dir": tmp,
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    problems = [k for k in ("lost", "duplicated", "unknown", "records_for_gone_articles",
                            "bad_lines", "leftover_files") if report[k]]
    problems += [k for k in ("hung",) if outcomes.get(k)]
    if wrongly_failed:
        # A live article failed for good: only acceptable when every attempt met a fault.
        print(f"note: {len(wrongly_failed)} live articles failed for good after "
              f"{ARGS.max_attempts} faulty attempts", file=sys.stderr)
    if problems:
        print("SOAK FAILED: " + ", ".join(problems), file=sys.stderr)
        return 1
    print(f"SOAK OK: {len(published)} published, {len(ok)} records, {len(failed)} error "
          f"records, none lost or duplicated", file=sys.stderr)
    return 0


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=120, help="fault phase length (120)")
    p.add_argument("--drain-seconds", type=float, default=120,
                   help="longest fault-free phase to let retries finish (120)")
    p.add_argument("--binary", default=None, help="newsfacts binary (target/debug, built)")
    p.add_argument("--seed", type=int, default=None, help="random seed (printed)")
    p.add_argument("--fault-rate", type=float, default=0.3, help="share of faulty answers")
    p.add_argument("--kill-rate", type=float, default=0.3, help="share of runs SIGKILLed")
    p.add_argument("--gone-rate", type=float, default=0.05, help="share of 404/410 articles")
    p.add_argument("--window", type=int, default=20, help="articles in the feed")
    p.add_argument("--publish-per-run", type=int, default=6, help="most new articles per run")
    p.add_argument("--max-attempts", type=int, default=4, help="ingest --max-attempts")
    p.add_argument("--timeout", type=int, default=3, help="ingest --timeout seconds")
    args = p.parse_args()
    if args.seed is None:
        args.seed = random.randrange(1 << 30)
    if args.binary is None:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        subprocess.run(["cargo", "build", "--quiet", "--bin", "newsfacts"], cwd=root,
                       check=True)
        args.binary = os.path.join(root, "target", "debug", "newsfacts")
    return args


if __name__ == "__main__":
    ARGS = parse_args()
    BASE = ""
    sys.exit(main())
