import ParleyGraph
import ParleyValues

/// A GraphML `<key>`: which elements it is for, the attribute it names and how its values read.
struct GraphMLKey {
    /// The elements a key is for (`for="..."`).
    enum Domain: String {
        case node, edge, graph, all, other
    }

    /// GraphML's `attr.type` (`int` and `float` read as `long` and `double`).
    enum ValueType: String {
        case string, long, double, boolean
    }

    /// What Parley's own files say a key holds besides its value.
    enum Role: String {
        /// The node's labels, `:State:Talk`.
        case labels
        /// The relationship's type.
        case type
    }

    var id: String
    var domain: Domain
    /// `attr.name`; nil for keys that only carry drawing data (yEd's `yfiles.type`).
    var name: String?
    var type: ValueType
    /// `parley.type`: `list` (JSON text) or a temporal kind (ISO 8601 text) on a string key.
    var parleyType: PropertyText.Kind?
    /// `parley.role`.
    var role: Role?
    /// The value of `<default>`, if any.
    var defaultValue: Value?
    /// The property key the values go to.
    var property: Int32 = -1

    /// Whether the key applies to nodes (or edges).
    func applies(toEdges: Bool) -> Bool {
        domain == .all || domain == (toEdges ? .edge : .node)
    }

    /// The value `text` holds, or what is wrong with it.
    func value(_ text: String) -> Result<Value, TextProblem> {
        let declared: PropertyText.ScalarKind
        switch type {
        case .string: declared = .string
        case .long: declared = .long
        case .double: declared = .double
        case .boolean: declared = .boolean
        }
        return PropertyText.parse(text, declared: declared, marker: parleyType)
    }

    /// How messages name the key: `key "d1" (attr.name="year" attr.type="long")`.
    var described: String {
        "key \(PropertyText.quoted(id)) (attr.name=\(PropertyText.quoted(name ?? "")) attr.type=\"\(type.rawValue)\")"
    }
}
