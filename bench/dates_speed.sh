#!/bin/sh
# Whole-pipeline throughput on the news corpora in ../shared/corpus, one thread.
# Usage: bench/dates_speed.sh [BINARY]   (default target/release/newsfacts)
set -e
cd "$(dirname "$0")/.."
BIN=${1:-target/release/newsfacts}
for f in ../shared/corpus/nl/dpgmedia2019.jsonl.gz ../shared/corpus/fr/gilets_jaunes_fr.jsonl.gz; do
  tmp=$(mktemp)
  zcat "$f" > "$tmp"
  bytes=$(wc -c < "$tmp")
  start=$(date +%s.%N)
  "$BIN" extract --input-format jsonl --jobs 1 - < "$tmp" > /dev/null 2>&1
  end=$(date +%s.%N)
  echo "$f: $bytes bytes in $(echo "$end - $start" | bc) s: $(echo "scale=1; $bytes / ($end - $start) / 1000000" | bc) MB/s"
  rm -f "$tmp"
done
