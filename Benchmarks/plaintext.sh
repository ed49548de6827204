#!/usr/bin/env bash
# Plain-text reading speed: 10,000 small .txt memos (generated here) extracted from a folder,
# against the same memos read back from the JSONL that extraction wrote. Needs no shared data.
#
# Usage: Benchmarks/plaintext.sh
# Prints each round's wall and CPU time (GNU time) of both inputs, alternating, and their ratios.
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

# run COMMAND...: prints "wall-seconds cpu-seconds" (GNU time: user + system).
run() {
  local log="$work/time.log"
  /usr/bin/time -f "%e %U %S" -o "$log" "$@" > /dev/null
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$log"
}

# Rounds alternate the two inputs so both see the same machine load; the ratio of each round
# is the figure to trust on a shared machine.
echo "== extract --format jsonl, $rounds alternating rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))"
walls=""; cpus=""
for round in $(seq "$rounds"); do
  read -r txt_wall txt_cpu < <(run "$bin" extract --format jsonl "$work/txt")
  read -r jsonl_wall jsonl_cpu < <(run "$bin" extract --format jsonl "$work/memos.jsonl")
  printf "round %d: .txt files %.2f s wall %.2f s CPU   JSONL %.2f s wall %.2f s CPU   ratio %.2f wall, %.2f CPU\n" \
    "$round" "$txt_wall" "$txt_cpu" "$jsonl_wall" "$jsonl_cpu" \
    "$(awk -v a="$txt_wall" -v b="$jsonl_wall" 'BEGIN { print a / b }')" \
    "$(awk -v a="$txt_cpu" -v b="$jsonl_cpu" 'BEGIN { print a / b }')"
  walls="$walls $(awk -v a="$txt_wall" -v b="$jsonl_wall" 'BEGIN { print a / b }')"
  cpus="$cpus $(awk -v a="$txt_cpu" -v b="$jsonl_cpu" 'BEGIN { print a / b }')"
done
span() { echo "$1" | tr ' ' '\n' | awk 'NF { if (lo == "" || $1 < lo) lo = $1; if ($1 > hi) hi = $1 } END { printf "%.2f–%.2f", lo, hi }'; }
echo "ratio txt / JSONL: $(span "$walls") by wall time, $(span "$cpus") by CPU time over $rounds rounds (goal: at most 1.5)"
