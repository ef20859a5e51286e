"""Kùzu runs Parley's Kùzu export and answers the benchmark queries as Parley does.

Generates a benchmark graph with ../shared/bench/gen_graph.py (found through PARLEY_SHARED,
default ROOT/../shared; skipped LOUDLY when missing), exports it with `parley convert G DIR --to
kuzu`, runs schema.cypher and load.cypher in an in-memory Kùzu database, and compares Kùzu's
answers to Q1–Q5 of bench_anchors.py (its exact Cypher and parameters) with Parley's answers to
the openCypher forms of parley-bench on the original JSON. The size is PARLEY_KUZU_SIZE: S (10k
nodes, 50k edges; the default, for CI) or M (100k nodes, 1M edges).

Q3: Kùzu lets `b` be `a` itself (walk semantics), openCypher's relationship uniqueness does not
(and the generated data has no parallel ATTENDED edges), so Kùzu's Q3 is Parley's + 1; the check
also runs Q3 with `WHERE b <> a` in Kùzu and requires it to equal Parley's exactly.
"""
import datetime
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import ROOT, expect, fail, parley  # noqa: E402

import kuzu  # noqa: E402

SIZES = {"S": (10_000, 50_000), "M": (100_000, 1_000_000)}

# Parley's openCypher forms (Sources/parley-bench/QueryBenchmark.swift) and the parameter each takes.
PARLEY_Q = {
    "Q1": ("MATCH (p:Person {id: $x}) RETURN p.name", {"x": "lookup_person"}),
    "Q2": ("MATCH (p:Person {id: $x})-[:ATTENDED]->(t:Talk) RETURN t.name", {"x": "hub_person"}),
    "Q3": ("MATCH (a:Person {id: $x})-[:ATTENDED]->(t:Talk)<-[:ATTENDED]-(b:Person) RETURN count(DISTINCT b)", {"x": "hub_person"}),
    "Q4": ("MATCH (t:Talk) WHERE t.date >= $d RETURN t.city, count(*) AS c ORDER BY c DESC, t.city LIMIT 10", {"d": "date_from"}),
    "Q5": ("MATCH (s:State)-[:HOSTED]->(t:Talk)<-[:ATTENDED]-(p:Person) RETURN s.name, count(*) AS c ORDER BY c DESC, s.name LIMIT 10", {}),
}
Q3_NO_SELF = ("MATCH (a:Person {id: $x})-[:ATTENDED]->(t:Talk)<-[:ATTENDED]-(b:Person) "
              "WHERE b <> a RETURN count(DISTINCT b)")


def cypher_literal(v):
    return "'" + str(v).replace("\\", "\\\\").replace("'", "\\'") + "'"


def parley_answer(binary, graph, qid, params):
    text, names = PARLEY_Q[qid]
    for name, key in names.items():
        text = text.replace("$" + name, cypher_literal(params[key]))
    rows = json.loads(parley(binary, graph, "--format", "json", "-c", text))
    values = [list(r.values()) for r in rows]
    if qid in ("Q1", "Q2"):
        return sorted(v[0] for v in values)
    if qid == "Q3":
        return values[0][0]
    return values


def statements(path):
    with open(path, encoding="utf-8") as f:
        return [s.strip() for s in f.read().split(";\n") if s.strip()]


def load_export(conn, out):
    """Runs schema.cypher, then load.cypher from inside the export folder; returns the seconds."""
    t0 = time.perf_counter()
    for s in statements(os.path.join(out, "schema.cypher")):
        conn.execute(s)
    cwd = os.getcwd()
    os.chdir(out)  # load.cypher names its CSV files relative to the export folder
    try:
        for s in statements(os.path.join(out, "load.cypher")):
            conn.execute(s)
    finally:
        os.chdir(cwd)
    return time.perf_counter() - t0


