#!/usr/bin/env python3
"""Writes a copy of a `parley-bench generate` graph with about 1% of it changed, for timing `parley diff`.

Usage: diff_change.py IN.json OUT.json [--seed S]

Deterministic for a given input and seed. Of the nodes, 0.25% are removed (with their
relationships), 0.25% added (each with a few relationships) and 0.5% changed (a property
edited, or a label added); of the relationships, 0.25% removed, 0.25% added (some parallel
to existing ones) and 0.5% changed (a weight edited, or turned from float to int). Prints
the counts it changed.
"""
import argparse
import json
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.source, encoding="utf-8") as f:
        graph = json.load(f)
    nodes, edges = graph["nodes"], graph["edges"]
    n_nodes, n_edges = len(nodes), len(edges)

    removed_ids = set(n["id"] for n in rng.sample(nodes, n_nodes // 400))
    nodes = [n for n in nodes if n["id"] not in removed_ids]
    before = len(edges)
    edges = [e for e in edges if e["source"] not in removed_ids and e["target"] not in removed_ids]
    dropped_with_nodes = before - len(edges)

    for n in rng.sample(nodes, n_nodes // 200):
        props = n.setdefault("properties", {})
        if rng.random() < 0.7:
            props["name"] = props.get("name", n["id"]) + " (renamed)"
        else:
            n["labels"] = n.get("labels", []) + ["Reviewed"]

    removed_edges = set(rng.sample(range(len(edges)), n_edges // 400))
    edges = [e for i, e in enumerate(edges) if i not in removed_edges]
    for e in rng.sample(edges, n_edges // 200):
        props = e.setdefault("properties", {})
        w = props.get("weight")
        if isinstance(w, float) and rng.random() < 0.5:
            props["weight"] = round(w * 100)  # float -> int: a change of type
        else:
            props["weight"] = round(rng.random(), 3)

    talks = [n["id"] for n in nodes if "Talk" in n.get("labels", [])]
    people = [n["id"] for n in nodes if "Person" in n.get("labels", [])]
    new_nodes = []
    for i in range(n_nodes // 400):
        pid = "p-new-%d" % i
        new_nodes.append({"id": pid, "labels": ["Person"], "properties": {"name": "Newcomer %d" % i}})
        edges.append({"source": pid, "target": rng.choice(talks), "type": "ATTENDED", "properties": {"weight": 0.5}})
    nodes += new_nodes
    for _ in range(n_edges // 400 - len(new_nodes)):
        if rng.random() < 0.2:
            e = dict(rng.choice(edges))  # a parallel copy of an existing relationship
            edges.append(e)
        else:
            edges.append({"source": rng.choice(people), "target": rng.choice(talks), "type": "DECLINED"})

    with open(args.target, "w", encoding="utf-8") as f:
        f.write('{"nodes":[\n')
        f.write(",\n".join(json.dumps(n, ensure_ascii=False) for n in nodes))
        f.write('\n],\n"edges":[\n')
        f.write(",\n".join(json.dumps(e, ensure_ascii=False) for e in edges))
        f.write("\n]}\n")
    print("nodes: %d removed, %d added, %d changed; relationships: %d removed with their nodes, %d removed, "
          "%d added, %d changed" % (len(removed_ids), len(new_nodes), n_nodes // 200, dropped_with_nodes,
                                    n_edges // 400, n_edges // 400, n_edges // 200))


if __name__ == "__main__":
    main()
