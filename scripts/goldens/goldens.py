#!/usr/bin/env python3
"""Golden answers from NetworkX for every algo.* procedure of Parley (see README.md here).

Writes, under Tests/ParleyAlgorithmsTests/:
  Graphs/generated-2k.json   a deterministic graph (~2,000 nodes, ~10,000 relationships) with
                             parallel relationships, self-loops, labels, two relationship types
                             and a numeric `weight` on every relationship;
  Graphs/<edge case>.json    empty, one-node, disconnected, self-loop-only;
  Golden/<graph>.json        for each graph (and graphs/astana-2015.json), the calls to make and
                             NetworkX's answers, node values aligned with the file's `nodes`
                             (the JSON node ids, in file order; null where a call yields no row).
The fields of a golden file are described in README.md here.

Run it through scripts/goldens/goldens.sh (`make goldens`), which makes the virtual environment.
"""
import json
import os
import random
import sys

import networkx as nx

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TESTS = os.path.join("Tests", "ParleyAlgorithmsTests")

# PageRank runs to this tolerance on both sides, so the answers agree to 1e-8.
PAGERANK = {"tolerance": 1e-10, "maxIterations": 1000}
# The statement that gives the bundled graph's relationships a `weight`.
ASTANA_WEIGHTS = "MATCH ()-[r]->() SET r.weight = size(r.evidence)"
# Shortest paths are written out when there are at most this many (else only their number).
MAX_LISTED_PATHS = 60


# ---------------------------------------------------------------------------------------------
# Graphs


def generated_graph(seed=2015):
    """About 2,000 nodes in 19 camps of 100 plus pendant trees, small parts, isolated and
    self-loop-only nodes; about 10,000 relationships of two types, some parallel, some
    self-loops, each with a `weight` (integers and decimals, a few zero)."""
    rng = random.Random(seed)
    n = 2000
    ids = [f"v{i:04d}" for i in range(n)]
    nodes = []
    for i, node_id in enumerate(ids):
        r = rng.random()
        if r < 0.04:
            labels = []
        elif r < 0.55:
            labels = ["Person"]
        elif r < 0.80:
            labels = ["Org"]
        elif r < 0.92:
            labels = ["Place"]
        else:
            labels = ["Person", "Org"]
        node = {"id": node_id}
        if labels:
            node["labels"] = labels
        nodes.append(node)

    def weight():
        r = rng.random()
        if r < 0.01:
            return 0
        if r < 0.5:
            return rng.randint(1, 9)
        return round(rng.uniform(0.1, 10.0), 3)

    def edge(u, v):
        kind = "KNOWS" if rng.random() < 0.7 else "FUNDS"
        return {"source": ids[u], "target": ids[v], "type": kind, "properties": {"weight": weight()}}

    edges = []
    core = list(range(1900))
    rng.shuffle(core)
    camps = [core[k * 100:(k + 1) * 100] for k in range(19)]
    camp_of = {u: k for k, camp in enumerate(camps) for u in camp}
    # The camps: most relationships inside one, some across.
    while len(edges) < 9400:
        u = rng.randrange(1900)
        if rng.random() < 0.85:
            v = rng.choice(camps[camp_of[u]])
        else:
            v = rng.randrange(1900)
        if u != v:
            edges.append(edge(u, v))
    # Pendant trees hanging off the camps (bridges, cut points).
    for u in range(1900, 1970):
        parent = rng.randrange(u)
        edges.append(edge(u, parent) if rng.random() < 0.5 else edge(parent, u))
    # Small separate parts: a path, a directed cycle, a star, a pair joined twice.
    edges += [edge(1970, 1971), edge(1971, 1972), edge(1972, 1973)]
    edges += [edge(1974, 1975), edge(1975, 1976), edge(1976, 1974)]
    edges += [edge(1977, k) for k in range(1978, 1983)]
    edges += [edge(1983, 1984), edge(1984, 1983), edge(1985, 1986), edge(1985, 1986)]
    edges += [edge(1987, 1988), edge(1988, 1989), edge(1989, 1987), edge(1987, 1989)]
    # 1990–1996 isolated; 1997–1999 carry only self-loops (1999 two of them).
    edges += [edge(1997, 1997), edge(1998, 1998), edge(1999, 1999), edge(1999, 1999)]
    # Parallel relationships: copies of existing ones, some reversed.
    for _ in range(400):
        e = rng.choice(edges[:9400])
        u, v = int(e["source"][1:]), int(e["target"][1:])
        edges.append(edge(u, v) if rng.random() < 0.7 else edge(v, u))
    # Self-loops on camp nodes (a few twice).
    for _ in range(40):
        u = rng.randrange(1900)
        edges.append(edge(u, u))
        if rng.random() < 0.15:
            edges.append(edge(u, u))
    rng.shuffle(edges)
    return {"meta": {"generator": "scripts/goldens/goldens.py", "seed": seed}, "nodes": nodes, "edges": edges}


