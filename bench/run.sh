#!/usr/bin/env bash
# Extraction speed beside ripgrep and textlint; prints a Markdown table.
# Not part of .ci/run: it builds in release mode and takes minutes.
#
#   bash bench/run.sh                  # 10k articles, 3 rounds
#   BENCH_SIZE=1000 BENCH_ROUNDS=1 bash bench/run.sh      # a quick look
#   FACTLINT=/path/to/factlint bash bench/run.sh          # another build
#
# Corpora are generated once into target/bench-corpora (BENCH_CORPORA to
# change), with ../shared/bench/gen_corpus.py; BENCH_FRESH=1 regenerates.
set -euo pipefail
cd "$(dirname "$0")/.."

size=${BENCH_SIZE:-10000}
rounds=${BENCH_ROUNDS:-3}
corpora=${BENCH_CORPORA:-target/bench-corpora}
gen=../shared/bench/gen_corpus.py

if [[ -z "${FACTLINT:-}" ]]; then
    cargo build --release --locked --quiet
    FACTLINT=target/release/factlint
fi

sizes=1000
[[ "$size" != 1000 ]] && sizes="1000,$size"
if [[ -n "${BENCH_FRESH:-}" || ! -d "$corpora/$size" || ! -d "$corpora/1000" ]]; then
    echo "== generating corpora ($sizes articles) in $corpora" >&2
    rm -rf "$corpora"
    python3 "$gen" --sizes "$sizes" --out "$corpora" >&2
fi

command -v rg >/dev/null || echo "note: ripgrep not installed (cargo install ripgrep --locked); its row is left out" >&2
command -v textlint >/dev/null || echo "note: textlint not installed (npm install -g textlint); its row is left out" >&2

exec python3 bench/speed.py --factlint "$FACTLINT" --corpora "$corpora" \
    --size "$size" --rounds "$rounds"
