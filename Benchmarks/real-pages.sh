#!/usr/bin/env bash
# Real-page benchmark: memoscope against trafilatura 2.3.1 on BOTH real page sets beside the
# repository, in the same run, and the pages that moved since the last committed predictions.
#
#   ../shared/bench/article-extraction   181 ScrapingHub pages (shingle F1, its score.py)
#   ../shared/bench/wcxb-articles        793 WCXB dev article pages (word F1 + title/author/date)
#
# For each set it prints, for both tools: body F1, pages below 0.5, title/author/date exact
# matches (WCXB only: the ScrapingHub truth has bodies only), pages/s (whole process, wall clock,
# best of ROUNDS) and CPU seconds, and the speed ratio. memoscope's predictions are written to
# Benchmarks/predictions/<set>.json and compared with the committed ones (`git show HEAD:`):
# every page whose F1 moved by more than 0.05 is listed, worse first. Commit the new predictions
# with the change that moved them, so the next run measures against it.
#
# Usage: Benchmarks/real-pages.sh [ROUNDS]     (default 1 timed round of each tool per set)
# Env:   MEMOSCOPE_BENCH_VENV  virtualenv for trafilatura (default ../venv beside the repository;
#                              created if missing)
#        SCRATCH               SwiftPM scratch folder (default .build in the repository)
set -euo pipefail

ROUNDS="${1:-1}"
ROOT="$(git rev-parse --show-toplevel)"
SHARED="$ROOT/../shared/bench"
SCRATCH="${SCRATCH:-$ROOT/.build}"
VENV="${MEMOSCOPE_BENCH_VENV:-$ROOT/../venv}"
PREDICTIONS="$ROOT/Benchmarks/predictions"
SETS="article-extraction wcxb-articles"

for set in $SETS; do
  if [ ! -d "$SHARED/$set/html" ] || [ ! -f "$SHARED/$set/score.py" ]; then
    echo "error: $SHARED/$set: benchmark not found; it should sit beside the repository as ../shared/bench/$set (html/ and score.py)" >&2
    exit 2
  fi
done
# shellcheck source=Benchmarks/common.sh
source "$ROOT/Benchmarks/common.sh"
gnu_time
memoscope_release_build
trafilatura_venv

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$PREDICTIONS" "$SCRATCH/real-pages"

# The peer: raw page bytes to trafilatura.bare_extraction (default settings, with metadata).
cat > "$WORK/trafilatura_driver.py" <<'PY'
import json, os, sys
import trafilatura
folder, output = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
predictions = {}
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as handle:
        document = trafilatura.bare_extraction(handle.read(), with_metadata=True)
    if document is None:
        predictions[name.split(".")[0]] = {"articleBody": ""}
        continue
    predictions[name.split(".")[0]] = {
        "articleBody": document.text or "", "title": document.title,
        "author": document.author, "date": document.date}
if output:
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(predictions, handle)
PY

# Pages whose score moved between two score.py --per-page files of the ScrapingHub set
# (page F1 from its precision and recall), worse first.
cat > "$WORK/moved.py" <<'PY'
import sys
def load(path):
    pages = {}
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            p, r = (float(x) if x else 0.0 for x in fields[1:3])
            pages[fields[0]] = 2 * p * r / (p + r) if p + r else 0.0
    return pages
new, old = load(sys.argv[1]), load(sys.argv[2])
moved = sorted((new[k] - old.get(k, 0.0), k) for k in new if abs(new[k] - old.get(k, 0.0)) > 0.05)
for delta, k in moved:
    print(f"{k}\t{old.get(k, 0.0):.3f} -> {new[k]:.3f}\t{delta:+.3f}")
print(f"{len(moved)} pages moved by more than 0.05", file=sys.stderr)
PY

# Runs a command under /usr/bin/time; prints "wall-seconds cpu-seconds". Exit status 1 is
# accepted: `memoscope extract` reports a page without text and carries on.
measure() {
  local log="$WORK/time.log" start end status=0
  start=$(date +%s%N)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || status=$?
  end=$(date +%s%N)
  if [ "$status" -gt 1 ]; then
    cat "$log" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" -F': ' '/User time|System time/ {cpu += $2}
    END { printf "%.4f %.2f\n", (e - s) / 1e9, cpu }' "$log"
}

# Pages below 0.5 in a ScrapingHub per-page file (page F1 from precision and recall).
low_pages() {
  awk -F'\t' 'NR > 1 { p = $2 + 0; r = $3 + 0; f = (p + r > 0) ? 2 * p * r / (p + r) : 0; if (f < 0.5) n++ }
    END { print n + 0 }' "$1"
}

