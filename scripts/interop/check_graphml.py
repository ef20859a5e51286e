"""GraphML with real consumers: NetworkX and igraph read Parley's GraphML (the bundled graph and a
generated graph with every value type, parallel edges and self-loops) and see the same nodes,
edges, attributes (types included) and degrees; Parley reads what NetworkX writes and gets the
same graph back. Run by scripts/interop/interop.sh as `check_graphml.py PARLEY WORKDIR`."""
import contextlib
import html
import io
import json
import os
import sys

import igraph as ig
import networkx as nx

sys.path.insert(0, os.path.dirname(__file__))
from common import BUNDLED, expect, parley  # noqa: E402
from xmlcommon import check_degrees, edge_multiset, generated, is_temporal, parley_view, same  # noqa: E402


def expected_attribute(v):
    """What a Parley value is in GraphML as NetworkX reads it."""
    if is_temporal(v):
        return next(iter(v.values()))
    return v


def check_value(got, want, what):
    # A name holding integers and floats has one float key (parley.type="number"); a name holding
    # other mixtures one string key whose values are JSON text (parley.type="mixed").
    if isinstance(want, int) and not isinstance(want, bool) and isinstance(got, float):
        expect(got == float(want), f"{what}: {got!r}, expected {want!r} as a float")
        return
    if isinstance(got, str) and not isinstance(want, (str, list)) and not is_temporal(want):
        expect(same(json.loads(got), want), f"{what}: JSON text {got!r}, expected {want!r}")
        return
    if isinstance(want, list):
        expect(isinstance(got, str), f"{what}: a list is JSON text, got {got!r}")
        expect(json.loads(got) == want, f"{what}: JSON text {got!r} holds {want!r}")
    else:
        expect(same(got, expected_attribute(want)), f"{what}: {got!r} ({type(got).__name__}), expected {expected_attribute(want)!r}")


def matches(got, want):
    """check_value as a yes/no answer."""
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            check_value(got, want, "")
            return True
        except SystemExit:
            return False


def networkx_reads(binary, source, work, name):
    nodes, edges = parley_view(binary, source, work, name)
    path = os.path.join(work, name + ".graphml")
    parley(binary, "convert", source, path)
    G = nx.read_graphml(path, force_multigraph=True)
    expect(G.is_directed() and G.is_multigraph(), f"{name}: a directed multigraph")
    expect(G.number_of_nodes() == len(nodes), f"{name}: {G.number_of_nodes()} nodes, expected {len(nodes)}")
    expect(G.number_of_edges() == len(edges), f"{name}: {G.number_of_edges()} edges, expected {len(edges)}")
    for n, (labels, props) in nodes.items():
        data = dict(G.nodes[n])
        want = {k: v for k, v in props.items() if not (k == "id" and v == n)}
        if labels:
            want["labels"] = "".join(":" + x for x in labels)
        expect(set(data) == set(want), f"{name}: node {n!r} attributes {sorted(data)}, expected {sorted(want)}")
        for k, v in want.items():
            check_value(data[k], v, f"{name}: node {n!r} attribute {k!r}")
    remaining = list(edges)
    for s, t, d in G.edges(data=True):
        d = dict(d)
        ty = d.pop("label")
        match = None
        for e in remaining:
            if e[0] == s and e[1] == t and e[2] == ty and set(e[3]) == set(d) and all(matches(d[k], v) for k, v in e[3].items()):
                match = e
                break
        expect(match is not None, f"{name}: NetworkX edge {s}->{t} {ty} {d} has no match in Parley's graph")
        remaining.remove(match)
    check_degrees(G, nodes, edges, name)
    return path, nodes, edges


