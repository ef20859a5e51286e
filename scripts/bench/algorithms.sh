#!/usr/bin/env bash
# Times Parley's algo.* procedures and the same algorithms in python-igraph and NetworkX on one
# benchmark graph, one after the other in one run (see docs/benchmarks.md):
#   scripts/bench/algorithms.sh DIR [RUNS]      DIR: a `parley-bench generate` folder (graph.json)
# The peers run in a virtual environment (.venv-bench, made here from PyPI if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:?usage: scripts/bench/algorithms.sh DIR [RUNS]}
runs=${2:-5}
[ -f "$dir/graph.json" ] || { echo "algorithms.sh: $dir/graph.json not found (make it with parley-bench generate, see docs/benchmarks.md)" >&2; exit 1; }
if [ ! -x .venv-bench/bin/python ]; then
    echo "algorithms.sh: creating .venv-bench (python-igraph, NetworkX)" >&2
    python3 -m venv .venv-bench
fi
# (a no-op when the pinned versions are there; brings the folder up to date when they change)
.venv-bench/bin/pip install -q -r scripts/bench/requirements.txt
swift build -c release --product parley-bench >&2
"$(swift build -c release --show-bin-path)/parley-bench" algorithms --runs "$runs" "$dir"
.venv-bench/bin/python scripts/bench/algorithms_peers.py --runs "$runs" "$dir"
