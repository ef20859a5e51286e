"""NetworkX node-link JSON, both ways (docs/interchange.md, "NetworkX node-link JSON").

1. NetworkX reads Parley's node-link output of the bundled graph and of a generated graph
   (every value type, parallel relationships, self-loops): same node and edge counts, same
   attributes with their Python types, same degree sequence.
2. Parley reads what NetworkX writes (node_link_data with edges="edges" and with the older
   edges="links") and gets the same graph back; writing it again gives NetworkX the graph it
   started from (number ids included).
"""
import json
import os
import sys

import networkx as nx
from networkx.readwrite import json_graph

sys.path.insert(0, os.path.dirname(__file__))
from common import BUNDLED, expect, fail, load_parley_json, parley  # noqa: E402

binary, work = sys.argv[1], sys.argv[2]
TEMPORAL = ("$date", "$localtime", "$time", "$localdatetime", "$datetime", "$duration")


def generated(path):
    """A Parley JSON graph with every value type, escapes, parallel relationships, self-loops."""
    text = 'quote " backslash \\ newline\n tab\t <tag> & amp, non-ASCII é Ω 中, emoji 🎉'
    nodes = [
        {"id": "a", "labels": ["Person"], "properties": {
            "name": text, "age": 42, "score": 0.5, "big": 9007199254740993, "neg": -3, "ok": True, "no": False,
            "tags": ["x", "y \"z\""], "nums": [1, 2, 3], "floats": [1.5, -2.0], "flags": [True, False],
            "born": {"$date": "1970-01-02"}, "seen": {"$datetime": "2015-05-25T10:30+06:00"},
            "stay": {"$duration": "P1DT2H"}, "whole": 1.0}},
        {"id": "b", "labels": ["Person", "Envoy"], "properties": {"name": "B", "born": {"$date": "1980-12-31"}}},
        {"id": "c", "properties": {"name": "no labels", "empty": "", "list0": []}},
        {"id": "d 🎉", "labels": ["Talk"], "properties": {"labels": "a property called labels"}},
    ]
    edges = [
        {"source": "a", "target": "b", "type": "MET", "properties": {"when": {"$date": "2015-05-25"}, "weight": 2}},
        {"source": "a", "target": "b", "type": "MET", "properties": {"weight": 3, "note": text}},
        {"source": "a", "target": "b", "type": "CALLED"},
        {"source": "b", "target": "a", "type": "MET"},
        {"source": "c", "target": "c", "type": "SELF", "properties": {"source": "a property called source", "type": "t"}},
        {"source": "c", "target": "c", "type": "SELF"},
        {"source": "d 🎉", "target": "a", "type": "HOSTED", "id": "e1"},
    ]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"nodes": nodes, "edges": edges}, f, ensure_ascii=False)


def plain(value):
    """A Parley JSON property value as NetworkX should see it (temporal values as ISO text)."""
    if isinstance(value, dict):
        (kind, text), = value.items()
        expect(kind in TEMPORAL, f"unexpected object value {value}")
        return text
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def same(a, b):
    """Equal values with equal Python types (1 is not 1.0 nor True)."""
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def check_networkx_reads(source, name):
    out = os.path.join(work, name + ".nl.json")
    parley(binary, "convert", source, out, "--to", "node-link")
    with open(out, encoding="utf-8") as f:
        data = json.load(f)
    G = json_graph.node_link_graph(data)
    doc = load_parley_json(source)
    expect(isinstance(G, nx.MultiDiGraph), f"{name}: NetworkX built a {type(G).__name__}, expected a MultiDiGraph")
    expect(G.number_of_nodes() == len(doc["nodes"]), f"{name}: {G.number_of_nodes()} nodes, expected {len(doc['nodes'])}")
    expect(G.number_of_edges() == len(doc["edges"]), f"{name}: {G.number_of_edges()} edges, expected {len(doc['edges'])}")
    renamed = data["graph"].get("parley", {}).get("renamed", {})
    back = {v: k for k, v in renamed.get("edges", {}).items()}
    node_back = {v: k for k, v in renamed.get("nodes", {}).items()}
    for node in doc["nodes"]:
        attrs = dict(G.nodes[node["id"]])
        labels = attrs.pop("labels", [])
        expect(labels == node.get("labels", []), f"{name}: node {node['id']!r} labels {labels}, expected {node.get('labels', [])}")
        want = {node_back.get(k, k): plain(v) for k, v in node.get("properties", {}).items()}
        expect(set(attrs) == set(want), f"{name}: node {node['id']!r} attributes {sorted(attrs)}, expected {sorted(want)}")
        for k, v in want.items():
            expect(same(attrs[k], v), f"{name}: node {node['id']!r} {k} = {attrs[k]!r} ({type(attrs[k]).__name__}), expected {v!r}")
    # Edges: as multisets of (source, target, attributes), since keys number parallel edges.
    def canon(u, v, attrs):
        return (u, v, json.dumps(attrs, sort_keys=True, ensure_ascii=False))
    got = sorted(canon(u, v, {k: a for k, a in d.items()}) for u, v, d in G.edges(data=True))
    want = []
    for e in doc["edges"]:
        attrs = {back.get(k, k): plain(v) for k, v in e.get("properties", {}).items()}
        if "id" in e:
            attrs["id"] = e["id"]
        attrs["type"] = e["type"]
        want.append(canon(e["source"], e["target"], attrs))
    want.sort()
    expect(got == want, f"{name}: edges differ:\n  got  {got[:3]}\n  want {want[:3]}")
    # Types survive the JSON text: compare typed, attribute by attribute.
    for (u, v, d) in G.edges(data=True):
        for k, a in d.items():
            expect(not isinstance(a, dict), f"{name}: edge {u}->{v} {k} is a dict")
    degrees = sorted((G.in_degree(n), G.out_degree(n)) for n in G)
    ins = {n["id"]: 0 for n in doc["nodes"]}
    outs = dict(ins)
    for e in doc["edges"]:
        outs[e["source"]] += 1
        ins[e["target"]] += 1
    expect(degrees == sorted((ins[n], outs[n]) for n in ins), f"{name}: degree sequence differs")
    print(f"nodelink: NetworkX reads Parley's {name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", file=sys.stderr)