def igraph_reads(path, nodes, edges, name):
    g = ig.Graph.Read_GraphML(path)
    expect(g.vcount() == len(nodes) and g.ecount() == len(edges), f"igraph {name}: {g.vcount()} nodes, {g.ecount()} edges")
    # igraph 1.0 leaves character references in GraphML node ids undecoded ("c &#38; d" for the
    # id "c & d" written as "c &amp; d"), an igraph quirk: NetworkX and libxml2 decode them.
    ids = [html.unescape(x) for x in g.vs["id"]]
    expect(sorted(ids) == sorted(nodes), f"igraph {name}: node ids")
    out_deg = dict(zip(ids, g.outdegree()))
    in_deg = dict(zip(ids, g.indegree()))
    for n in nodes:
        want = (sum(1 for e in edges if e[0] == n), sum(1 for e in edges if e[1] == n))
        expect((out_deg[n], in_deg[n]) == want, f"igraph {name}: degree of {n!r}")
    for v in g.vs:
        vid = html.unescape(v["id"])
        labels, props = nodes[vid]
        for k, want in props.items():
            if k == "id" or isinstance(want, list) or is_temporal(want) or k not in g.vs.attributes():
                continue
            got = v[k]
            if isinstance(want, bool):
                expect(got == want, f"igraph {name}: {vid!r}.{k} = {got!r}, expected {want!r}")
            elif isinstance(want, (int, float)):
                expect(float(got) == float(want) or abs(float(got) - float(want)) <= 1e-9 * abs(float(want)), f"igraph {name}: {vid!r}.{k} = {got!r}, expected {want!r}")
            else:
                expect(got == want, f"igraph {name}: {vid!r}.{k} = {got!r}, expected {want!r}")


def parley_reads_networkx(binary, work):
    G = nx.MultiDiGraph()
    G.add_node("kz", labels=":State", name="Kazakhstan", population=18000000, area=2724900.0, host=True)
    G.add_node("ru", labels=":State:Party", name="Россия 🕊️ <&>", population=146000000)
    G.add_node("plain")
    G.add_edge("kz", "ru", label="ALLY_OF", since=1992, strength=0.75)
    G.add_edge("kz", "ru", label="ALLY_OF", note="a second, parallel edge")
    G.add_edge("ru", "ru", label="SELF", flag=False)
    G.add_edge("plain", "kz")
    path = os.path.join(work, "networkx.graphml")
    nx.write_graphml(G, path)
    nodes, edges = parley_view(binary, path, work, "from-networkx-graphml")
    want_nodes = {}
    for n, d in G.nodes(data=True):
        d = dict(d)
        labels = [x for x in d.pop("labels", "").split(":") if x]
        want_nodes[n] = (labels, d)
    expect(set(nodes) == set(want_nodes), f"from NetworkX: node ids {sorted(nodes)}")
    for n, (labels, props) in want_nodes.items():
        expect(nodes[n][0] == labels, f"from NetworkX: labels of {n!r}: {nodes[n][0]}, expected {labels}")
        expect(set(nodes[n][1]) == set(props) and all(same(nodes[n][1][k], v) for k, v in props.items()),
               f"from NetworkX: properties of {n!r}: {nodes[n][1]}, expected {props}")
    want_edges = [(s, t, d.get("label", "RELATED"), {k: v for k, v in d.items() if k != "label"}) for s, t, d in G.edges(data=True)]
    expect(edge_multiset(edges) == edge_multiset(want_edges), f"from NetworkX: edges {edge_multiset(edges)}\nexpected {edge_multiset(want_edges)}")
    for s, t, ty, p in edges:
        for k, v in p.items():
            match = [d[k] for a, b, d in G.edges(data=True) if a == s and b == t and k in d]
            expect(any(same(v, m) for m in match), f"from NetworkX: edge {s}->{t} {k}={v!r} keeps its type")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    gen = os.path.join(work, "generated.json")
    generated(gen)
    for source, name in ((BUNDLED, "bundled"), (gen, "generated")):
        path, nodes, edges = networkx_reads(binary, source, work, name)
        igraph_reads(path, nodes, edges, name)
    parley_reads_networkx(binary, work)
    print("graphml: NetworkX and igraph read Parley's GraphML; Parley reads NetworkX's")


if __name__ == "__main__":
    main()