for set in $SETS; do
  bench="$SHARED/$set"
  mkdir -p "$WORK/$set"
  for page in "$bench"/html/*.html.gz; do
    gzip -dc "$page" > "$WORK/$set/$(basename "$page" .gz)"
  done
  pages=$(ls "$WORK/$set" | wc -l)
  echo
  echo "=== $set: $pages pages"

  # Quality: memoscope's predictions (into the repository) and trafilatura's (into SCRATCH).
  new="$PREDICTIONS/$set.json"
  "$BIN/memoscope-bench" extraction-predictions --bench "$bench" --output "$new" \
    | sed 's/^/memoscope-bench: /'
  traf="$SCRATCH/real-pages/$set-trafilatura.json"
  ms_best=""; tr_best=""; ms_cpu=""; tr_cpu=""
  for round in $(seq 1 "$ROUNDS"); do
    read -r wall cpu < <(measure "$BIN/memoscope" extract --format jsonl "$WORK/$set")
    ms_best=$(awk -v a="$wall" -v b="${ms_best:-$wall}" 'BEGIN { print (a < b ? a : b) }')
    ms_cpu=$(awk -v a="$cpu" -v b="${ms_cpu:-$cpu}" 'BEGIN { print (a < b ? a : b) }')
    if [ "$round" = 1 ]; then
      read -r wall cpu < <(measure "$VENV/bin/python" "$WORK/trafilatura_driver.py" "$WORK/$set" "$traf")
    else
      read -r wall cpu < <(measure "$VENV/bin/python" "$WORK/trafilatura_driver.py" "$WORK/$set")
    fi
    tr_best=$(awk -v a="$wall" -v b="${tr_best:-$wall}" 'BEGIN { print (a < b ? a : b) }')
    tr_cpu=$(awk -v a="$cpu" -v b="${tr_cpu:-$cpu}" 'BEGIN { print (a < b ? a : b) }')
  done

  old="$WORK/$set-committed.json"
  has_old=0
  if git -C "$ROOT" cat-file -e "HEAD:Benchmarks/predictions/$set.json" 2>/dev/null; then
    git -C "$ROOT" show "HEAD:Benchmarks/predictions/$set.json" > "$old"
    has_old=1
  fi
  if [ "$set" = wcxb-articles ]; then
    ms_line=$(python3 "$bench/score.py" "$new" | tail -1)
    tr_line=$(python3 "$bench/score.py" "$traf" | tail -1)
    printf 'memoscope    %s\n' "$ms_line"
    printf 'trafilatura  %s\n' "$tr_line"
    if [ "$has_old" = 1 ]; then
      echo "-- pages that moved against the committed predictions (old -> new F1):"
      python3 "$bench/score.py" "$new" --compare "$old" 2>&1 | sed '$d'
    fi
  else
    python3 "$bench/score.py" "$new" --per-page "$WORK/ms.tsv" > "$WORK/ms.txt"
    python3 "$bench/score.py" "$traf" --per-page "$WORK/tr.tsv" > "$WORK/tr.txt"
    printf 'memoscope    %s low %s\n' "$(tail -1 "$WORK/ms.txt")" "$(low_pages "$WORK/ms.tsv")"
    printf 'trafilatura  %s low %s\n' "$(tail -1 "$WORK/tr.txt")" "$(low_pages "$WORK/tr.tsv")"
    if [ "$has_old" = 1 ]; then
      python3 "$bench/score.py" "$old" --per-page "$WORK/old.tsv" > /dev/null
      echo "-- pages that moved against the committed predictions (old -> new page F1):"
      python3 "$WORK/moved.py" "$WORK/ms.tsv" "$WORK/old.tsv" 2>&1
    fi
  fi
  quoted=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for v in d.values() if v.get('quoted')))" "$new")
  echo "memoscope quoted (memo-in-story): $quoted of $pages pages"
  awk -v n="$pages" -v ms="$ms_best" -v tr="$tr_best" -v mc="$ms_cpu" -v tc="$tr_cpu" -v cores="$(nproc)" 'BEGIN {
    printf "speed: memoscope %.0f pages/s (%.2f s CPU, %d cores), trafilatura %.1f pages/s (%.2f s CPU, 1 core): %.1fx wall, %.1fx CPU\n",
      n / ms, mc, cores, n / tr, tc, tr / ms, tc / mc
  }'
done
echo
echo "predictions written to $PREDICTIONS (git diff shows what changed; commit them with the change)"
