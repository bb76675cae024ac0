#!/usr/bin/env bash
# Scores the extractors on the shared gold sets (../shared/gold) with their own scorers.
# Usage: bench/eval_gold.sh [BINARY]   (default: target/release/newsfacts, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
bin=${1:-target/release/newsfacts}
if [ ! -d "$shared/gold" ]; then
  echo "no $shared/gold: nothing to score" >&2
  exit 0
fi
[ -x "$bin" ] || cargo build --release --quiet
eval_gold() { python3 "$shared/tools/eval_gold.py" "$bin" "$@" | tail -1; }
echo "== money (span+value F1; target >= 0.97)"
eval_gold money "$shared/gold/money/nl.jsonl"
eval_gold money "$shared/gold/money/fr.jsonl"
echo "== dates, DateTimeModel date+daterange (span+value F1; target >= 0.92)"
eval_gold dates "$shared/gold/dates/nl.jsonl" --types date,daterange --source DateTimeModel
eval_gold dates "$shared/gold/dates/fr.jsonl" --types date,daterange --source DateTimeModel
echo "== dates, all types and sources"
eval_gold dates "$shared/gold/dates/nl.jsonl"
eval_gold dates "$shared/gold/dates/fr.jsonl"
echo "== companies (overlap P/R/F1; target P >= 0.90, nl R >= 0.70)"
eval_gold companies "$shared/gold/orgs/nl.companies.jsonl"
eval_gold companies "$shared/gold/orgs/fr.companies.jsonl"
