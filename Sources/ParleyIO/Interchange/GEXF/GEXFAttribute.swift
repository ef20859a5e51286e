import ParleyGraph
import ParleyValues

/// A GEXF `<attribute>`: the column it declares and how its values read.
struct GEXFAttribute {
    /// What a value is read as.
    enum ValueType {
        case string, long, double, boolean
        case list(PropertyText.ScalarKind)
    }

    var id: String
    var title: String
    var type: ValueType
    /// `parley.type` on a `string` attribute: `list` (JSON text) or a temporal kind.
    var parleyType: PropertyText.Kind?
    /// `parley.role="labels"`.
    var isLabels = false
    var defaultValue: Value?
    var property: Int32 = -1

    /// The type named by `type="..."` (and, on `liststring`, `parley.type="listlong"` etc.).
    static func valueType(_ name: String, parley: String?) -> ValueType? {
        switch name {
        case "string", "anyURI", "char": return .string
        case "integer", "long", "short", "byte", "biginteger": return .long
        case "double", "float", "bigdecimal": return .double
        case "boolean": return .boolean
        case "liststring", "listchar":
            switch parley {
            case "listlong": return .list(.long)
            case "listdouble": return .list(.double)
            case "listboolean": return .list(.boolean)
            default: return .list(.string)
            }
        case "listinteger", "listlong", "listshort", "listbyte", "listbiginteger": return .list(.long)
        case "listdouble", "listfloat", "listbigdecimal": return .list(.double)
        case "listboolean": return .list(.boolean)
        default: return nil
        }
    }

    /// The value `text` holds, or what is wrong with it.
    func value(_ text: String) -> Result<Value, TextProblem> {
        switch type {
        case .string: return PropertyText.parse(text, declared: .string, marker: parleyType)
        case .long: return PropertyText.parse(text, declared: .long, marker: parleyType)
        case .double: return PropertyText.parse(text, declared: .double, marker: parleyType)
        case .boolean: return PropertyText.parse(text, declared: .boolean, marker: parleyType)
        case .list(let kind):
            var items: [Value] = []
            for item in GEXFList.items(text) {
                switch PropertyText.parse(item, declared: kind, marker: nil) {
                case .success(let v): items.append(v)
                case .failure(let p): return .failure(TextProblem("in the list \(PropertyText.quoted(text)): \(p.message)"))
                }
            }
            return .success(.list(items))
        }
    }

    /// How messages name the attribute: `attribute "3" (title="year" type="long")`.
    var described: String { "attribute \(PropertyText.quoted(id)) (title=\(PropertyText.quoted(title)))" }
}
