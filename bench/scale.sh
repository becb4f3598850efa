#!/usr/bin/env bash
# How factlint scales with the number of articles (issue 13): for each size,
# regenerate the deterministic corpus with ../shared/bench/gen_corpus.py, then
# time `factlint` (the project's rules, quotations and figures on: everything)
# and `factlint discover` with /usr/bin/time -v, and print size x {time, peak
# RSS} against the memory budget of 2x the corpus bytes + 100 MB.
#
#   bench/scale.sh                    # 1000 10000 50000
#   SIZES="1000 10000" bench/scale.sh
#
# Not part of .ci/run: it takes minutes and measures, it does not assert.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
sizes="${SIZES:-1000 10000 50000}"
work="${SCALE_DIR:-$root/target/scale}"
bin="$root/target/release/factlint"

[ -x /usr/bin/time ] || { echo "bench/scale.sh needs GNU time at /usr/bin/time" >&2; exit 2; }
cargo build --release --locked --quiet --manifest-path "$root/Cargo.toml"
mkdir -p "$work"

# measure NAME COMMAND...: runs COMMAND, output discarded, and prints
# "wall_s cpu_s rss_mb" from GNU time.
measure() {
    local log="$work/$1.time"
    shift
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
        /User time/   { cpu += $2 }
        /System time/ { cpu += $2 }
        /Maximum resident/ { rss = $2 / 1024 }
        END { printf "%.1f %.1f %.0f\n", wall, cpu, rss }' "$log"
}

printf '%-7s %8s %9s | %8s %8s %9s %s | %8s %8s %9s\n' \
    articles MB budgetMB check_s cpu_s rss_MB ok discov_s cpu_s rss_MB
for n in $sizes; do
    if [ ! -d "$work/$n" ]; then
        python3 "$shared/bench/gen_corpus.py" --sizes "$n" --out "$work" >/dev/null
    fi
    bytes=$(find "$work/$n" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    budget=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", (2 * b + 100e6) / 1048576 }')
    read -r cw cc cr < <(measure "check-$n" "$bin" --rules "$root/rules" --exit-zero "$work/$n")
    out="$work/discover-$n.toml"
    rm -f "$out"
    read -r dw dc dr < <(measure "discover-$n" "$bin" discover "$work/$n" --output "$out")
    ok=$(awk -v r="$cr" -v b="$budget" 'BEGIN { print (r <= b) ? "yes" : "NO" }')
    printf '%-7s %8s %9s | %8s %8s %9s %-2s | %8s %8s %9s\n' \
        "$n" "$mb" "$budget" "$cw" "$cc" "$cr" "$ok" "$dw" "$dc" "$dr"
done
