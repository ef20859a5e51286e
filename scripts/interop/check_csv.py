"""Parley's CSV folders (neo4j-admin headers) read back as the original, and a hand-written one loads.

1. The bundled graph and a generated graph holding every value type (lists, temporal values,
   quotes, commas, line breaks, `;` in strings, emoji, parallel relationships
   and self-loops; NaN and infinities, which JSON cannot hold, are covered by CSVTests) go Parley JSON → CSV folder → Parley JSON; `parley diff` must find no
   difference (it compares values with their types).
2. Every written CSV file is parsed by Python's csv module (RFC 4180 quoting) and checked
   against its header: same number of fields in every row, header fields as neo4j-admin
   names them, import.sh naming every file.
3. A neo4j-admin-style folder written here by hand (what a spreadsheet export looks like: id
   spaces, :IGNORE, int/float/boolean/date columns, arrays, no :TYPE column) loads with the
   expected nodes, labels, properties and relationships.
"""
import csv
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import BUNDLED, expect, fail, parley  # noqa: E402

TYPES = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "long", "double", "boolean", "string", "date", "localtime",
         "time", "localdatetime", "datetime", "duration"}


def every_type_graph(path):
    """A graph with every value type, awkward text, parallel relationships and self-loops."""
    nodes = [
        {"id": "a", "labels": ["Person"], "properties": {
            "name": "Ann \"the\" Analyst, PhD", "note": "line one\nline two\r\nline three", "age": 41, "score": 1.5,
            "ok": True, "born": {"$date": "1984-02-29"}, "wake": {"$localtime": "07:30:15.5"},
            "meet": {"$time": "10:00+06:00"}, "seen": {"$localdatetime": "2015-05-25T10:30"},
            "at": {"$datetime": "2015-05-25T10:30+06:00[Asia/Almaty]"}, "took": {"$duration": "P1Y2M3DT4H5M6.5S"},
            "tags": ["a", "b,c", "d\"e"], "nums": [1, 2, 3], "ws": [0.5, 2.0], "flags": [True, False],
            "days": [{"$date": "2015-05-25"}, {"$date": "2015-05-26"}], "empty": [], "blank": "",
            "emoji": "🕊️ peace — Астана", "semi": "a;b", "big": 9223372036854775807, "tiny": 5e-324}},
        {"id": "b", "labels": ["Person", "Envoy"], "properties": {
            "name": "Bo", "age": 7, "score": 2.0}},
        {"id": "c", "labels": ["Person", "Envoy"], "properties": {
            "score": 3.5, "neg": -0.0}},
        {"id": "d", "labels": [], "properties": {"w": 2.5}},
        {"id": "e,\"x\"", "labels": ["Odd Label/Name"], "properties": {}},
    ]
    edges = [
        {"source": "a", "target": "b", "type": "KNOWS", "properties": {"since": 2015, "w": 0.25}},
        {"source": "a", "target": "b", "type": "KNOWS", "properties": {"since": 2016}},
        {"source": "b", "target": "b", "type": "KNOWS", "properties": {"note": "self, loop"}},
        {"source": "c", "target": "e,\"x\"", "type": "ODD TYPE", "id": 7, "properties": {"at": {"$date": "2020-01-01"}}},
        {"source": "d", "target": "a", "type": "KNOWS", "properties": {}},
    ]
    text = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def lossy(binary, work):
    """Mixed-type columns become strings, with one note per column: the documented rule."""
    source = os.path.join(work, "lossy.json")
    with open(source, "w", encoding="utf-8") as f:
        json.dump({"nodes": [
            {"id": "a", "labels": ["T"], "properties": {"mixed": 1, "semi": ["x;y", "z"], "one": [""]}},
            {"id": "b", "labels": ["T"], "properties": {"mixed": 1.5, "semi": ["p"], "one": ["q"]}}]}, f)
    folder = os.path.join(work, "lossy-csv")
    p = subprocess.run([binary, "convert", source, folder], capture_output=True, text=True)
    expect(p.returncode == 0, f"convert failed: {p.stderr}")
    for column, count in (("mixed", 2), ("semi", 2), ("one", 2)):
        note = f"note: {count} values of mixed-type columns written as strings (nodes_T.csv: {column})"
        expect(note in p.stderr, f"missing {note!r} in:\n{p.stderr}")
    out = os.path.join(work, "lossy-back.json")
    parley(binary, "convert", folder, out)
    with open(out, encoding="utf-8") as f:
        props = {n["id"]: n["properties"] for n in json.load(f)["nodes"]}
    expect(props["a"] == {"mixed": "1", "semi": '["x;y","z"]', "one": '[""]'}, f"a: {props['a']}")
    expect(props["b"] == {"mixed": "1.5", "semi": '["p"]', "one": '["q"]'}, f"b: {props['b']}")
    print("check_csv: mixed-type columns are written as strings, with a note per column")


