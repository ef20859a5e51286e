#!/usr/bin/env bash
# Draws the gallery in docs/gallery/ from the bundled graph, with the real parley binary and
# Graphviz's dot (see docs/dot.md):
#   docs/gallery/astana-2015.svg     the whole bundled graph
#   docs/gallery/syria-talks-ego.svg everything within 2 hops of the Astana Syria talks
#   docs/gallery/astana-camps.svg    its camps: Louvain communities (seed 42) colour the nodes
#   docs/gallery/astana-brokers.svg  its brokers: betweenness centrality sizes the nodes
#   docs/gallery/astana-timeline.svg its dated elements in time order (:render timeline)
# Usage: scripts/gallery.sh PATH/TO/parley [GRAPH.json]   (make gallery does this for you)
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: scripts/gallery.sh PATH/TO/parley [GRAPH.json]" >&2
    exit 2
fi
parley=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
graph=${2:-graphs/astana-2015.json}

if [ ! -x "$parley" ]; then
    echo "gallery: $parley is not an executable; build it first (swift build -c release --product parley)" >&2
    exit 1
fi
if ! command -v dot >/dev/null 2>&1; then
    echo "gallery: Graphviz's dot was not found; install it with apt-get install graphviz (macOS: brew install graphviz)" >&2
    exit 1
fi

mkdir -p docs/gallery
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# render NAME: docs/gallery/NAME.svg from $work/NAME.dot, written atomically (temp file, rename).
render() {
    dot -Tsvg "$work/$1.dot" -o "docs/gallery/.$1.svg.tmp"
    mv -f "docs/gallery/.$1.svg.tmp" "docs/gallery/$1.svg"
    echo "gallery: wrote docs/gallery/$1.svg ($(grep -c '<title>n[0-9]*</title>' "docs/gallery/$1.svg") nodes)"
}

# The whole graph.
"$parley" "$graph" --no-rc --export dot -o "$work/astana-2015.dot"
render astana-2015

# The ego network of the Astana talks on Syria: every path of up to 2 hops from the talk.
"$parley" "$graph" --no-rc --format dot \
    -c "MATCH p = (t {id: 'astana-talks-2015'})-[*1..2]-(x) RETURN p;" > "$work/syria-talks-ego.dot"
render syria-talks-ego

# The camps: every node with its Louvain community (seed 42), which colours it; --induced
# draws the relationships among them.
"$parley" "$graph" --no-rc --format dot --induced \
    -c "CALL algo.louvain({seed: 42}) YIELD node, communityId RETURN node, communityId;" > "$work/astana-camps.dot"
render astana-camps

# The brokers: every node with its betweenness centrality, which sizes it (area ∝ score).
"$parley" "$graph" --no-rc --format dot --induced \
    -c "CALL algo.betweenness() YIELD node, score RETURN node, score;" > "$work/astana-brokers.dot"
render astana-brokers

# The timeline: every dated node and relationship, time flowing left to right.
"$parley" "$graph" --no-rc -c ":render timeline $work/astana-timeline.svg" >/dev/null
mv -f "$work/astana-timeline.svg" docs/gallery/astana-timeline.svg
echo "gallery: wrote docs/gallery/astana-timeline.svg ($(grep -c 'class="node"' docs/gallery/astana-timeline.svg) boxes)"
