#!/bin/sh
# Runs every built fuzz target for a set time and prints one summary line per target.
# Usage: src/fuzz/run.sh BUILD_DIR [SECONDS]   (make fuzz calls it; SECONDS defaults to 60)
#
# Each target starts from a seed corpus made of the project's own inputs: examples/ and
# tests/data/ (files of the target's format), and tests/data/robust/fuzz/<stage>/, the inputs that
# once broke a stage. What the fuzzer learns goes to BUILD_DIR/fuzz/corpus/<stage>/ and is kept
# between runs; a crashing input is written to BUILD_DIR/fuzz/artifacts/ and the script exits 1
# after running the other targets. Copy such an input to tests/data/robust/fuzz/<stage>/ so that
# tests/robust_replay_test.cpp replays it from then on.
set -u
build=${1:?usage: run.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
work="$build/fuzz"
mkdir -p "$work/artifacts"

# The file name patterns that seed each stage.
patterns() {
  case "$1" in
    load_text|tag|extract) echo '*.txt' ;;
    load_html) echo '*.html *.htm' ;;
    load_jsonl) echo '*.jsonl' ;;
    load_timeml) echo '*.tml' ;;
    claims) echo '*.json *.jsonl' ;;
  esac
}
dictionary() {
  case "$1" in
    load_html) echo html ;;
    load_jsonl|claims) echo json ;;
    load_timeml) echo timeml ;;
    *) echo article ;;
  esac
}

failed=0
for target in "$build"/src/fuzz/fuzz_*; do
  [ -x "$target" ] || continue
  stage=${target##*/fuzz_}
  seeds="$work/seeds/$stage"
  corpus="$work/corpus/$stage"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus"
  for p in $(patterns "$stage"); do
    find "$src/examples" "$src/tests/data" -name "$p" -size -1M -exec cp {} "$seeds/" \; 2>/dev/null
  done
  [ -d "$src/tests/data/robust/fuzz/$stage" ] && cp "$src/tests/data/robust/fuzz/$stage"/* "$seeds/" 2>/dev/null
  log="$work/$stage.log"
  "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -dict="$src/src/fuzz/dict/$(dictionary "$stage").dict" \
    -artifact_prefix="$work/artifacts/$stage-" "$corpus" "$seeds" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  size=$(find "$corpus" -type f | wc -l)
  if [ "$rc" -eq 0 ]; then
    echo "fuzz_$stage: ${runs:-?} runs in ${seconds} s, corpus $size inputs, no failure"
  else
    failed=1
    echo "fuzz_$stage: FAILED after ${runs:-?} runs (exit $rc); log: $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|broken promise|.*runtime error)' "$log" | head -n 5
    ls "$work/artifacts/$stage-"* 2>/dev/null | head -n 3
  fi
done
exit $failed
