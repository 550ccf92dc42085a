#!/bin/sh
# The training runs of the release build (make release): runs a program built with
# -DTIMELINE_PGO=GENERATE on training articles, so that it writes its profile into PROFILE_DIR,
# and marks the profile done (PROFILE_DIR/trained, which the USE build's objects depend on).
#
#   bench/pgo_train.sh GENERATE_BUILD/timeline PROFILE_DIR
#
# Training articles: TimeBank and AQUAINT (../shared/data/tbaq, the development corpus) when they
# are there, and always the project's own examples. Not the benchmark's corpus (te3-silver): the
# speed measured there is not of a program trained on it. The commands are the ones a run at
# scale and the page use: load (TimeML and plain text), tag and extract on JSON Lines with one
# and two threads, build and compare.
set -eu
if [ $# -ne 2 ]; then
  echo "usage: bench/pgo_train.sh GENERATE_BUILD/timeline PROFILE_DIR" >&2
  exit 2
fi
timeline=$1
profile=$2
root=$(cd "$(dirname "$0")/.." && pwd)
tbaq=$root/../shared/data/tbaq

# What the build itself ran (the automaton generator) is not training: start empty.
rm -rf "$profile"
mkdir -p "$profile"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -d "$tbaq" ]; then
  find "$tbaq" -name '*.tml' | sort > "$work/tml.list"
  # shellcheck disable=SC2046
  "$timeline" load $(cat "$work/tml.list") > "$work/train.jsonl"
  echo "pgo_train: $(wc -l < "$work/train.jsonl") TimeML articles from $tbaq"
else
  : > "$work/train.jsonl"
  echo "pgo_train: $tbaq is absent; training on the examples only"
fi
"$timeline" load "$root"/examples/*.txt >> "$work/train.jsonl"

run() {
  "$@" > "$work/out" || {
    echo "pgo_train: failed: $*" >&2
    exit 1
  }
}
for jobs in 1 2; do
  run "$timeline" tag --jobs "$jobs" "$work/train.jsonl"
  run "$timeline" extract --jobs "$jobs" "$work/train.jsonl"
done
run "$timeline" tag - < "$work/train.jsonl"
run "$timeline" build "$root"/examples/*.txt -o "$work/page"
run "$timeline" compare "$root"/examples/*.txt -o "$work/page"

if ! ls "$profile"/*.gcda > /dev/null 2>&1; then
  echo "pgo_train: $timeline wrote no profile into $profile (was it built with TIMELINE_PGO=GENERATE?)" >&2
  exit 1
fi
touch "$profile/trained"
echo "pgo_train: profile in $profile ($(ls "$profile" | grep -c '\.gcda$') files)"
