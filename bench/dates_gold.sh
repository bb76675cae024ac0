#!/bin/sh
# Scores the date engine on the Recognizers-Text gold sets in ../shared/gold/dates.
# Usage: bench/dates_gold.sh [BINARY]   (default target/release/newsfacts)
set -e
cd "$(dirname "$0")/.."
BIN=${1:-target/release/newsfacts}
for lang in nl fr; do
  python3 ../shared/tools/eval_gold.py "$BIN" dates "../shared/gold/dates/$lang.jsonl" \
    --types date,daterange --source DateTimeModel | tail -1
  python3 ../shared/tools/eval_gold.py "$BIN" dates "../shared/gold/dates/$lang.jsonl" | tail -1
done
