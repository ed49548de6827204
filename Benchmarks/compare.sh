#!/usr/bin/env bash
# `memoscope compare` on long inputs: two generated memos of N paragraphs each (the second an
# edited copy of the first: words changed, paragraphs deleted, inserted and a block moved),
# with wall time and peak memory. GNU diff on the same files (one paragraph per line) runs in
# the same round as a reference for the cost of a plain line diff.
#
# Usage: Benchmarks/compare.sh [PARAGRAPHS...]      (default: 2000 8000 200000)
# Environment:
#   BENCH_DIR=DIR   where inputs and outputs go (default: a temporary folder)
#   SCRATCH=DIR     SwiftPM scratch path (default .build)
#   LIMIT=SECONDS   stop a run after this long and report it (default 120)
#   SKIP_BUILD=1    use the release binary already built
# Goals (issue 14): 8,000 paragraphs under 30 s and 500 MB; 200,000 paragraphs end with a
# result or a clear error within a minute.
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 8000 200000)
scratch="${SCRATCH:-.build}"
work="${BENCH_DIR:-$(mktemp -d)}"
limit="${LIMIT:-120}"
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time" >&2; exit 1; }

[ -n "${SKIP_BUILD:-}" ] || swift build -c release --scratch-path "$scratch" --product memoscope >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

# generate N SEED OUT_A OUT_B: paragraphs of 8-30 words from a 5,000-word vocabulary; B changes
# one word in 1 paragraph of 10, deletes 1 in 50, inserts 1 in 50 and moves a block of 20.
generate() {
  awk -v n="$1" -v seed="$2" -v a="$3" -v b="$4" 'BEGIN {
    srand(seed)
    for (i = 0; i < n; i++) {
      words = 8 + int(rand() * 23); p = ""
      for (w = 0; w < words; w++) p = p (w ? " " : "") "w" int(rand() * 5000)
      para[i] = p "."
    }
    moveFrom = int(n / 2); moveTo = int(n / 5)
    out = 0
    for (i = 0; i < n; i++) {
      printf "%s\n\n", para[i] > a
      if (i >= moveFrom && i < moveFrom + 20) continue
      if (i == moveTo) for (k = moveFrom; k < moveFrom + 20 && k < n; k++) printf "%s\n\n", para[k] > b
      r = rand()
      if (r < 0.02) continue
      if (r < 0.04) printf "inserted w%d w%d w%d paragraph.\n\n", int(rand() * 5000), int(rand() * 5000), i > b
      q = para[i]
      if (r < 0.14) sub(/ /, " changed ", q)
      printf "%s\n\n", q > b
    }
  }'
}

# measure OUT COMMAND...: prints "exit wall-seconds peak-MB cpu-seconds".
measure() {
  local out="$1"; shift
  local stats="$work/time.txt"
  set +e
  /usr/bin/time -v -o "$stats" timeout "$limit" "$@" >"$out" 2>"$out.err"
  local code=$?
  set -e
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$stats")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$stats")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$stats")
  echo "$code $wall $rss $cpu"
}

printf '%-10s %-10s %6s %9s %9s %8s  %s\n' paragraphs tool exit wall-s cpu-s peak-MB note
for n in "${sizes[@]}"; do
  a="$work/a-$n.txt"; b="$work/b-$n.txt"
  generate "$n" 42 "$a" "$b"
  read -r code wall rss cpu < <(measure "$work/compare-$n.json" "$bin/memoscope" compare --format json "$a" "$b")
  note=""
  if [ "$code" = 0 ]; then
    note=$(grep -c '"kind" : "moved"' "$work/compare-$n.json" || true)
    note="moved rows: $note"
  elif [ "$code" = 124 ]; then
    note="stopped after ${limit}s"
  else
    note="$(head -c 200 "$work/compare-$n.json.err")"
  fi
  printf '%-10s %-10s %6s %9s %9s %8s  %s\n' "$n" memoscope "$code" "$wall" "$cpu" "$rss" "$note"
  grep -v '^$' "$a" >"$work/a-$n.lines"; grep -v '^$' "$b" >"$work/b-$n.lines"
  read -r code wall rss cpu < <(measure "$work/diff-$n.txt" diff "$work/a-$n.lines" "$work/b-$n.lines")
  printf '%-10s %-10s %6s %9s %9s %8s  %s\n' "$n" "GNU diff" "$code" "$wall" "$cpu" "$rss" "(line diff only, reference)"
done
