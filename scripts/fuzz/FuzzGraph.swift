// Shared by the `exec` and `deep` libFuzzer targets (scripts/fuzz/fuzz.sh compiles it into
// both): the small graph their queries run on, the first nodes and edges of graphs/tiny.json.

import ParleyGraph
import ParleyIO

/// The graph every input runs on.
let fuzzGraph: GraphStore = {
    let json = #"""
    {"nodes": [
      {"id": "kz", "labels": ["State"], "properties": {"name": "Kazakhstan", "name_ru": "Казахстан", "neutral": true}},
      {"id": "nn", "labels": ["Person"], "properties": {"name": "Nursultan Nazarbayev", "born": 1940}},
      {"id": "tn", "labels": ["Organization", "Media"], "properties": {"name": "Tengrinews"}},
      {"id": "at", "labels": ["Talk"], "properties": {"city": "Астана", "days": 3, "weight": 0.75, "start_date": "2015-05-25", "topics": ["aid", "plan"]}},
      {"id": "sp", "labels": ["Talk", "Process"], "properties": {"name": "Syrian peace talks 🕊️", "status": "ongoing"}}
    ], "edges": [
      {"source": "kz", "target": "at", "type": "HOSTED", "properties": {"date": "2015-05-25"}},
      {"source": "nn", "target": "kz", "type": "PRESIDENT_OF"},
      {"source": "tn", "target": "at", "type": "REPORTED", "id": 7},
      {"source": "at", "target": "sp", "type": "PART_OF"},
      {"source": "sp", "target": "sp", "type": "CONTINUES", "properties": {"weight": -1.5}},
      {"source": "tn", "target": "at", "type": "REPORTED"}
    ]}
    """#
    do {
        return try GraphFile.parse(Array(json.utf8), name: "fuzz-graph.json")
    } catch {
        fatalError("the embedded fuzz graph does not load: \(error)")
    }
}()

/// The embedded graph's bytes as saved, to check that a failed query changed nothing.
let fuzzGraphBytes = GraphFile.serialize(fuzzGraph)