def edge_cases():
    """Small graphs at the edges: no nodes, one node, parts apart, a node with only a self-loop."""
    def rel(s, t, w, kind="LINK"):
        return {"source": s, "target": t, "type": kind, "properties": {"weight": w}}

    return {
        "empty": {"nodes": [], "edges": []},
        "one-node": {"nodes": [{"id": "solo", "labels": ["Thing"]}], "edges": []},
        "disconnected": {
            "nodes": [{"id": x, "labels": ["Thing"] if x < "f" else ["Other"]} for x in "abcdefghijkl"],
            "edges": [
                # a triangle with a parallel relationship and a chord to a pendant node
                rel("a", "b", 1), rel("b", "c", 2.5), rel("c", "a", 1), rel("a", "b", 4), rel("c", "d", 0.5, "OTHER"),
                # a path: every relationship a bridge, the middle nodes cut points
                rel("e", "f", 1), rel("f", "g", 2), rel("g", "h", 3),
                # a pair joined both ways (no bridge), a node with a self-loop only
                rel("i", "j", 1), rel("j", "i", 2), rel("k", "k", 1.5),
            ],  # l is isolated
        },
        "self-loop-only": {"nodes": [{"id": "loop"}], "edges": [rel("loop", "loop", 2)]},
    }


def write_graph(doc, path):
    """Writes a graph file one node and one relationship a line (it diffs well)."""
    lines = ["{"]
    if "meta" in doc:
        lines.append(f'  "meta": {compact(doc["meta"])},')
    lines.append('  "nodes": [')
    lines.append(",\n".join("    " + compact(n, tight=True) for n in doc["nodes"]))
    lines.append("  ],")
    lines.append('  "edges": [')
    lines.append(",\n".join("    " + compact(e, tight=True) for e in doc["edges"]))
    lines.append("  ]")
    lines.append("}")
    write(path, "\n".join(line for line in lines if line != "") + "\n")


def compact(value, tight=False):
    """One JSON value on one line (`tight`: without spaces)."""
    return json.dumps(value, separators=(",", ":") if tight else (", ", ": "), ensure_ascii=False, allow_nan=False)


def write(path, text):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------------------------
# The graph as NetworkX sees it


class Graph:
    """A Parley JSON graph as NetworkX graphs: the multigraph and the simple graphs derived."""

    def __init__(self, doc, labels=None, types=None):
        self.ids = [n["id"] for n in doc.get("nodes", [])]
        node_labels = {n["id"]: set(n.get("labels", [])) for n in doc.get("nodes", [])}
        self.kept = [i for i in self.ids if labels is None or node_labels[i] & set(labels)]
        kept = set(self.kept)
        self.G = nx.MultiDiGraph()
        self.G.add_nodes_from(self.kept)
        for k, e in enumerate(doc.get("edges", [])):
            if e["source"] in kept and e["target"] in kept and (types is None or e["type"] in types):
                w = e.get("properties", {}).get("weight")
                attrs = {"weight": w} if isinstance(w, (int, float)) and not isinstance(w, bool) else {}
                self.G.add_edge(e["source"], e["target"], key=k, **attrs)

    @property
    def has_weights(self):
        return self.G.number_of_edges() > 0 and all("weight" in d for _, _, d in self.G.edges(data=True))

    def multi(self, direction="both"):
        """The multigraph followed in `direction` (undirected for 'both': `to_undirected`, which
        keeps a→b and b→a as two relationships; `nx.MultiGraph(G)` would keep one)."""
        if direction == "both":
            return self.G.to_undirected()
        return self.G if direction == "out" else self.G.reverse(copy=True)

    def simple(self, direction="both"):
        """`nx.Graph(G)` (or `nx.DiGraph(G)`) without self-loops, followed in `direction`."""
        H = nx.Graph(self.G) if direction == "both" else nx.DiGraph(self.G)
        H.remove_edges_from(list(nx.selfloop_edges(H)))
        return H.reverse(copy=True) if direction == "in" else H


