#!/usr/bin/env python3
"""Times the load and the anchor queries Q1-Q8 in Kùzu and python-igraph on a `parley-bench
generate` folder and prints them next to Parley's figures (the --tsv output of `parley-bench
load` and `parley-bench queries`), with the ratio peer / Parley (> 1: Parley is faster) and
every engine's answers side by side. scripts/bench/compare.sh runs it; see docs/benchmarks.md.

usage: compare_peers.py [--runs N] [--warmup N] [--engines kuzu,igraph] [--kuzu-q8]
                        [--parley-load FILE] [--parley-queries FILE] DIR

Kùzu: an in-memory database loaded with the folder's kuzu_schema.cypher and kuzu_copy.cypher
(the load time is both scripts), then Q1-Q7 in Kùzu's Cypher; Q8 runs out of memory on M and is
skipped unless --kuzu-q8 is given. igraph: graph.json into a directed igraph Graph with an
id -> index map (the load time includes json.load), then Q6, Q7 and Q8, the three that are graph
computations rather than property queries.
"""
import argparse
import heapq
import json
import os
import statistics
import sys
import time

SUMMARIES = {
    "Q1": "point lookup",
    "Q2": "1-hop (hub)",
    "Q3": "2-hop count distinct",
    "Q4": "filter+group top10",
    "Q5": "HOSTED/ATTENDED agg",
    "Q6": "shortest path",
    "Q7": "degree top10",
    "Q8": "triangles",
}

# Kùzu's forms of Sources/parley-bench/QueryBenchmark.swift (the same text except Q6, which uses
# Kùzu's recursive-relationship syntax) and the params.json key each parameter takes.
KUZU_QUERIES = {
    "Q1": ("MATCH (p:Person {id: $x}) RETURN p.name", {"x": "lookup_person"}),
    "Q2": ("MATCH (p:Person {id: $x})-[:ATTENDED]->(t:Talk) RETURN t.name", {"x": "hub_person"}),
    "Q3": ("MATCH (a:Person {id: $x})-[:ATTENDED]->(t:Talk)<-[:ATTENDED]-(b:Person) RETURN count(DISTINCT b)",
           {"x": "hub_person"}),
    "Q4": ("MATCH (t:Talk) WHERE t.date >= $d RETURN t.city, count(*) AS c ORDER BY c DESC, t.city LIMIT 10",
           {"d": "date_from"}),
    "Q5": ("MATCH (s:State)-[:HOSTED]->(t:Talk)<-[:ATTENDED]-(p:Person) "
           "RETURN s.name, count(*) AS c ORDER BY c DESC, s.name LIMIT 10", {}),
    "Q6": ("MATCH (a:Person {id: $src})-[e* SHORTEST 1..10]-(b:Talk {id: $dst}) RETURN length(e)",
           {"src": "path_src", "dst": "path_dst"}),
    "Q7": ("MATCH (n)-[r]-() RETURN n.id, count(r) AS d ORDER BY d DESC, n.id LIMIT 10", {}),
    "Q8": ("MATCH (a)-[]-(b)-[]-(c)-[]-(a) WHERE a.id < b.id AND b.id < c.id "
           "WITH DISTINCT a.id AS x, b.id AS y, c.id AS z RETURN count(*)", {}),
}

NOTES = {
    ("kuzu", "Q3"): "Kùzu lets b be a itself (no relationship uniqueness): Parley's count + 1",
    ("kuzu", "Q8"): "skipped: runs out of memory in Kùzu on M (--kuzu-q8 tries it)",
}


def fmt(s):
    if s is None:
        return "—"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.3f} s"


def literal(v):
    """A value written as Parley's cypherLiteral writes it (strings quoted, numbers bare)."""
    if isinstance(v, str):
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(v, float) and v == int(v) and abs(v) < 2**53:
        return str(int(v))
    return str(v)


def tabulate(rows):
    """The answer as `parley-bench queries --tsv` writes it: one value, `N rows` or every row."""
    if len(rows) == 1 and len(rows[0]) == 1:
        return literal(rows[0][0])
    if len(rows) > 10:
        return f"{len(rows)} rows"
    return f"{len(rows)} rows: " + "; ".join("[" + ", ".join(literal(v) for v in r) + "]" for r in rows)