def every_type(binary, work):
    """Kùzu loads the export of a graph with every value type and awkward text, values intact."""
    from check_csv import every_type_graph
    source = every_type_graph(os.path.join(work, "every-type.json"))
    out = os.path.join(work, "every-type-kuzu")
    parley(binary, "convert", source, out, "--to", "kuzu")
    conn = kuzu.Connection(kuzu.Database(":memory:"))
    load_export(conn, out)
    r = conn.execute("MATCH (n:Person {id: 'a'}) RETURN n.name, n.note, n.age, n.born, n.seen, n.nums, n.ws, n.flags, "
                     "n.tags, n.emoji, n._labels, n.big")
    row = r.get_next()
    expected = ['Ann "the" Analyst, PhD', "line one\nline two\r\nline three", 41, datetime.date(1984, 2, 29),
                datetime.datetime(2015, 5, 25, 10, 30), [1, 2, 3], [0.5, 2.0], [True, False], '["a","b,c","d\\"e"]',
                "🕊️ peace — Астана", ["Person"], 9223372036854775807]
    expect(row == expected, f"every-type node a in Kùzu:\n{row}\nexpected\n{expected}")
    r = conn.execute("MATCH (n:Person {id: 'b'}) RETURN n._labels")
    expect(r.get_next() == [["Person", "Envoy"]], "node b's _labels")
    r = conn.execute("MATCH (a)-[r:KNOWS]->(b) RETURN count(*), sum(CASE WHEN a.id = b.id THEN 1 ELSE 0 END)")
    expect(r.get_next() == [4, 1], "KNOWS relationships (parallel and self-loop)")
    print("check_kuzu: every-type graph loads in Kùzu with its values (text, lists, DATE, TIMESTAMP, _labels)")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    every_type(binary, work)
    shared = os.environ.get("PARLEY_SHARED", os.path.join(ROOT, "..", "shared"))
    generator = os.path.join(shared, "bench", "gen_graph.py")
    anchors_dir = os.path.join(shared, "bench")
    if not os.path.isfile(generator):
        print("=" * 72, file=sys.stderr)
        print(f"SKIPPED check_kuzu: no benchmark generator at {generator}", file=sys.stderr)
        print("Set PARLEY_SHARED to the folder holding bench/gen_graph.py to run this check.", file=sys.stderr)
        print("=" * 72, file=sys.stderr)
        sys.exit(0)
    sys.path.insert(0, anchors_dir)
    import bench_anchors  # the Kùzu queries, word for word

    size = os.environ.get("PARLEY_KUZU_SIZE", "S")
    nodes, edges = SIZES[size]
    data = os.path.join(work, size)
    subprocess.run([sys.executable, generator, "--nodes", str(nodes), "--edges", str(edges), "--seed", "42", "--out", data],
                   check=True, capture_output=True)
    graph = os.path.join(data, "graph.json")
    with open(os.path.join(data, "params.json")) as f:
        params = json.load(f)

    out = os.path.join(work, "kuzu-export")
    t0 = time.perf_counter()
    parley(binary, "convert", graph, out, "--to", "kuzu")
    export_s = time.perf_counter() - t0

    db = kuzu.Database(":memory:")
    conn = kuzu.Connection(db)
    load_s = load_export(conn, out)

    def rows(q, p=None):
        r = conn.execute(q, p or {})
        result = []
        while r.has_next():
            result.append(r.get_next())
        return result

    expect(rows("MATCH (n) RETURN count(n)")[0][0] == nodes, "Kùzu node count differs")
    expect(rows("MATCH ()-[r]->() RETURN count(r)")[0][0] == edges, "Kùzu relationship count differs")

    engine = bench_anchors.KuzuEngine.__new__(bench_anchors.KuzuEngine)
    engine.conn, engine.p, engine.timeout, engine.kuzu = conn, params, 600, kuzu
    for qid in ["Q1", "Q2", "Q3", "Q4", "Q5"]:
        mine = parley_answer(binary, graph, qid, params)
        theirs = engine.query(qid)
        if qid == "Q3":
            expect(theirs == mine + 1, f"Q3: Kùzu {theirs}, Parley {mine} (expected Kùzu = Parley + 1: Kùzu counts a itself)")
            strict = rows(Q3_NO_SELF, {"x": params["hub_person"]})[0][0]
            expect(strict == mine, f"Q3 with b <> a: Kùzu {strict}, Parley {mine}")
        else:
            expect(theirs == mine, f"{qid}: Kùzu answered {theirs!r}, Parley {mine!r}")
        print(f"check_kuzu: {qid} agrees ({json.dumps(mine)[:60]})")
    print(f"check_kuzu: {size} ({nodes} nodes, {edges} relationships): export {export_s:.2f} s, "
          f"Kùzu schema + load {load_s:.2f} s; Q1–Q5 agree")


if __name__ == "__main__":
    main()