def check_folder(folder):
    """Parses every CSV with the csv module and checks headers and row widths; checks import.sh."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".csv"))
    expect(names, f"{folder}: no CSV files")
    with open(os.path.join(folder, "import.sh"), encoding="utf-8") as f:
        script = f.read()
    expect(os.access(os.path.join(folder, "import.sh"), os.X_OK), "import.sh is not executable")
    expect("\"$admin\" database import full" in script and "neo4j-admin" in script, "import.sh lacks the neo4j-admin command")
    for name in names:
        option = "--nodes" if name.startswith("nodes") else "--relationships"
        expect(f"{option}=\"$PWD\"/'{name}'" in script, f"import.sh does not list {name} as {option}")
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        header = rows[0]
        for field in header:
            if ":" in field:
                spec = field.rsplit(":", 1)[1].removesuffix("[]")
                expect(spec in TYPES, f"{name}: header field {field!r} has an unknown type")
        expect(header[:2] == ["id:ID", ":LABEL"] or header[:3] == [":START_ID", ":END_ID", ":TYPE"],
               f"{name}: header starts {header[:3]}")
        for i, row in enumerate(rows[1:], start=2):
            expect(len(row) == len(header), f"{name} row {i}: {len(row)} fields, header has {len(header)}")
    return names


def round_trip(binary, source, work, tag):
    folder = os.path.join(work, tag + "-csv")
    out = os.path.join(work, tag + "-back.json")
    parley(binary, "convert", source, folder)
    names = check_folder(folder)
    parley(binary, "convert", folder, out)
    diff = parley(binary, "diff", source, out)
    expect(diff.strip().lower() == "no differences", f"{tag}: the graph read back differs:\n{diff}")
    print(f"check_csv: {tag}: {len(names)} CSV files read back equal to the original")
    return folder


HAND_WRITTEN = {
    "people.csv": (
        "personId:ID(Person),name,born:int,height:float,active:boolean,joined:date,langs:string[],scores:int[],"
        "internal:IGNORE,:LABEL\n"
        "p1,Ann Smith,1970,1.72,true,2001-03-04,en;fr,1;2;3,zzz,Person;Diplomat\n"
        "p2,\"Li, Wei\",1985,,FALSE,,zh,,,Person\n"
    ),
    "orgs.csv": "orgId:ID(Org),name\no1,\"The \"\"Council\"\"\"\n",
    "member_of.csv": ":START_ID(Person),:END_ID(Org),since:long\np1,o1,1999\np2,o1,\n",
    "knows.csv": ":START_ID(Person),:END_ID(Person),:TYPE,weight:double\np1,p2,KNOWS,0.5\np2,p1,KNOWS,1e3\n",
}


def hand_written(binary, work):
    folder = os.path.join(work, "hand")
    os.makedirs(folder, exist_ok=True)
    for name, text in HAND_WRITTEN.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    out = os.path.join(work, "hand.json")
    parley(binary, "convert", folder, out)
    with open(out, encoding="utf-8") as f:
        doc = json.load(f)
    nodes = {}
    for n in doc["nodes"]:
        props = n.get("properties", {})
        key = props.get("personId") or props.get("orgId")
        nodes[key] = n
    p1, p2, o1 = nodes["p1"], nodes["p2"], nodes["o1"]
    expect(p1["labels"] == ["Person", "Diplomat"], f"p1 labels {p1['labels']}")
    expect(o1["labels"] == ["orgs"], f"o1 labels (from the file name) {o1['labels']}")
    expect(p1["properties"]["born"] == 1970 and isinstance(p1["properties"]["born"], int), "p1.born")
    expect(p1["properties"]["height"] == 1.72, "p1.height")
    expect(p1["properties"]["active"] is True and p2["properties"]["active"] is False, "active")
    joined = p1["properties"]["joined"]
    expect(joined in ({"$date": "2001-03-04"}, "2001-03-04") and ("joined" in doc.get("propertyTypes", {}) or isinstance(joined, dict)),
           f"p1.joined is not a date: {joined!r}")
    expect(p1["properties"]["langs"] == ["en", "fr"] and p2["properties"]["langs"] == ["zh"], "langs")
    expect(p1["properties"]["scores"] == [1, 2, 3], "scores")
    expect("internal" not in p1["properties"], ":IGNORE column was read")
    expect("height" not in p2["properties"] and "joined" not in p2["properties"], "empty fields must be absent")
    expect(p2["properties"]["name"] == "Li, Wei" and o1["properties"]["name"] == 'The "Council"', "quoted names")
    ids = {n["id"]: n for n in doc["nodes"]}
    by_key = {id_: (n.get("properties", {}).get("personId") or n.get("properties", {}).get("orgId")) for id_, n in ids.items()}
    edges = sorted((e["type"], by_key[e["source"]], by_key[e["target"]], json.dumps(e.get("properties", {}), sort_keys=True))
                   for e in doc["edges"])
    expected = sorted([("member_of", "p1", "o1", '{"since": 1999}'), ("member_of", "p2", "o1", "{}"),
                       ("KNOWS", "p1", "p2", '{"weight": 0.5}'), ("KNOWS", "p2", "p1", '{"weight": 1000.0}')])
    expect(edges == expected, f"relationships:\n{edges}\nexpected\n{expected}")
    print("check_csv: a hand-written neo4j-admin folder (id spaces, :IGNORE, typed columns, arrays) loads as expected")


def main():
    binary, work = sys.argv[1], sys.argv[2]
    round_trip(binary, BUNDLED, work, "bundled")
    source = every_type_graph(os.path.join(work, "every-type.json"))
    round_trip(binary, source, work, "every-type")
    lossy(binary, work)
    hand_written(binary, work)


if __name__ == "__main__":
    main()
