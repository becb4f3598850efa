#!/usr/bin/env bash
# Seeds each target's corpus from the project's articles and rules:
# fuzz/corpus/TARGET/ (ignored by git; cargo fuzz adds what it finds).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/rule_parser corpus/value_readers corpus/extraction corpus/quotations
cp ../rules/*.toml corpus/rule_parser/
for f in ../corpus/*.txt; do
  name=$(basename "$f")
  cp "$f" "corpus/extraction/$name"
  cp "$f" "corpus/quotations/$name"
  # One seed per kind: the kind's byte, then the article.
  for k in 0 1 2 3 4 5 6 7 8 9 10; do
    { printf "\\$(printf '%03o' "$k")"; head -c 2000 "$f"; } > "corpus/value_readers/$k-$name"
  done
done
# Several articles at once for quotation matching, split at NUL bytes.
{ cat ../corpus/epoch-times.txt; printf '\0'; cat ../corpus/hindustan-times.txt; printf '\0'; cat ../corpus/mailonline.txt; } > corpus/quotations/three-articles
