import ParleyGraph

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
        case .string where parleyType == .mixed:
            return PropertyText.parseJSON(text)
        case .double where parleyType == .number:
            guard let v = PropertyText.number(text) else { return .failure(TextProblem("expected a number but found \(PropertyText.quoted(text))")) }
            return .success(v)
        case .string:
            switch parleyType {
            case .list?: return PropertyText.parseListJSON(text).map { .list($0) }
            case .temporal(let kind)?:
                do {
                    return .success(.temporal(try kind.parse(PropertyText.trimmed(text))))
                } catch {
                    return .failure(TextProblem("expected a \(kind.noun) in ISO 8601 but found \(PropertyText.quoted(text)) (\(error.message))"))
                }
            default: return .success(.string(text))
            }
        case .list(let kind):
            var items: [Value] = []
            for item in GEXFList.items(text) {
                switch GEXFAttribute.scalar(item, kind) {
                case .success(let v): items.append(v)
                case .failure(let p): return .failure(TextProblem("in the list \(PropertyText.quoted(text)): \(p.message)"))
                }
            }
            return .success(.list(items))
        case .long: return GEXFAttribute.scalar(text, .long)
        case .double: return GEXFAttribute.scalar(text, .double)
        case .boolean: return GEXFAttribute.scalar(text, .boolean)
        }
    }

    static func scalar(_ text: String, _ kind: PropertyText.ScalarKind) -> Result<Value, TextProblem> {
        switch kind {
        case .string: return .success(.string(text))
        case .long:
            guard let i = PropertyText.long(text) else { return .failure(TextProblem("expected an integer but found \(PropertyText.quoted(text))")) }
            return .success(.int(i))
        case .double:
            guard let d = PropertyText.parseDouble(text) else { return .failure(TextProblem("expected a number but found \(PropertyText.quoted(text))")) }
            return .success(.double(d))
        case .boolean:
            guard let b = PropertyText.boolean(text) else { return .failure(TextProblem("expected true or false but found \(PropertyText.quoted(text))")) }
            return .success(.bool(b))
        }
    }

    /// How messages name the attribute: `attribute "3" (title="year" type="long")`.
    var described: String { "attribute \(PropertyText.quoted(id)) (title=\(PropertyText.quoted(title)))" }
}
