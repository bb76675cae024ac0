#!/bin/sh
# Instruction counts per stage (valgrind callgrind): unlike CPU seconds they do not move
# with the load of a shared machine, so two binaries compare fairly.
#
# Usage: bench/callgrind.sh BINARY INPUT.jsonl [ARTICLES]
#   runs `BINARY extract --jobs 1` over ARTICLES lines (default 400) spread evenly over
#   INPUT (the JSON Lines file `bench/corpus.py` writes, so both languages are in), then
#   over one small fixture (start-up),
#   and prints the total and the inclusive count of each stage.
set -eu
bin=$1
input=$2
articles=${3:-400}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step=$(( $(wc -l < "$input") / articles ))
awk -v step="$((step > 0 ? step : 1))" -v n="$articles" 'NR % step == 1 && kept++ < n' \
    "$input" > "$work/subset.jsonl"

stages='Engines::extract \[|DateEngine::extract \[|tense_at \[|leftmost_longest \[|CompanyEngine::extract \[|MoneyEngine::extract \[|langid::detect \[|Parser::parse \[|token::tokenize[a-z_]* \[|lang::compile \[|CompanyEngine::new \[|StatementEngine::new \['

count() {
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$bin" extract --jobs 1 \
        -o "$work/facts.jsonl" "$1" 2>&1 | grep -o 'Collected : [0-9]*'
    callgrind_annotate --inclusive=yes "$work/out" 2>/dev/null | grep -E "$stages" |
        sed -E 's/^ *([0-9,]+) \(([0-9. %]+)\).*::([A-Za-z_]+::[A-Za-z_]+) \[.*/  \1 (\2) \3/' | awk '!seen[$0]++'
}

echo "== $articles articles of $input"
count "$work/subset.jsonl"
echo "== start-up: one small file"
count "$here/fixtures/nl/asml-kwartaalcijfers.txt"