def timed(fn, runs, warmup):
    """Median, min, max of `runs` timed calls after `warmup` calls, and the first call's answer.
    A first call over 20 s is the only one, as in parley-bench."""
    times, answer = [], None
    for r in range(warmup + runs):
        t = time.perf_counter()
        a = fn()
        e = time.perf_counter() - t
        if r == 0:
            answer = a
        if r >= warmup:
            times.append(e)
        if r == 0 and e > 20:
            times = [e]
            break
    return statistics.median(times), min(times), max(times), answer


def read_tsv(path):
    """Rows of a parley-bench --tsv file by their first column, header skipped."""
    out = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) >= 4:
            out[cols[0]] = cols
    return out


def statements(path):
    with open(path, encoding="utf-8") as f:
        return [s.strip() for s in f.read().split(";") if s.strip()]


def kuzu_engine(folder, params, runs, warmup, with_q8):
    import kuzu

    schema = statements(os.path.join(folder, "kuzu_schema.cypher"))
    copies = statements(os.path.join(folder, "kuzu_copy.cypher"))

    def load():
        db = kuzu.Database(":memory:")
        conn = kuzu.Connection(db)
        for s in schema:
            conn.execute(s)
        cwd = os.getcwd()
        os.chdir(folder)  # kuzu_copy.cypher names its CSV files relative to the folder
        try:
            for s in copies:
                conn.execute(s)
        finally:
            os.chdir(cwd)
        return db, conn

    times = []
    db = conn = None
    for _ in range(runs):
        conn = db = None  # the previous database is released before the next load
        t = time.perf_counter()
        db, conn = load()
        times.append(time.perf_counter() - t)
    counts = conn.execute("MATCH (n) RETURN count(n)").get_next()[0], \
        conn.execute("MATCH ()-[r]->() RETURN count(r)").get_next()[0]
    results = {"load": (statistics.median(times), min(times), max(times), f"{counts[0]} nodes, {counts[1]} relationships")}
    print(f"# kuzu {kuzu.__version__}: load {fmt(results['load'][0])}", file=sys.stderr, flush=True)
    for name, (text, keys) in KUZU_QUERIES.items():
        if name == "Q8" and not with_q8:
            continue
        args = {p: params[k] for p, k in keys.items()}

        def run(text=text, args=args):
            result = conn.execute(text, parameters=args)
            rows = []
            while result.has_next():
                rows.append(result.get_next())
            return tabulate(rows)

        try:
            results[name] = timed(run, runs, warmup)
        except Exception as e:  # Kùzu reports a failed query (out of memory, say) as an exception
            results[name] = (None, None, None, f"failed: {str(e).splitlines()[0][:80]}")
        print(f"# kuzu {name}: {fmt(results[name][0])}", file=sys.stderr, flush=True)
    return results


def igraph_engine(folder, params, runs, warmup):
    import igraph as ig

    def load():
        with open(os.path.join(folder, "graph.json"), encoding="utf-8") as f:
            data = json.load(f)
        ids = [n["id"] for n in data["nodes"]]
        index = {k: i for i, k in enumerate(ids)}
        edges = [(index[e["source"]], index[e["target"]]) for e in data["edges"]]
        g = ig.Graph(n=len(ids), edges=edges, directed=True)
        g.vs["id"] = ids
        return g, ids, index

    times = []
    g = ids = index = None
    for _ in range(runs):
        g = ids = index = None
        t = time.perf_counter()
        g, ids, index = load()
        times.append(time.perf_counter() - t)
    results = {"load": (statistics.median(times), min(times), max(times), f"{g.vcount()} nodes, {g.ecount()} relationships")}
    print(f"# igraph {ig.__version__}: load {fmt(results['load'][0])}", file=sys.stderr, flush=True)
    src, dst = index[params["path_src"]], index[params["path_dst"]]
    # The simple undirected graph for triangles, built once before timing (as in algorithms_peers.py).
    simple = g.as_undirected(mode="collapse")
    simple.simplify()

    def shortest():
        # get_shortest_path stops its breadth-first search at the target (distances() does not).
        path = g.get_shortest_path(src, dst, mode="all")
        return literal(len(path) - 1) if 0 < len(path) <= 11 else "null"

    def degree_top10():
        deg = g.degree(mode="all")
        top = heapq.nsmallest(10, range(len(deg)), key=lambda i: (-deg[i], ids[i]))
        return tabulate([[ids[i], deg[i]] for i in top])

    for name, fn in (("Q6", shortest), ("Q7", degree_top10), ("Q8", lambda: literal(len(simple.list_triangles())))):
        results[name] = timed(fn, runs, warmup)
        print(f"# igraph {name}: {fmt(results[name][0])}", file=sys.stderr, flush=True)
    return results


