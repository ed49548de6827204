#!/usr/bin/env bash
# Builds the libFuzzer targets (-sanitize=fuzzer, release, linked with lld: gold fails on them) and runs each for a set time, one
# after the other, on a working copy of its seed corpus. Prints each target's executions.
#
# Usage: Fuzz/run.sh [SECONDS] [TARGET...]   (default 60 seconds each; targets: extraction
#        email lexicon jsonl)
# Environment: FUZZ_WORK=DIR  where corpora, crash files and logs go (default .build/fuzz-work)
# A crash leaves crash-* files in FUZZ_WORK/TARGET and makes the script exit 1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(extraction email lexicon jsonl)
work="${FUZZ_WORK:-$here/.build/fuzz-work}"
mkdir -p "$work"

swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld --show-bin-path)"

status=0
total=0
for target in "${targets[@]}"; do
  product="Fuzz$(tr '[:lower:]' '[:upper:]' <<<"${target:0:1}")${target:1}"
  [ "$target" = jsonl ] && product=FuzzJSONL
  corpus="$work/$target/corpus"
  mkdir -p "$corpus"
  # Seeds: the small ones in Fuzz/Seeds and the matching test fixtures (not copied into Fuzz/).
  cp -n "$here/Seeds/$target"/* "$corpus/" 2>/dev/null || true
  case "$target" in
  extraction)
    # The target's first byte picks the format (0 HTML, 1 text, 2 Markdown, 3 email): each
    # fixture is copied behind its format's byte.
    for pair in 'htm*:\000' 'txt:\001' 'md:\002' 'eml:\003'; do
      pattern="${pair%%:*}"
      byte="${pair#*:}"
      find "$here/../Tests/Fixtures" "$here/../Corpus" -type f -name "*.$pattern" -size -64k -print0 |
        while IFS= read -r -d '' fixture; do
          seed="$corpus/fixture-$(basename "$(dirname "$fixture")")-$(basename "$fixture")"
          [ -e "$seed" ] || { printf "$byte"; cat "$fixture"; } >"$seed"
        done
    done
    ;;
  email) find "$here/../Tests/Fixtures/Extraction/Email" "$here/../Corpus" -name '*.eml' -size -64k -exec cp -n {} "$corpus/" \; ;;
  lexicon) find "$here/../Tests/Fixtures/Lexicons" -name '*.yaml' ! -name lexicon.yaml -size -64k -exec sh -c 'cp -n "$1" "$2/$(basename "$(dirname "$1")")-$(basename "$1")"' _ {} "$corpus" \; ;;
  esac
  log="$work/$target/fuzz.log"
  set +e
  (cd "$work/$target" && "$bin/$product" -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus >"$log" 2>&1)
  code=$?
  set -e
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
  runs="${runs:-0}"
  total=$((total + runs))
  crashes=$(find "$work/$target" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'timeout-*' -o -maxdepth 1 -name 'oom-*' | wc -l)
  printf "%-10s %10d executions in %ss, exit %d, %d crash/timeout/oom files\n" \
    "$target" "$runs" "$seconds" "$code" "$crashes"
  if [ "$code" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    tail -30 "$log" >&2
  fi
done
echo "total      $total executions"
exit "$status"
