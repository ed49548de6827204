#!/usr/bin/env bash
# Plain-text reading speed: 10,000 small .txt memos (generated here) extracted from a folder,
# against the same memos read back from the JSONL that extraction wrote. Needs no shared data.
#
# Usage: Benchmarks/plaintext.sh
# Environment: SCRATCH (SwiftPM scratch path, default .build), WORK (temp folder),
#              MEMOS (number of generated memos, default 10000), ROUNDS (default 3).
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"
scratch="${SCRATCH:-.build}"
work="${WORK:-${TMPDIR:-/tmp}/memoscope-plaintext-bench}"
memos="${MEMOS:-10000}"
rounds="${ROUNDS:-3}"

echo "== build (release)"
swift build -c release --scratch-path "$scratch" --product memoscope 2>&1 | tail -1
bin="$scratch/release/memoscope"

echo "== $memos generated .txt memos in $work/txt"
rm -rf "$work/txt" && mkdir -p "$work/txt"
# Each memo: optional title line, optional To/From/Date/Subject headers, hard-wrapped
# paragraphs, a heading, a list, and a sign-off; words drawn from a fixed list with awk's
# seeded generator, so every run writes the same files.
awk -v count="$memos" -v out="$work/txt" 'BEGIN {
  srand(7)
  split("we are reducing the size of our teams as AI changes how work gets done and we " \
    "will support every affected colleague with severance benefits and placement help " \
    "across product engineering sales support operations finance this quarter today " \
    "our customers roles managers automation platform agents efficiency growth plan", w, " ")
  n = length(w)
  split("Dana Whitfield|Celia Draycott|Idris Okafor|Mara Lindqvist|Tomas Reyes", names, "|")
  split("Acme|Veradyne Robotics|Tessaline Labs|Yarrowfield|Pallister Robotics", companies, "|")
  for (i = 1; i <= count; i++) {
    file = sprintf("%s/memo-%05d.txt", out, i)
    name = names[int(rand() * 5) + 1]; company = companies[int(rand() * 5) + 1]
    if (rand() < 0.5) {
      printf "To: All %s employees\nFrom: %s, CEO\nDate: March %d, 2026\nSubject: Changes at %s\n\n", company, name, int(rand() * 28) + 1, company > file
    } else {
      printf "An update on our teams\n\nBy %s\n\n", name > file
    }
    printf "Team,\n\n" > file
    paragraphs = int(rand() * 4) + 2
    for (p = 1; p <= paragraphs; p++) {
      if (p == 2) printf "What happens next\n" > file
      words = int(rand() * 60) + 20; line = ""
      for (k = 1; k <= words; k++) {
        word = w[int(rand() * n) + 1]
        if (k == 1) word = toupper(substr(word, 1, 1)) substr(word, 2)
        if (length(line) + length(word) > 70) { print line > file; line = word }
        else line = (line == "" ? word : line " " word)
      }
      print line "." > file
      print "" > file
    }
    items = int(rand() * 3) + 2
    for (k = 1; k <= items; k++) printf "- %s %s %s.\n", w[int(rand() * n) + 1], w[int(rand() * n) + 1], w[int(rand() * n) + 1] > file
    printf "\nThank you for everything.\n\nBest,\n%s\n", name > file
    close(file)
  }
}'
du -sh "$work/txt" | awk '{print "size on disk: " $1}'

echo "== JSONL written from the folder"
"$bin" extract --format jsonl "$work/txt" > "$work/memos.jsonl"
echo "$(wc -l < "$work/memos.jsonl") memos in $work/memos.jsonl"

best() {  # best wall time in seconds over $rounds runs of the command
  local best=""
  for _ in $(seq "$rounds"); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    best=$(awk -v b="$best" -v s="$start" -v e="$end" 'BEGIN {
      t = e - s; if (b == "" || t < b) printf "%.3f", t; else printf "%s", b }')
  done
  echo "$best"
}

echo "== extract --format jsonl, best of $rounds"
txt=$(best "$bin" extract --format jsonl "$work/txt")
jsonl=$(best "$bin" extract --format jsonl "$work/memos.jsonl")
echo "from .txt files: ${txt} s"
echo "from JSONL:      ${jsonl} s"
awk -v t="$txt" -v j="$jsonl" 'BEGIN { printf "ratio txt / JSONL: %.2f (goal: at most 1.5)\n", t / j }'
