#!/usr/bin/env bash
# Scoring benchmark: tokenizer and lexicon matcher against bare ICU and a Python peer, then
# `memoscope score` end to end over 10,000 HTML memos on 2 cores.
#
# Usage: Benchmarks/scoring.sh            (needs ../shared/bench, python3, /usr/bin/time)
# Environment: SCRATCH (SwiftPM scratch path, default .build), WORK (temp folder),
#              MEMOS (number of generated memos, default 10000), TEXT_MB (default 50).
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
shared="$root/../shared"
cd "$root"
scratch="${SCRATCH:-.build}"
work="${WORK:-${TMPDIR:-/tmp}/memoscope-scoring-bench}"
memos="${MEMOS:-10000}"
text_mb="${TEXT_MB:-50}"
venv="$HOME/.cache/memoscope-bench/venv"
lexicon="Lexicons/ai-washing"
mkdir -p "$work"

echo "== build (release)"
swift build -c release --scratch-path "$scratch" 2>&1 | tail -1
bin="$scratch/release"

echo "== python venv ($venv)"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import ahocorasick" 2>/dev/null || "$venv/bin/pip" install -q pyahocorasick
python="$venv/bin/python"

echo "== input text"
if [ ! -s "$work/text.txt" ]; then
  "$bin/memoscope" extract --format jsonl "$shared/bench/article-extraction/html" \
    > "$work/pages.jsonl" || true
  "$python" Benchmarks/scoring_text.py "$work/pages.jsonl" "$work/text.txt" "$text_mb" \
    Corpus/manifest.json
fi
ls -l "$work/text.txt" | awk '{printf "%s: %.1f MB (memoscope extract text of the 181 benchmark pages and the 45 Corpus memos, repeated)\n", $9, $5/1e6}'
"$bin/memoscope-bench" phrases --lexicon "$lexicon" > "$work/phrases.txt"
echo "$(wc -l < "$work/phrases.txt") phrases exported from $lexicon"

peak() { grep "Maximum resident set size" "$1" | awk '{printf "%.0f MB", $6/1024}'; }

echo "== matching, single thread (Swift and Python alternate, best of 3 rounds each)"
for round in 1 2; do
  echo "-- round $round"
  /usr/bin/time -v "$bin/memoscope-bench" tokenize --input "$work/text.txt" --lexicon "$lexicon" \
    > "$work/swift.txt" 2> "$work/swift-time.txt"
  cat "$work/swift.txt"
  echo "   swift peak RSS: $(peak "$work/swift-time.txt")"
  /usr/bin/time -v "$python" Benchmarks/scoring_peer.py "$work/phrases.txt" "$work/text.txt" 3 \
    > "$work/python.txt" 2> "$work/python-time.txt"
  cat "$work/python.txt"
  echo "   python peak RSS: $(peak "$work/python-time.txt")"
  swift_rate=$(grep "^tokenize + match" "$work/swift.txt" | awk '{print $4}')
  raw_rate=$(grep "raw:" "$work/python.txt" | awk '{print $4}')
  words_rate=$(grep "words:" "$work/python.txt" | awk '{print $4}')
  awk -v s="$swift_rate" -v r="$raw_rate" -v w="$words_rate" 'BEGIN {
    printf "   ratio Swift tokenize+match / Python raw: %.2f, / Python words: %.2f\n", s / r, s / w }'
done

echo "== end to end: memoscope score over $memos HTML memos on 2 cores"
if [ ! -d "$work/memos" ] || [ "$(find "$work/memos" -type f | wc -l)" -ne "$memos" ] \
  || ! grep -q "copy 0" "$work/memos/0/memo-0.html"; then
  rm -rf "$work/memos"
  mkdir -p "$work/memos"
  mapfile -t sources < <(find Corpus -type f \( -name '*.html' -o -name '*.htm' \) | sort)
  for ((i = 0; i < memos; i++)); do
    source="${sources[$((i % ${#sources[@]}))]}"
    folder="$work/memos/$((i / 1000))"
    mkdir -p "$folder"
    # A trailing comment makes each copy's bytes its own: identical files are counted once.
    { cat "$source"; printf '\n<!-- copy %d -->\n' "$i"; } > "$folder/memo-$i.html"
  done
fi
du -sh "$work/memos" | awk '{print "input: " $1 " in '"$memos"' files, copies of the Corpus HTML pages, each made distinct"}'
/usr/bin/time -v taskset -c 0,1 "$bin/memoscope" score --lexicon "$lexicon" --format jsonl \
  --output "$work/scores.jsonl" --force "$work/memos" 2> "$work/score-time.txt" || true
grep -E "Elapsed \(wall clock\)|Maximum resident" "$work/score-time.txt"
echo "scored: $(wc -l < "$work/scores.jsonl") memos"
