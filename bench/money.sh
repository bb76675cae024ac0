#!/bin/sh
# Money extractor figures: span+value F1 on the gold sets and single-thread throughput.
# Run from the repository root; reads ../shared (evaluation data, not part of the repo).
set -e
SHARED=${SHARED:-../shared}
cargo build --release --quiet
cargo build --release --quiet --example money_speed
for lang in nl fr; do
  python3 "$SHARED/tools/eval_gold.py" target/release/newsfacts money "$SHARED/gold/money/$lang.jsonl" | tail -1
done
target/release/examples/money_speed "$SHARED"/corpus/nl/*.jsonl.gz
target/release/examples/money_speed "$SHARED"/corpus/fr/*.jsonl.gz
