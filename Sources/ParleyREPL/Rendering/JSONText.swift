import ParleyGraph
import ParleyValues

/// JSON for result rows (`:mode json`/`jsonl`), built on ParleyGraph's `Value.jsonText(in:)`.
enum JSONText {
    /// The value as compact JSON text.
    static func encode(_ value: Value, in graph: GraphStore) -> String {
        value.jsonText(in: graph)
    }

    /// An object from ordered (key, value) pairs (column order is kept).
    static func object(_ pairs: [(String, Value)], in graph: GraphStore) -> String {
        "{" + pairs.map { Value.jsonString($0.0) + ":" + $0.1.jsonText(in: graph) }.joined(separator: ",") + "}"
    }
}
