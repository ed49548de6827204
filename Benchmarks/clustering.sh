#!/usr/bin/env bash
# Near-duplicate clustering benchmark: `memoscope cluster` against datasketch's MinHashLSH on the
# same generated corpora (known families), with wall time, peak memory and adjusted Rand index.
#
# Usage: Benchmarks/clustering.sh [SIZE...]        (default sizes: 10000 100000)
# Environment:
#   DATASKETCH_MAX=N   run datasketch only for sizes <= N (default: all sizes)
#   ROUNDS=N           rounds per size, memoscope and datasketch alternating (default 3); the
#                      summary gives each tool's median wall time, its range, and their ratio
#   DATASKETCH_ARGS="..."   extra options for Benchmarks/clustering_datasketch.py (its defaults are
#                      the best setting found by the sweep documented there: 64 bands x 2 rows,
#                      MinHash screen, exact Jaccard >= 0.15 or containment >= 0.5)
#   INPUT=folder       memoscope reads the same memos as a folder of .txt files (walk, read,
#                      decode, extract) instead of the JSONL file; datasketch reads the JSONL
#   BENCH_DIR=DIR      where corpora and outputs go (default: a temporary folder)
#   VENV=DIR           a Python venv with datasketch (default ~/.cache/memoscope-bench/venv,
#                      made and filled with pip when missing)
#   WARM=0             skip reading both tools' inputs once before round 1 (by default they
#                      are read untimed with cat, so round 1 measures the tools and not a cold
#                      page cache: 10,000 small files cold had made memoscope's round 1 the
#                      slowest by 0.3-0.5 s)
# For figures on a machine others are using, run the whole script under `chrt -f 10` (both
# tools then run in the same real-time class) and say so.
#   SCRATCH=DIR        SwiftPM scratch path (default .build)
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
scratch="${SCRATCH:-.build}"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
datasketch_max="${DATASKETCH_MAX:-1000000000}"
read -r -a peer_args <<<"${DATASKETCH_ARGS:-}"
rounds="${ROUNDS:-3}"
input="${INPUT:-jsonl}"

command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time" >&2; exit 1; }
venv="${VENV:-$HOME/.cache/memoscope-bench/venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q datasketch
fi

swift build -c release --scratch-path "$scratch" --product memoscope >/dev/null
swift build -c release --scratch-path "$scratch" --product memoscope-bench >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

# measure OUT COMMAND...: runs COMMAND (stdout to OUT) under /usr/bin/time -v and prints
# "wall-seconds kilobytes cpu-seconds".
measure() {
  local out="$1"
  shift
  local log="$work/time.log"
  /usr/bin/time -v -o "$log" "$@" >"$out" 2>"$work/stderr.log" || { cat "$log" "$work/stderr.log" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  echo "$wall $rss $cpu"
}

# median VALUES...: the middle value (the mean of the two middle ones for an even count).
median() {
  printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# range VALUES...: "lowest–highest".
range() {
  printf "%s\n" "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f–%.2f", lo, hi }'
}

echo "machine: $(nproc) cores; $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "memoscope: $("$bin/memoscope" --version); datasketch $("$venv/bin/python" -c 'import datasketch; print(datasketch.__version__)')"
for n in "${sizes[@]}"; do
  families=$((n * 8 / 100))
  corpus="$work/corpus-$n"
  if [ ! -f "$corpus/memos.jsonl" ]; then
    "$bin/memoscope-bench" generate --count "$n" --families "$families" --seed 11 --out "$corpus" >/dev/null
  fi
  ours_input="$corpus/memos.jsonl"
  if [ "$input" = folder ]; then
    if [ ! -d "$corpus-txt/memos" ]; then
      "$bin/memoscope-bench" generate --count "$n" --families "$families" --seed 11 --format txt \
        --out "$corpus-txt" >/dev/null
    fi
    ours_input="$corpus-txt/memos"
  fi
  if [ "${WARM:-1}" != 0 ]; then
    # Both inputs into the page cache, untimed, the same way for both tools.
    cat "$corpus/memos.jsonl" >/dev/null
    if [ "$input" = folder ]; then find "$ours_input" -type f -exec cat {} + >/dev/null; fi
  fi
  echo
  echo "== $n memos, $families families, $(du -h "$corpus/memos.jsonl" | cut -f1) of JSONL; memoscope reads $input"
  ours_walls=()
  peer_walls=()
  for round in $(seq "$rounds"); do
    read -r ours_s ours_kb ours_cpu < <(measure "$work/ours-$n.json" \
      "$bin/memoscope" cluster --format json "$ours_input")
    ours_ari=$("$bin/memoscope-bench" ari --truth "$corpus/families.tsv" "$work/ours-$n.json")
    printf "round %d  memoscope cluster        %8.2f s wall %8.2f s cpu %6d MB peak  %s\n" \
      "$round" "$ours_s" "$ours_cpu" "$((ours_kb / 1024))" "$ours_ari"
    ours_walls+=("$ours_s")
    if [ "$n" -le "$datasketch_max" ]; then
      read -r peer_s peer_kb peer_cpu < <(measure /dev/null \
        "$venv/bin/python" Benchmarks/clustering_datasketch.py \
        "${peer_args[@]}" "$corpus/memos.jsonl" "$work/datasketch-$n.tsv")
      peer_ari=$("$bin/memoscope-bench" ari --truth "$corpus/families.tsv" "$work/datasketch-$n.tsv")
      printf "round %d  datasketch MinHashLSH    %8.2f s wall %8.2f s cpu %6d MB peak  %s\n" \
        "$round" "$peer_s" "$peer_cpu" "$((peer_kb / 1024))" "$peer_ari"
      awk -v a="$peer_s" -v b="$ours_s" -v c="$peer_cpu" -v d="$ours_cpu" 'BEGIN {
        printf "round speed ratio: memoscope is %.1fx datasketch by wall time, %.1fx by cpu time\n", a / b, c / d }'
      peer_walls+=("$peer_s")
    fi
  done
  ours_median=$(median "${ours_walls[@]}")
  printf "memoscope wall: median %.2f s, range %s s over %d rounds\n" \
    "$ours_median" "$(range "${ours_walls[@]}")" "$rounds"
  if [ ${#peer_walls[@]} -gt 0 ]; then
    peer_median=$(median "${peer_walls[@]}")
    printf "datasketch wall: median %.2f s, range %s s\n" "$peer_median" "$(range "${peer_walls[@]}")"
    awk -v a="$peer_median" -v b="$ours_median" 'BEGIN {
      printf "speed ratio (medians): memoscope is %.1fx datasketch by wall time\n", a / b }'
  else
    echo "datasketch skipped (DATASKETCH_MAX=$datasketch_max)"
  fi
done
