import ParleyGraph
import ParleyValues

/// One column of a neo4j-admin CSV header (`id:ID`, `:LABEL`, `year:int`, `tags:string[]`,
/// `:START_ID(Person)`, ...): what the column holds.
struct CSVColumn: Equatable {
    /// What a column holds.
    enum Role: Equatable {
        /// A property `key` of type `type`.
        case property(key: String, type: CSVPropertyType)
        /// The node id in id space `space` ("" is the global one), kept as property `key` if named.
        case id(key: String?, space: String)
        /// The node's labels, separated by `;`.
        case label
        /// The relationship's start node id, in id space `space`.
        case startID(space: String)
        /// The relationship's end node id, in id space `space`.
        case endID(space: String)
        /// The relationship's type.
        case type
        /// A column that is not read.
        case ignore
    }

    /// The header text, as written (for messages).
    var header: String
    /// What the column holds.
    var role: Role

    /// The column a header field names. A field is `NAME`, `NAME:TYPE` or `NAME:FIELD`, split at
    /// the last `:`; the type or field is case-insensitive. Throws for an unknown type.
    static func parse(_ header: String) throws(CSVValueError) -> CSVColumn {
        guard let colon = header.lastIndex(of: ":") else {
            guard !header.isEmpty else { throw CSVValueError("empty column name") }
            return CSVColumn(header: header, role: .property(key: header, type: CSVPropertyType(.string)))
        }
        let name = String(header[..<colon])
        var spec = String(header[header.index(after: colon)...])
        if spec.contains("{") {
            throw CSVValueError("type options in braces ('\(spec)') are not supported")
        }
        var space = ""
        if let open = spec.firstIndex(of: "("), spec.hasSuffix(")") {
            space = String(spec[spec.index(after: open)..<spec.index(before: spec.endIndex)])
            spec = String(spec[..<open])
        }
        let upper = spec.uppercased()
        func noSpace() throws(CSVValueError) {
            if !space.isEmpty { throw CSVValueError("only :ID, :START_ID and :END_ID take an id space in parentheses") }
        }
        switch upper {
        case "ID": return CSVColumn(header: header, role: .id(key: name.isEmpty ? nil : name, space: space))
        case "START_ID": return CSVColumn(header: header, role: .startID(space: space))
        case "END_ID": return CSVColumn(header: header, role: .endID(space: space))
        case "LABEL": try noSpace(); return CSVColumn(header: header, role: .label)
        case "TYPE": try noSpace(); return CSVColumn(header: header, role: .type)
        case "IGNORE": try noSpace(); return CSVColumn(header: header, role: .ignore)
        default: break
        }
        try noSpace()
        guard let type = CSVPropertyType(header: spec) else {
            throw CSVValueError("unknown type '\(spec)' (expected int, long, float, double, boolean, string, date, localtime, time, localdatetime, datetime, duration, one of them with [], or ID, LABEL, START_ID, END_ID, TYPE, IGNORE)")
        }
        guard !name.isEmpty else { throw CSVValueError("a property column needs a name before ':'") }
        return CSVColumn(header: header, role: .property(key: name, type: type))
    }
}

/// The type of a property column: a scalar type, or an array of one (`string[]`).
struct CSVPropertyType: Equatable, Hashable {
    /// The value type (of the elements, for an array).
    enum Scalar: Equatable, Hashable {
        case string
        case integer
        case float
        case boolean
        case temporal(TemporalKind)
    }

    /// The value type, or the element type of an array.
    var scalar: Scalar
    /// Whether the column holds arrays, written with `;` between elements.
    var isArray = false

    /// A type.
    init(_ scalar: Scalar, array: Bool = false) {
        self.scalar = scalar
        self.isArray = array
    }

    /// The type a header names (`int`, `long`, `double[]`, ...); `nil` if none.
    init?(header: String) {
        var name = header.lowercased()
        if name.hasSuffix("[]") {
            isArray = true
            name.removeLast(2)
        }
        switch name {
        case "int", "long", "short", "byte": scalar = .integer
        case "float", "double": scalar = .float
        case "boolean": scalar = .boolean
        case "string", "char": scalar = .string
        default:
            guard let kind = TemporalKind(rawValue: name) else { return nil }
            scalar = .temporal(kind)
        }
    }

    /// The name Parley writes in headers: `long` (neo4j-admin's `int` is 32-bit), `double`,
    /// `boolean`, `string`, the temporal kind, with `[]` for an array.
    var headerName: String {
        let base: String
        switch scalar {
        case .string: base = "string"
        case .integer: base = "long"
        case .float: base = "double"
        case .boolean: base = "boolean"
        case .temporal(let kind): base = kind.rawValue
        }
        return isArray ? base + "[]" : base
    }
}
