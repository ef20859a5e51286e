"""Shared parts of check_graphml.py and check_gexf.py: a generated graph with every value type,
Parley's view of a graph (through `parley convert X out.json`), and what NetworkX should see."""
import json
import math
import os

from common import expect, parley

TYPED = ("$date", "$localtime", "$time", "$localdatetime", "$datetime", "$duration")


def generated(path):
    """Writes a Parley JSON graph with every value type, parallel edges and self-loops.
    (No subnormal float: igraph 1.0 refuses to read 5e-324; the Swift tests cover it.)"""
    doc = {
        "nodes": [
            {"id": "a", "labels": ["State", "Talk"], "properties": {
                "name": "Astana <&> \"q\" 'single'", "text": "line one\nline two\ttab", "unicode": "Казахстан 🕊️ 𝄞",
                "count": 9007199254740993, "negative": -5, "ratio": 0.1, "whole": 3.0, "huge": 1.7976931348623157e308,
                "flag": True, "off": False, "day": {"$date": "2015-05-25"}, "at": {"$localdatetime": "2015-05-25T10:00"},
                "span": {"$duration": "P1Y2M"}, "words": ["x", "y, z", ""], "ints": [1, -2, 3], "floats": [0.5, 1.0],
                "flags": [True, False], "mixed": [1, "one", 1.5]}},
            {"id": "b", "labels": ["Person"], "properties": {"name": "Bob", "count": 2}},
            {"id": "c & d"},
        ],
        "edges": [
            {"source": "a", "target": "b", "type": "MET", "properties": {"weight": 0.25, "since": {"$date": "2015-05-01"}}},
            {"source": "a", "target": "b", "type": "MET", "properties": {"weight": 2, "note": "<second>"}},
            {"source": "a", "target": "a", "type": "SELF"},
            {"source": "c & d", "target": "c & d", "type": "SELF", "properties": {"tags": ["x", "y"]}},
            {"source": "b", "target": "c & d", "type": "ПУТЬ"},
        ],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


def parley_view(binary, source, work, name):
    """The graph at `source` as Parley sees it: (nodes {id: (labels, props)}, edges [(s, t, type, props)]).
    Temporal values are {"$kind": text} dicts (declared keys are turned into that form too)."""
    out = os.path.join(work, name + ".json")
    parley(binary, "convert", source, out)
    with open(out, encoding="utf-8") as f:
        doc = json.load(f)
    declared = doc.get("propertyTypes", {})

    def value(key, v):
        if key in declared and isinstance(v, str):
            return {"$" + declared[key]: v}
        if key in declared and isinstance(v, list):
            return [{"$" + declared[key]: x} if isinstance(x, str) else x for x in v]
        return v

    nodes = {}
    for n in doc["nodes"]:
        props = {k: value(k, v) for k, v in n.get("properties", {}).items()}
        nodes[n["id"]] = (n.get("labels", []), props)
    edges = []
    for e in doc["edges"]:
        props = {k: value(k, v) for k, v in e.get("properties", {}).items()}
        if "id" in e:
            props["id"] = e["id"]
        edges.append((e["source"], e["target"], e["type"], props))
    return nodes, edges


def is_temporal(v):
    return isinstance(v, dict) and len(v) == 1 and next(iter(v)) in TYPED


def same(a, b):
    """Equal values, types included (True is not 1, 1 is not 1.0), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def degrees(edges):
    """{id: (out, in)} of an edge list of (source, target, ...)."""
    d = {}
    for e in edges:
        s, t = e[0], e[1]
        d.setdefault(s, [0, 0])[0] += 1
        d.setdefault(t, [0, 0])[1] += 1
    return {k: tuple(v) for k, v in d.items()}


def check_degrees(G, nodes, edges, what):
    expected = degrees(edges)
    for n in nodes:
        got = (G.out_degree(n), G.in_degree(n))
        expect(got == expected.get(n, (0, 0)), f"{what}: degree of {n!r} is {got}, expected {expected.get(n, (0, 0))}")


def edge_multiset(edges):
    """Edges as sorted (source, target, type, sorted props as JSON) for comparison."""
    return sorted((s, t, ty, json.dumps(p, sort_keys=True, ensure_ascii=False)) for s, t, ty, p in edges)