def cypher(value):
    """A Python value as a Cypher literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, list):
        return "[" + ", ".join(cypher(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {cypher(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def call(procedure, options, *nodes):
    args = list(nodes) + ([cypher(options)] if options else [])
    return f"algo.{procedure}({', '.join(args)})"


# ---------------------------------------------------------------------------------------------
# The cases


class Cases:
    """The cases of one graph file."""

    def __init__(self, doc, big):
        self.doc = doc
        self.big = big  # the generated graph: fewer float-valued variants, to keep files small
        self.whole = Graph(doc)
        self.ids = self.whole.ids
        self.position = {x: k for k, x in enumerate(self.ids)}
        self.cases = []

    def aligned(self, values):
        """Values keyed by node id as a list in file order (None where there is none)."""
        return [values.get(i) for i in self.ids]

    def add(self, name, procedure, options, kind, **fields):
        case = {"name": name, "procedure": procedure, "kind": kind}
        nodes = [fields.pop(k) for k in ("source", "target") if k in fields and fields[k] is not None]
        case["call"] = call(procedure, options, *(["s", "t"][: len(nodes)]))
        for role, node in zip(["source", "target"], nodes):
            case[role] = node
        case.update(fields)
        self.cases.append(case)

    def values(self, name, procedure, options, column, values):
        self.add(name, procedure, options, "values", column=column, values=self.aligned(values))

    def partition(self, name, procedure, options, column, parts):
        label = {}
        for k, part in enumerate(sorted(parts, key=lambda p: min(self.position[x] for x in p))):
            for x in part:
                label[x] = k
        self.add(name, procedure, options, "partition", column=column, values=self.aligned(label))

    def selections(self):
        """A label selection and a type selection that exist in this graph."""
        labels = sorted({l for n in self.doc.get("nodes", []) for l in n.get("labels", [])})
        types = sorted({e["type"] for e in self.doc.get("edges", [])})
        return labels[:2], types[:1]

    def build(self):
        g = self.whole
        weighted = g.has_weights
        labels, types = self.selections()

        # degree: G.degree() of the multigraph; out/in_degree.
        for d in ["both", "out", "in"]:
            opts = {} if d == "both" else {"direction": d}
            view = {"both": g.G.degree, "out": g.G.out_degree, "in": g.G.in_degree}[d]
            self.values(f"degree {d}", "degree", opts, "degree", dict(view()))
            if weighted:
                self.values(f"degree {d} weighted", "degree", {**opts, "weightProperty": "weight"}, "degree",
                            dict(view(weight="weight")))
        if labels:
            sub = Graph(self.doc, labels=labels)
            self.values(f"degree of {'/'.join(labels)} nodes", "degree", {"nodeLabels": labels}, "degree", dict(sub.G.degree()))

        # pageRank: nx.pagerank on the multigraph, both run to tolerance 1e-10.
        def pagerank(G, alpha=0.85, weight=None):
            return nx.pagerank(G, alpha=alpha, max_iter=PAGERANK["maxIterations"], tol=PAGERANK["tolerance"], weight=weight)

        self.values("pageRank", "pageRank", PAGERANK, "score", pagerank(g.G))
        self.values("pageRank damping 0.6", "pageRank", {"dampingFactor": 0.6, **PAGERANK}, "score", pagerank(g.G, alpha=0.6))
        if weighted:
            self.values("pageRank weighted", "pageRank", {**PAGERANK, "weightProperty": "weight"}, "score",
                        pagerank(g.G, weight="weight"))
        if types and not self.big:
            sub = Graph(self.doc, types=types)
            self.values(f"pageRank on {types[0]}", "pageRank", {**PAGERANK, "relationshipTypes": types}, "score", pagerank(sub.G))

        # betweenness: the simple graph (undirected for 'both', the DiGraph for 'out', reversed for 'in').
        variants = [("both", True), ("out", True), ("both", False)] if self.big else \
                   [("both", True), ("out", True), ("in", True), ("both", False), ("out", False)]
        for d, normalized in variants:
            opts = {} if d == "both" else {"direction": d}
            if not normalized:
                opts["normalized"] = False
            name = f"betweenness {d}" + ("" if normalized else " not normalized")
            self.values(name, "betweenness", opts, "score",
                        nx.betweenness_centrality(g.simple(d), normalized=normalized))
        if labels and not self.big:
            sub = Graph(self.doc, labels=labels)
            self.values(f"betweenness of {'/'.join(labels)} nodes", "betweenness", {"nodeLabels": labels}, "score",
                        nx.betweenness_centrality(sub.simple()))

        # closeness and harmonic: NetworkX measures distances *to* a node in a DiGraph, so
        # 'in' is the DiGraph and 'out' the reversed one.
        def nx_view(d):
            return g.simple("both") if d == "both" else g.simple("out" if d == "in" else "in")

        variants = [("both", True), ("in", True), ("both", False)] if self.big else \
                   [("both", True), ("out", True), ("in", True), ("both", False), ("in", False)]
        for d, improved in variants:
            opts = {} if d == "both" else {"direction": d}
            if not improved:
                opts["wfImproved"] = False
            name = f"closeness {d}" + ("" if improved else " wfImproved false")
            self.values(name, "closeness", opts, "score", nx.closeness_centrality(nx_view(d), wf_improved=improved))
        for d in (["both", "out"] if self.big else ["both", "out", "in"]):
            opts = {} if d == "both" else {"direction": d}
            self.values(f"harmonic {d}", "harmonic", opts, "score", nx.harmonic_centrality(nx_view(d)))

        # Components.
        self.partition("wcc", "wcc", {}, "componentId", nx.weakly_connected_components(g.G))
        if types:
            sub = Graph(self.doc, types=types)
            self.partition(f"wcc on {types[0]}", "wcc", {"relationshipTypes": types}, "componentId",
                           nx.weakly_connected_components(sub.G))
        self.partition("scc", "scc", {}, "componentId", nx.strongly_connected_components(g.G))

        # Louvain: modularity at least NetworkX's Louvain's − 0.01, on the undirected multigraph.
        louvain = [("louvain", {}, None, 1.0, 0), ("louvain seed 42 resolution 0.5", {"seed": 42, "resolution": 0.5}, None, 0.5, 42)]
        if weighted:
            louvain.append(("louvain weighted", {"weightProperty": "weight", "seed": 7}, "weight", 1.0, 7))
        for name, opts, weight, resolution, seed in louvain:
            U = nx.MultiGraph()
            U.add_nodes_from(g.G.nodes)
            for u, v, d in g.G.edges(data=True):
                U.add_edge(u, v, w=d["weight"] if weight else 1)
            parts = nx.community.louvain_communities(U, weight="w", resolution=resolution, seed=seed)
            q = nx.community.modularity(U, parts, weight="w", resolution=resolution) if U.size(weight="w") > 0 else None
            label = {x: k for k, p in enumerate(parts) for x in p}
            self.add(name, "louvain", opts, "louvain", column="communityId", weightProperty=weight,
                     resolution=resolution, modularity=q, partition=self.aligned(label))

        # Label propagation: a partition of the nodes, the same one for the same seed.
        self.add("labelPropagation seed 7", "labelPropagation", {"seed": 7}, "labelPropagation", column="communityId")
        self.add("labelPropagation 3 iterations", "labelPropagation", {"maxIterations": 3, "seed": 1}, "labelPropagation",
                 column="communityId")

        # Triangles, clustering, cores on the simple graph.
        s = g.simple()
        self.values("triangleCount", "triangleCount", {}, "triangles", nx.triangles(s))
        self.values("clustering", "clustering", {}, "coefficient", nx.clustering(s))
        self.values("kcore", "kcore", {}, "coreNumber", nx.core_number(s))

        # Cut points and bridges of the undirected multigraph.
        U = g.multi("both")
        self.add("articulationPoints", "articulationPoints", {}, "nodes",
                 members=sorted(nx.articulation_points(U), key=self.position.get))
        self.add("bridges", "bridges", {}, "bridges",
                 pairs=sorted((sorted([u, v], key=self.position.get) for u, v in nx.bridges(U)),
                                 key=lambda p: (self.position[p[0]], self.position[p[1]])))

        self.paths()
        return self.cases

    def pairs(self):
        """Sources and (source, target) pairs to run the path procedures from."""
        if not self.ids:
            return [], []
        rng = random.Random(len(self.ids))
        U = nx.Graph(self.whole.G)
        biggest = max(nx.connected_components(U), key=len)
        inside = [i for i in self.ids if i in biggest]
        outside = [i for i in self.ids if i not in biggest]
        sources = rng.sample(inside, min(3, len(inside)))
        pairs = [tuple(rng.sample(inside, 2)) for _ in range(6 if len(inside) > 2 else 0)]
        if outside:
            pairs.append((inside[0], outside[-1]))  # no path
        pairs.append((inside[0], inside[0]))  # source = target
        return sources, pairs

    def paths(self):
        g = self.whole
        sources, pairs = self.pairs()
        for k, s in enumerate(sources):
            for d, depth in [("both", None), ("out", 2), ("in", None)]:
                if k > 0 and d != "both":
                    continue
                opts = {} if d == "both" else {"direction": d}
                if depth is not None:
                    opts["maxDepth"] = depth
                name = f"bfs from {s} {d}" + (f" maxDepth {depth}" if depth is not None else "")
                self.add(name, "bfs", opts, "values", source=s, column="depth",
                         values=self.aligned(nx.single_source_shortest_path_length(g.multi(d), s, cutoff=depth)))

        for k, (s, t) in enumerate(pairs):
            for d in ["both", "out", "in"]:
                if k % 3 != 0 and d != "both":
                    continue
                H = g.multi(d)
                try:
                    found = [list(p) for p in nx.all_shortest_paths(H, s, t)]
                except nx.NetworkXNoPath:
                    found = []
                opts = {} if d == "both" else {"direction": d}
                self.shortest(f"shortestPaths {s} to {t} {d}", opts, s, t, found)
                if k == 0 and d == "both" and found and len(found[0]) > 2:
                    limit = len(found[0]) - 2  # one hop too short: no path
                    self.shortest(f"shortestPaths {s} to {t} maxLength {limit}", {"maxLength": limit}, s, t, [])
                    self.shortest(f"shortestPaths {s} to {t} maxLength {limit + 1}", {"maxLength": limit + 1}, s, t, found)
                if g.has_weights:
                    try:
                        cost = nx.dijkstra_path_length(H, s, t, weight="weight")
                    except nx.NetworkXNoPath:
                        cost = None
                    self.add(f"dijkstra {s} to {t} {d}", "dijkstra", {"weightProperty": "weight", **opts}, "dijkstra",
                             source=s, target=t, cost=cost)

    def shortest(self, name, opts, s, t, found):
        fields = {"count": len(found), "length": len(found[0]) - 1 if found else None}
        if len(found) <= MAX_LISTED_PATHS:
            fields["paths"] = sorted(found)
        self.add(name, "shortestPaths", opts, "shortestPaths", source=s, target=t, **fields)


# ---------------------------------------------------------------------------------------------
# Output


def golden(graph_path, doc, big=False, prepare=None):
    """Writes the golden file of the graph `doc` (read from `graph_path`); `prepare`, when
    given, is a Cypher statement the tests run on the loaded graph first (already applied to
    `doc`)."""
    cases = Cases(doc, big).build()
    lines = ["{"]
    lines.append(f'  "graph": {compact(graph_path)},')
    if prepare:
        lines.append(f'  "prepare": {compact(prepare)},')
    lines.append(f'  "networkx": {compact(nx.__version__)},')
    lines.append(f'  "nodes": {compact([n["id"] for n in doc.get("nodes", [])])},')
    lines.append('  "cases": [')
    lines.append(",\n".join("    " + compact(c) for c in cases))
    lines.append("  ]")
    lines.append("}")
    name = os.path.splitext(os.path.basename(graph_path))[0]
    path = os.path.join(TESTS, "Golden", name + ".json")
    write(path, "\n".join(lines) + "\n")
    return path, len(cases)


def main():
    # NetworkX adds up some answers (harmonic centrality) over sets of nodes, whose order
    # follows string hashing: fix the hash seed so that every run writes the same bytes.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    outputs = []
    with open(os.path.join(ROOT, "graphs", "astana-2015.json"), encoding="utf-8") as f:
        astana = json.load(f)
    # The bundled graph has no numeric property: weight each relationship by the length of its
    # `evidence` (Cypher's size() counts code points, as len() does).
    for e in astana["edges"]:
        e.setdefault("properties", {})["weight"] = len(e["properties"]["evidence"])
    outputs.append(golden("graphs/astana-2015.json", astana, prepare=ASTANA_WEIGHTS))
    generated = generated_graph()
    path = os.path.join(TESTS, "Graphs", "generated-2k.json")
    write_graph(generated, path)
    outputs.append(golden(path, generated, big=True))
    for name, doc in edge_cases().items():
        path = os.path.join(TESTS, "Graphs", name + ".json")
        write_graph(doc, path)
        outputs.append(golden(path, doc))
    for path, count in outputs:
        size = os.path.getsize(os.path.join(ROOT, path))
        print(f"{path}: {count} cases, {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