def networkx_graph():
    """A NetworkX multigraph with number and string ids, typed attributes, parallel edges and self-loops."""
    G = nx.MultiDiGraph()
    G.add_node(1, name="one", weight=1.5, ok=True, tags=["a", "b"], labels=["Person"])
    G.add_node(2, name="two \"quoted\" <&> é 🎉", count=7)
    G.add_node("x", name="string id", nums=[1, 2])
    G.add_node(-5, note="negative id")
    G.add_edge(1, 2, type="MET", weight=0.25)
    G.add_edge(1, 2, type="MET", weight=0.75)
    G.add_edge(1, 2)
    G.add_edge(2, 2, type="SELF")
    G.add_edge("x", 1, type="KNOWS", since=2015, label="x→1")
    G.add_edge(-5, "x")
    return G


def check_parley_reads():
    G = networkx_graph()
    for edges in ("edges", "links"):
        src = os.path.join(work, f"nx-{edges}.json")
        with open(src, "w", encoding="utf-8") as f:
            json.dump(json_graph.node_link_data(G, edges=edges), f, ensure_ascii=False)
        # Parley's own JSON: the graph, node for node and property for property.
        out = os.path.join(work, f"nx-{edges}.parley.json")
        parley(binary, "convert", src, out, "--from", "node-link")
        doc = load_parley_json(out)
        nodes = {n["id"]: n for n in doc["nodes"]}
        expect(set(nodes) == {str(n) for n in G}, f"{edges}: node ids {sorted(nodes)}")
        for n, attrs in G.nodes(data=True):
            node = nodes[str(n)]
            props = dict(node.get("properties", {}))
            if not isinstance(n, str):
                expect(same(props.pop("nx_id"), n), f"{edges}: node {n} keeps its number id in nx_id")
            want = {k: v for k, v in attrs.items() if k != "labels"}
            expect(props == want and all(same(props[k], want[k]) for k in want), f"{edges}: node {n} properties {props}, expected {want}")
            expect(node.get("labels", []) == attrs.get("labels", []), f"{edges}: node {n} labels")
        got = sorted((e["source"], e["target"], e["type"], json.dumps(e.get("properties", {}), sort_keys=True)) for e in doc["edges"])
        want = sorted((str(u), str(v), d.get("type", "RELATED"), json.dumps({k: a for k, a in d.items() if k != "type"}, sort_keys=True))
                      for u, v, d in G.edges(data=True))
        expect(got == want, f"{edges}: relationships differ:\n  got  {got}\n  want {want}")
        # And back to NetworkX: the graph it started from (ids with their types, keys 0, 1, ...).
        again = os.path.join(work, f"nx-{edges}.again.json")
        parley(binary, "convert", src, again, "--from", "node-link", "--to", "node-link")
        with open(again, encoding="utf-8") as f:
            H = json_graph.node_link_graph(json.load(f))
        for n, d in H.nodes(data=True):
            d.pop("labels", None) if not G.nodes[n].get("labels") else None
        for u, v, k, d in H.edges(keys=True, data=True):
            if "type" not in G.edges[u, v, k]:
                expect(d.pop("type") == "RELATED", "the default type")
        expect(nx.utils.graphs_equal(G, H), f"{edges}: NetworkX → Parley → NetworkX changed the graph:\n  {list(H.nodes(data=True))}\n  {list(H.edges(keys=True, data=True))}")
        print(f"nodelink: Parley reads NetworkX's node-link (edges={edges!r}) and gives it back unchanged", file=sys.stderr)


gen = os.path.join(work, "generated.json")
generated(gen)
check_networkx_reads(BUNDLED, "bundled")
check_networkx_reads(gen, "generated")
check_parley_reads()
# Parley → node-link → Parley is lossless (temporal values included).
for name, source in (("bundled", BUNDLED), ("generated", gen)):
    nl = os.path.join(work, name + ".nl.json")
    back, orig = os.path.join(work, name + ".back.json"), os.path.join(work, name + ".orig.json")
    parley(binary, "convert", nl, back, "--from", "node-link")
    parley(binary, "convert", source, orig)
    with open(back, encoding="utf-8") as a, open(orig, encoding="utf-8") as b:
        if a.read() != b.read():
            fail(f"{name}: Parley → node-link → Parley differs from the original ({back} vs {orig})")
print("nodelink: Parley → node-link → Parley is lossless", file=sys.stderr)
