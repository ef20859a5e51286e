#!/usr/bin/env bash
# Times Parley, Kùzu and python-igraph on one benchmark graph in one run and prints, for the load
# and each query Q1-Q8, each engine's median and the ratio peer / Parley (> 1: Parley is faster),
# then the answers side by side (see docs/benchmarks.md):
#   scripts/bench/compare.sh DIR [RUNS]      DIR: a `parley-bench generate` folder; RUNS: 5
# The peers run in a virtual environment, .venv-compare, made here from the pinned
# scripts/bench/requirements-compare.txt; a peer whose package does not install is left out.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:?usage: scripts/bench/compare.sh DIR [RUNS]}
runs=${2:-5}
for f in graph.json params.json kuzu_schema.cypher kuzu_copy.cypher; do
    [ -f "$dir/$f" ] || { echo "compare.sh: $dir/$f not found (make the folder with parley-bench generate, see docs/benchmarks.md)" >&2; exit 1; }
done
venv=.venv-compare
requirements=scripts/bench/requirements-compare.txt
stamp=$venv/requirements.txt
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    echo "compare.sh: Python's venv module is missing; install it (Debian: apt-get install python3-venv)" >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
    echo "compare.sh: creating $venv (python-igraph, Kùzu)" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    # One package at a time, so that a peer without a wheel for this machine is only left out.
    while read -r requirement; do
        [ -n "$requirement" ] || continue
        "$venv/bin/pip" install -q --disable-pip-version-check "$requirement" ||
            echo "compare.sh: $requirement did not install; that engine is left out" >&2
    done <"$requirements"
    cp "$requirements" "$stamp"
fi
engines=()
"$venv/bin/python" -c 'import kuzu' 2>/dev/null && engines+=(kuzu)
"$venv/bin/python" -c 'import igraph' 2>/dev/null && engines+=(igraph)

swift build -c release --product parley-bench >&2
bench="$(swift build -c release --show-bin-path)/parley-bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "compare.sh: Parley (load, then Q1-Q8), median of $runs" >&2
"$bench" load --runs "$runs" --tsv "$dir/graph.json" >"$work/load.tsv"
"$bench" queries --runs "$runs" --tsv "$dir" >"$work/queries.tsv"
engine_list=$(IFS=,; echo "${engines[*]:-}")
echo "compare.sh: peers: ${engine_list:-none (neither Kùzu nor igraph installed)}" >&2
"$venv/bin/python" scripts/bench/compare_peers.py --runs "$runs" --engines "$engine_list" \
    --parley-load "$work/load.tsv" --parley-queries "$work/queries.tsv" "$dir"
