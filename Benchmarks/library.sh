#!/usr/bin/env bash
# Memo library benchmark (issue 12), all three figures in one run:
#   1. `library add` throughput against `score` on the same generated memo files (ratio);
#   2. the library file's size against the same memos as `extract --format jsonl` (ratio);
#   3. phrase search over a library of 100,000 generated memos (wall and CPU time of the
#      command), with few and with thousands of matches.
#
# Usage: Benchmarks/library.sh            (needs /usr/bin/time; no shared data)
# Environment: SCRATCH (SwiftPM scratch path, default .build), WORK (temp folder),
#              MEMOS (files for add vs score, default 10000), SEARCH_MEMOS (default 100000),
#              ROUNDS (add/score rounds, alternating, default 2), SEARCHES (runs per phrase, 5).
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"
scratch="${SCRATCH:-.build}"
work="${WORK:-${TMPDIR:-/tmp}/memoscope-library-bench}"
memos="${MEMOS:-10000}"
search_memos="${SEARCH_MEMOS:-100000}"
rounds="${ROUNDS:-2}"
searches="${SEARCHES:-5}"
lexicon="Lexicons/ai-washing"
mkdir -p "$work"

echo "== build (release)"
swift build -c release --scratch-path "$scratch" 2>&1 | tail -1
bin="$scratch/release"
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "machine: $(nproc) cores, $(load)"

echo "== memos"
if [ ! -d "$work/files/memos" ]; then
  "$bin/memoscope-bench" generate --count "$memos" --format txt --out "$work/files" | tail -1
fi
if [ ! -s "$work/big/memos.jsonl" ]; then
  "$bin/memoscope-bench" generate --count "$search_memos" --format jsonl --seed 2 \
    --families $((search_memos / 125)) --out "$work/big" | tail -1
fi

seconds() { grep "Elapsed (wall clock)" "$1" | awk '{n = split($NF, t, ":"); s = 0;
  for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}'; }
peak() { grep "Maximum resident set size" "$1" | awk '{printf "%.0f MB", $6/1024}'; }
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$1"; }

echo "== 1. add vs score: $memos text files, alternating, $rounds rounds"
best_score=""; best_add=""
for round in $(seq 1 "$rounds"); do
  /usr/bin/time -v "$bin/memoscope" score --lexicon "$lexicon" --format jsonl "$work/files/memos" \
    > /dev/null 2> "$work/score-time.txt"
  rm -f "$work/add.sqlite" "$work/add.sqlite-wal" "$work/add.sqlite-shm"
  /usr/bin/time -v "$bin/memoscope" library add --library "$work/add.sqlite" \
    --lexicon "$lexicon" "$work/files/memos" > "$work/add.txt" 2> "$work/add-time.txt"
  s=$(seconds "$work/score-time.txt"); a=$(seconds "$work/add-time.txt")
  echo "-- round $round ($(load)): score ${s} s (CPU $(cpu "$work/score-time.txt") s, peak" \
    "$(peak "$work/score-time.txt")), library add ${a} s (CPU $(cpu "$work/add-time.txt") s," \
    "peak $(peak "$work/add-time.txt")): $(cat "$work/add.txt")"
  awk -v s="$s" -v a="$a" -v sc="$(cpu "$work/score-time.txt")" -v ac="$(cpu "$work/add-time.txt")" \
    'BEGIN { printf "   add throughput / score throughput: %.2f by wall time, %.2f by CPU time\n",
      s / a, sc / ac }'
  best_score=$(awk -v b="$best_score" -v s="$s" 'BEGIN { print (b == "" || s < b) ? s : b }')
  best_add=$(awk -v b="$best_add" -v a="$a" 'BEGIN { print (b == "" || a < b) ? a : b }')
done
awk -v s="$best_score" -v a="$best_add" 'BEGIN {
  printf "best of %s: score %.2f s, add %.2f s; add runs at %.0f%% of score throughput\n",
    "'"$rounds"'", s, a, 100 * s / a }'

echo "== 2. size against extract JSONL"
"$bin/memoscope" extract --format jsonl "$work/files/memos" > "$work/files.jsonl"
lib=$(stat -c %s "$work/add.sqlite"); jsonl=$(stat -c %s "$work/files.jsonl")
awk -v l="$lib" -v j="$jsonl" 'BEGIN {
  printf "%d memos: library %.1f MB, extract JSONL %.1f MB: %.2fx\n", '"$memos"', l/1e6, j/1e6, l/j }'

echo "== 3. phrase search over $search_memos memos ($(load))"
if [ ! -s "$work/big.sqlite" ]; then
  /usr/bin/time -v "$bin/memoscope" library add --library "$work/big.sqlite" \
    --lexicon "$lexicon" "$work/big/memos.jsonl" > "$work/big-add.txt" 2> "$work/big-time.txt"
  echo "added in $(seconds "$work/big-time.txt") s: $(cat "$work/big-add.txt")"
fi
# A library left by an older build is upgraded in place by its first use (timed here, once).
before=$(stat -c %s "$work/big.sqlite")
/usr/bin/time -f "%e %U %S" -o "$work/open-time.txt" "$bin/memoscope" library search \
  --library "$work/big.sqlite" --format jsonl "no such phrase" > /dev/null
echo "first use: $(awk '{ printf "%.2f s wall, %.2f s CPU", $1, $2 + $3 }' "$work/open-time.txt")," \
  "file $(awk -v b="$before" 'BEGIN { printf "%.1f", b / 1e6 }') MB before," \
  "$(awk -v a="$(stat -c %s "$work/big.sqlite")" 'BEGIN { printf "%.1f", a / 1e6 }') MB after"
"$bin/memoscope" extract --format jsonl "$work/big/memos.jsonl" > "$work/big-extract.jsonl"
lib=$(stat -c %s "$work/big.sqlite"); jsonl=$(stat -c %s "$work/big-extract.jsonl")
awk -v l="$lib" -v j="$jsonl" 'BEGIN {
  printf "%d memos: library %.1f MB, extract JSONL %.1f MB: %.2fx\n", '"$search_memos"', l/1e6, j/1e6, l/j }'
for phrase in "A.I.-native" "flattening our organization" "management layers" "fewer handoffs" \
  "artificial intelligence"; do
  times=(); cpus=()
  for run in $(seq 1 "$searches"); do
    /usr/bin/time -f "%e %U %S" -o "$work/search-time.txt" "$bin/memoscope" library search \
      --library "$work/big.sqlite" --format jsonl "$phrase" > "$work/search.jsonl"
    times+=($(awk '{ printf "%d", $1 * 1000 }' "$work/search-time.txt"))
    cpus+=($(awk '{ printf "%d", ($2 + $3) * 1000 }' "$work/search-time.txt"))
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  sorted_cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | tr '\n' ' ')
  echo "\"$phrase\": $(wc -l < "$work/search.jsonl") matches; ms per search (sorted): wall" \
    "$sorted; CPU $sorted_cpu"
done
