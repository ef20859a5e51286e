import ParleyGraph
import ParleyValues

/// The Cypher type of a procedure argument or output (`STRING?`, `LIST? OF INTEGER?`, ...).
public indirect enum ProcedureType: Sendable, Equatable, CustomStringConvertible {
    case any, boolean, string, number, integer, float, map, node, relationship, path
    case list(ProcedureType)
    /// The same type, also accepting `null` (written with a trailing `?`).
    case nullable(ProcedureType)

    /// The type as written in a signature.
    public var description: String {
        switch self {
        case .any: return "ANY"
        case .boolean: return "BOOLEAN"
        case .string: return "STRING"
        case .number: return "NUMBER"
        case .integer: return "INTEGER"
        case .float: return "FLOAT"
        case .map: return "MAP"
        case .node: return "NODE"
        case .relationship: return "RELATIONSHIP"
        case .path: return "PATH"
        case .list(let t): return "LIST OF \(t)"
        case .nullable(.list(let t)): return "LIST? OF \(t)"
        case .nullable(let t): return "\(t)?"
        }
    }

    /// Whether a value of this type may be passed where this type is expected
    /// (`NUMBER` takes integers and floats, `FLOAT` takes integers).
    public func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.nullable, .null): return true
        case (.nullable(let t), _): return t.accepts(value)
        case (_, .null): return false
        case (.any, _): return true
        case (.boolean, .bool), (.string, .string), (.integer, .int), (.map, .map),
             (.node, .node), (.relationship, .relationship), (.path, .path): return true
        case (.number, .int), (.number, .double), (.float, .double), (.float, .int): return true
        case (.list(let t), .list(let items)): return items.allSatisfy { t.accepts($0) }
        default: return false
        }
    }

    /// The value converted to this type where Cypher widens it (an integer passed as `FLOAT`).
    func coerce(_ value: Value) -> Value {
        switch (self, value) {
        case (.nullable(let t), _): return t.coerce(value)
        case (.float, .int(let i)): return .double(Double(i))
        case (.list(let t), .list(let items)): return .list(items.map { t.coerce($0) })
        default: return value
        }
    }

    /// Parses a type name: `STRING`, `INTEGER?`, `LIST? OF STRING?`, `LIST<INTEGER>`.
    public init?(parsing text: String) {
        var s = Substring(text).trimmingSpaces().uppercased()[...]
        var nullable = false
        if s.hasPrefix("LIST") {
            s = s.dropFirst(4).trimmingSpaces()
            if s.hasPrefix("?") { nullable = true; s = s.dropFirst().trimmingSpaces() }
            let element: Substring
            if s.hasPrefix("OF ") { element = s.dropFirst(3) }
            else if s.hasPrefix("<"), s.hasSuffix(">") { element = s.dropFirst().dropLast() }
            else if s.isEmpty { element = "ANY?" }
            else { return nil }
            guard let e = ProcedureType(parsing: String(element)) else { return nil }
            self = nullable ? .nullable(.list(e)) : .list(e)
            return
        }
        if s.hasSuffix("?") { nullable = true; s = s.dropLast().trimmingSpaces() }
        let base: ProcedureType
        switch s {
        case "ANY": base = .any
        case "BOOLEAN": base = .boolean
        case "STRING": base = .string
        case "NUMBER": base = .number
        case "INTEGER", "INT": base = .integer
        case "FLOAT": base = .float
        case "MAP": base = .map
        case "NODE": base = .node
        case "RELATIONSHIP": base = .relationship
        case "PATH": base = .path
        default: return nil
        }
        self = nullable ? .nullable(base) : base
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
