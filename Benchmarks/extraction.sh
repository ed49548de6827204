#!/usr/bin/env bash
# Extraction benchmark: `memoscope extract` against trafilatura on the 181 pages of
# ../shared/bench/article-extraction, alternating runs in one session.
#
# Prints pages/s for both (whole process, wall clock; the range over rounds and the best), the
# speed ratio (per round, and best against best), CPU seconds of each (a fairer figure when
# other work shares the machine), peak RSS of each (/usr/bin/time -v), and the F1 of both on
# the ground truth (score.py).
#
# Usage: Benchmarks/extraction.sh [ROUNDS]      (default 3 rounds of each)
# Env:   MEMOSCOPE_BENCH_VENV  virtualenv for trafilatura (default ~/.cache/memoscope-bench/venv-extraction)
#        SCRATCH               SwiftPM scratch folder (default .build in the repository)
set -euo pipefail

ROUNDS="${1:-3}"
ROOT="$(git rev-parse --show-toplevel)"
BENCH="$ROOT/../shared/bench/article-extraction"
SCRATCH="${SCRATCH:-$ROOT/.build}"
VENV="${MEMOSCOPE_BENCH_VENV:-$HOME/.cache/memoscope-bench/venv-extraction}"

if [ ! -f "$BENCH/ground-truth.json" ]; then
  echo "error: $BENCH: benchmark not found; it should sit beside the repository as ../shared/bench/article-extraction" >&2
  exit 2
fi
# shellcheck source=Benchmarks/common.sh
source "$ROOT/Benchmarks/common.sh"
gnu_time
memoscope_release_build
trafilatura_venv

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/pages"
for page in "$BENCH"/html/*.html.gz; do
  gzip -dc "$page" > "$WORK/pages/$(basename "$page" .gz)"
done
PAGES=$(ls "$WORK/pages" | wc -l)

# The Python peer: load each page, call trafilatura.extract, optionally write predictions.
cat > "$WORK/trafilatura_driver.py" <<'PY'
import json, os, sys, time
import trafilatura
folder, output = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
names = sorted(os.listdir(folder))
start = time.perf_counter()
predictions = {}
for name in names:
    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
        html = handle.read()
    text = trafilatura.extract(html)
    predictions[name.split(".")[0]] = {"articleBody": text or ""}
elapsed = time.perf_counter() - start
if output:
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(predictions, handle)
print(f"trafilatura extract-only: {len(names)} pages in {elapsed:.2f} s", file=sys.stderr)
PY

# Runs a command under /usr/bin/time -v; prints "wall-seconds kilobytes cpu-seconds". The wall
# time is read from the clock in nanoseconds (time -v rounds it to 10 ms, a tenth of a run).
measure() {
  local log="$WORK/time.log"
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || { cat "$log" >&2; exit 1; }
  end=$(date +%s%N)
  local wall rss
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$log")
  echo "$wall $rss $cpu"
}

echo "== $PAGES pages, $ROUNDS alternating rounds (memoscope, then trafilatura $TRAFILATURA_VERSION)" >&2
"$VENV/bin/python" "$WORK/trafilatura_driver.py" "$WORK/pages" "$WORK/trafilatura.json" 2>/dev/null
MS_BEST=""; TR_BEST=""; MS_CPU=""; TR_CPU=""; MS_RSS=0; TR_RSS=0
MS_WALLS=""; TR_WALLS=""; RATIOS=""
for round in $(seq 1 "$ROUNDS"); do
  read -r ms_wall ms_rss ms_cpu < <(measure "$BIN/memoscope" extract --format jsonl "$WORK/pages")
  read -r tr_wall tr_rss tr_cpu < <(measure "$VENV/bin/python" "$WORK/trafilatura_driver.py" "$WORK/pages")
  printf 'round %d: memoscope %.3f s wall, %.2f s CPU, %d KB   trafilatura %.3f s wall, %.2f s CPU, %d KB\n' \
    "$round" "$ms_wall" "$ms_cpu" "$ms_rss" "$tr_wall" "$tr_cpu" "$tr_rss"
  MS_BEST=$(awk -v a="$ms_wall" -v b="${MS_BEST:-$ms_wall}" 'BEGIN { print (a < b ? a : b) }')
  TR_BEST=$(awk -v a="$tr_wall" -v b="${TR_BEST:-$tr_wall}" 'BEGIN { print (a < b ? a : b) }')
  MS_CPU=$(awk -v a="$ms_cpu" -v b="${MS_CPU:-$ms_cpu}" 'BEGIN { print (a < b ? a : b) }')
  TR_CPU=$(awk -v a="$tr_cpu" -v b="${TR_CPU:-$tr_cpu}" 'BEGIN { print (a < b ? a : b) }')
  MS_WALLS="$MS_WALLS $ms_wall"; TR_WALLS="$TR_WALLS $tr_wall"
  RATIOS="$RATIOS $(awk -v a="$tr_wall" -v b="$ms_wall" 'BEGIN { print a / b }')"
  [ "$ms_rss" -gt "$MS_RSS" ] && MS_RSS=$ms_rss
  [ "$tr_rss" -gt "$TR_RSS" ] && TR_RSS=$tr_rss
done

"$BIN/memoscope-bench" extraction-predictions --bench "$BENCH" --output "$WORK/memoscope.json" >/dev/null
MS_F1=$(python3 "$BENCH/score.py" "$WORK/memoscope.json" | tail -1)
TR_F1=$(python3 "$BENCH/score.py" "$WORK/trafilatura.json" | tail -1)

# "low–high" of pages/s over the rounds' wall times.
rate_range() {
  echo "$1" | tr ' ' '\n' | awk -v pages="$PAGES" 'NF { r = pages / $1; if (lo == "" || r < lo) lo = r; if (r > hi) hi = r }
    END { printf "%.0f–%.0f", lo, hi }'
}
MS_RANGE=$(rate_range "$MS_WALLS"); TR_RANGE=$(rate_range "$TR_WALLS")
RATIO_RANGE=$(echo "$RATIOS" | tr ' ' '\n' | awk 'NF { if (lo == "" || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
  END { printf "%.1f–%.1fx", lo, hi }')

awk -v pages="$PAGES" -v ms="$MS_BEST" -v tr="$TR_BEST" -v msr="$MS_RSS" -v trr="$TR_RSS" \
  -v mc="$MS_CPU" -v tc="$TR_CPU" -v cores="$(nproc)" -v tv="$TRAFILATURA_VERSION" \
  -v msrange="$MS_RANGE" -v trrange="$TR_RANGE" -v ratios="$RATIO_RANGE" 'BEGIN {
  printf "memoscope extract:  %s pages/s over rounds, best %.1f (whole process, %d cores), peak RSS %.1f MiB\n", msrange, pages / ms, cores, msr / 1024
  printf "trafilatura %s: %s pages/s over rounds, best %.1f (whole process, 1 core), peak RSS %.1f MiB\n", tv, trrange, pages / tr, trr / 1024
  printf "speed ratio:        %s per round, %.1fx best against best (wall clock)\n", ratios, tr / ms
  printf "CPU time:           memoscope %.2f s, trafilatura %.2f s for %d pages (%.1fx less CPU)\n", mc, tc, pages, tc / mc
}'
echo "memoscope   $MS_F1"
echo "trafilatura $TR_F1"
