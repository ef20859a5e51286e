"""GEXF with a real consumer: NetworkX reads Parley's GEXF 1.3 (the bundled graph, which is
dynamic, and a generated graph with every value type, parallel edges and self-loops) and sees the
same nodes, edges, attributes (types included) and degrees; Parley reads what NetworkX writes and
gets the same graph back. Run by scripts/interop/interop.sh as `check_gexf.py PARLEY WORKDIR`."""
import contextlib
import io
import json
import os
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(__file__))
from common import BUNDLED, expect, parley  # noqa: E402
from xmlcommon import check_degrees, edge_multiset, generated, is_temporal, parley_view, same  # noqa: E402


def uniform(items):
    kinds = {bool if isinstance(x, bool) else type(x) for x in items}
    return items and len(kinds) == 1 and next(iter(kinds)) in (str, int, float, bool)


def list_text(items):
    """GEXF list text as Parley writes it: [a, "b, c", 1]."""
    def item(x):
        if isinstance(x, bool):
            return "true" if x else "false"
        if isinstance(x, str):
            if x == "" or any(c in x for c in ',[]"\'\\') or x != x.strip():
                return '"' + x.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return x
        return repr(x)
    return "[" + ", ".join(item(x) for x in items) + "]"


def check_value(got, want, what):
    # A name holding integers and floats has one float key (parley.type="number"); a name holding
    # other mixtures one string key whose values are JSON text (parley.type="mixed").
    if isinstance(want, int) and not isinstance(want, bool) and isinstance(got, float):
        expect(got == float(want), f"{what}: {got!r}, expected {want!r} as a float")
        return
    if isinstance(got, str) and not isinstance(want, (str, list)) and not is_temporal(want):
        expect(same(json.loads(got), want), f"{what}: JSON text {got!r}, expected {want!r}")
        return
    if isinstance(want, list) and uniform(want):
        expect(got == list_text(want), f"{what}: {got!r}, expected {list_text(want)!r}")
    elif isinstance(want, list):
        expect(isinstance(got, str) and json.loads(got) == want, f"{what}: JSON text {got!r} holds {want!r}")
    elif is_temporal(want):
        expect(got == next(iter(want.values())), f"{what}: {got!r}, expected ISO text of {want!r}")
    else:
        expect(same(got, want), f"{what}: {got!r} ({type(got).__name__}), expected {want!r}")


def networkx_reads(binary, source, work, name):
    nodes, edges = parley_view(binary, source, work, name)
    path = os.path.join(work, name + ".gexf")
    parley(binary, "convert", source, path)
    G = nx.read_gexf(path, version="1.3")
    expect(G.is_directed(), f"{name}: directed")
    expect(G.number_of_nodes() == len(nodes), f"{name}: {G.number_of_nodes()} nodes, expected {len(nodes)}")
    expect(G.number_of_edges() == len(edges), f"{name}: {G.number_of_edges()} edges, expected {len(edges)}")
    dynamic = 'mode="dynamic"' in open(path, encoding="utf-8").read(4000)
    for n, (labels, props) in nodes.items():
        data = dict(G.nodes[n])
        label = data.pop("label")
        want_label = props["name"] if isinstance(props.get("name"), str) else n
        expect(label == want_label, f"{name}: node {n!r} label {label!r}, expected {want_label!r}")
        if dynamic:
            data.pop("start", None)
            data.pop("end", None)
        want = {k: v for k, v in props.items() if not (k == "id" and v == n)}
        if labels:
            want["labels"] = "".join(":" + x for x in labels)
        expect(set(data) == set(want), f"{name}: node {n!r} attributes {sorted(data)}, expected {sorted(want)}")
        for k, v in want.items():
            check_value(data[k], v, f"{name}: node {n!r} attribute {k!r}")
    got = []
    for s, t, d in G.edges(data=True):
        d = dict(d)
        if dynamic:
            d.pop("start", None)
            d.pop("end", None)
        got.append((s, t, d.pop("label"), d))
    remaining = list(edges)
    for s, t, ty, d in got:
        match = None
        for e in remaining:
            if e[0] == s and e[1] == t and e[2] == ty and set(e[3]) == set(d):
                with contextlib.redirect_stderr(io.StringIO()):
                    try:
                        for k, v in e[3].items():
                            check_value(d[k], v, "edge")
                        match = e
                    except SystemExit:
                        pass
                if match:
                    break
        expect(match is not None, f"{name}: NetworkX edge {s}->{t} {ty} {d} has no match in Parley's graph")
        remaining.remove(match)
    check_degrees(G, nodes, edges, name)


def parley_reads_networkx(binary, work):
    G = nx.MultiDiGraph()
    G.add_node("kz", labels=":State", name="Kazakhstan", population=18000000, area=2724900.0, host=True)
    G.add_node("ru", labels=":State:Party", name="Россия 🕊️ <&>", population=146000000)
    G.add_node("plain")
    G.add_edge("kz", "ru", label="ALLY_OF", since=1992, strength=0.75)
    G.add_edge("kz", "ru", label="ALLY_OF", note="a second, parallel edge")
    G.add_edge("ru", "ru", label="SELF", flag=False)
    G.add_edge("plain", "kz", weight=2.5)
    path = os.path.join(work, "networkx.gexf")
    nx.write_gexf(G, path)
    nodes, edges = parley_view(binary, path, work, "from-networkx-gexf")
    for n, d in G.nodes(data=True):
        d = dict(d)
        labels = [x for x in d.pop("labels", "").split(":") if x]
        expect(nodes[n][0] == labels, f"from NetworkX: labels of {n!r}: {nodes[n][0]}, expected {labels}")
        expect(set(nodes[n][1]) == set(d) and all(same(nodes[n][1][k], v) for k, v in d.items()),
               f"from NetworkX: properties of {n!r}: {nodes[n][1]}, expected {d}")
    want = [(s, t, d.get("label", "RELATED"), {k: v for k, v in d.items() if k != "label"}) for s, t, d in G.edges(data=True)]
    expect(edge_multiset(edges) == edge_multiset(want), f"from NetworkX: edges {edge_multiset(edges)}\nexpected {edge_multiset(want)}")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    gen = os.path.join(work, "generated.json")
    generated(gen)
    for source, name in ((BUNDLED, "bundled"), (gen, "generated")):
        networkx_reads(binary, source, work, name)
    parley_reads_networkx(binary, work)
    print("gexf: NetworkX reads Parley's GEXF 1.3; Parley reads NetworkX's")


if __name__ == "__main__":
    main()