def ratio(peer, parley):
    if peer is None or parley is None or parley <= 0:
        return "—"
    r = peer / parley
    return f"{r:.2f}" if r < 10 else f"{r:.0f}" if r >= 100 else f"{r:.1f}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--engines", default="kuzu,igraph")
    p.add_argument("--kuzu-q8", action="store_true")
    p.add_argument("--parley-load")
    p.add_argument("--parley-queries")
    p.add_argument("dir")
    a = p.parse_args()
    with open(os.path.join(a.dir, "params.json"), encoding="utf-8") as f:
        params = json.load(f)

    parley = {}
    if a.parley_queries:
        for name, cols in read_tsv(a.parley_queries).items():
            parley[name] = (float(cols[1]), float(cols[2]), float(cols[3]), cols[4] if len(cols) > 4 else "")
    if a.parley_load:
        for cols in read_tsv(a.parley_load).values():
            parley["load"] = (float(cols[1]), float(cols[2]), float(cols[3]), f"{cols[5]} nodes, {cols[6]} relationships")

    engines, missing = {}, []
    for engine in filter(None, a.engines.split(",")):
        try:
            if engine == "kuzu":
                engines["Kùzu"] = kuzu_engine(a.dir, params, a.runs, a.warmup, a.kuzu_q8)
            elif engine == "igraph":
                engines["igraph"] = igraph_engine(a.dir, params, a.runs, a.warmup)
            else:
                sys.exit(f"compare_peers.py: unknown engine {engine}")
        except ImportError as e:
            missing.append(f"{engine} not installed ({e})")
    keys = {"Kùzu": "kuzu", "igraph": "igraph"}

    print(f"Median of {a.runs} runs (queries after {a.warmup} warm-up; loads without); "
          "ratio = peer / Parley, > 1: Parley is faster.")
    print()
    header = "| case | Parley |" + "".join(f" {e} | {e} / Parley |" for e in engines)
    print(header)
    print("|---|---|" + "---|---|" * len(engines))
    cases = ["load"] + list(SUMMARIES)
    for case in cases:
        label = "load" if case == "load" else f"{case} {SUMMARIES[case]}"
        mine = parley.get(case, (None,))[0]
        cells = [label, fmt(mine)]
        for e, res in engines.items():
            if case in res:
                cells += [fmt(res[case][0]), ratio(res[case][0], mine)]
            elif (keys[e], case) in NOTES:
                cells += ["skipped", "—"]
            else:
                cells += ["—", "—"]
        print("| " + " | ".join(cells) + " |")
    print()
    print("Answers (\"same\": equal to Parley's):")
    print()
    print("| case | Parley |" + "".join(f" {e} |" for e in engines))
    print("|---|---|" + "---|" * len(engines))
    for case in cases:
        mine = parley.get(case, (None, None, None, "—"))[3]
        cells = [case, mine]
        for e, res in engines.items():
            if case not in res:
                cells.append(NOTES.get((keys[e], case), "—"))
                continue
            theirs = res[case][3]
            cell = "same" if theirs == mine else theirs
            if (keys[e], case) in NOTES and theirs != mine:
                cell += f" ({NOTES[(keys[e], case)]})"
            cells.append(cell)
        print("| " + " | ".join(cells) + " |")
    for m in missing:
        print(f"\n{m}")


if __name__ == "__main__":
    sys.exit(main())
