#!/usr/bin/env bash
# Times `parley diff` (release build, both loads included) on the M benchmark graph against a
# copy with about 1% of it changed (see docs/benchmarks.md):
#   scripts/bench/diff.sh [DIR] [RUNS]     DIR: where the graphs go (default .bench-diff)
# Makes DIR/M/graph.json with `parley-bench generate` (seed 42) and DIR/M-changed.json with
# scripts/bench/diff_change.py (standard library only), in .venv-bench (made here if missing).
# Times the whole process in a plain loop (wall milliseconds per run).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-.bench-diff}
runs=${2:-5}
if [ ! -x .venv-bench/bin/python ]; then
    echo "diff.sh: creating .venv-bench" >&2
    python3 -m venv .venv-bench
fi
swift build -c release --product parley-bench >&2
swift build -c release --product parley >&2
bin="$(swift build -c release --show-bin-path)"
if [ ! -f "$dir/M/graph.json" ]; then
    "$bin/parley-bench" generate --nodes 100000 --edges 1000000 --seed 42 "$dir/M" >&2
fi
if [ ! -f "$dir/M-changed.json" ]; then
    .venv-bench/bin/python scripts/bench/diff_change.py "$dir/M/graph.json" "$dir/M-changed.json" >&2
fi
parley="$bin/parley"
old="$dir/M/graph.json" new="$dir/M-changed.json"

set +e
"$parley" diff "$old" "$new" > "$dir/diff.txt"
status=$?
set -e
[ "$status" = 1 ] || { echo "diff.sh: expected exit status 1 (different), got $status" >&2; exit 1; }
echo "summary: $(tail -n 1 "$dir/diff.txt") ($(wc -l < "$dir/diff.txt") lines)"

times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$parley" diff "$old" "$new" > /dev/null || true
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "wall ms per run: $(echo "$sorted" | tr '\n' ' ')"
echo "median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms"
