import ParleyGraph
import ParleyValues

/// What the values of one property column hold, merged over the rows of a file or table: the
/// basis of the typed columns of the CSV and Kùzu writers.
enum ColumnShape: Equatable {
    /// No value yet.
    case empty
    /// Every value is a scalar of this type.
    case scalar(CSVPropertyType.Scalar)
    /// Every value is a list whose elements are of this type (`nil`: only empty lists so far).
    case array(CSVPropertyType.Scalar?)
    /// Values of different types, or lists mixing types or holding nulls.
    case mixed

    /// The shape of one value.
    init(of value: Value) {
        switch value {
        case .list(let items):
            var element: CSVPropertyType.Scalar?
            for item in items {
                guard let s = ColumnShape.scalarType(item), element == nil || element == s else {
                    self = .mixed
                    return
                }
                element = s
            }
            self = .array(element)
        default:
            if let s = ColumnShape.scalarType(value) { self = .scalar(s) } else { self = .mixed }
        }
    }

    /// The scalar type of a non-list property value.
    static func scalarType(_ value: Value) -> CSVPropertyType.Scalar? {
        switch value {
        case .bool: return .boolean
        case .int: return .integer
        case .double: return .float
        case .string: return .string
        case .temporal(let t): return .temporal(TemporalKind(of: t))
        default: return nil
        }
    }

    /// This shape and `other` together: the same type stays, anything else is `mixed` (no
    /// value is ever widened: 1 and 1.5 are mixed, not both doubles).
    func merged(_ other: ColumnShape) -> ColumnShape {
        switch (self, other) {
        case (.empty, _): return other
        case (_, .empty): return self
        case (.scalar(let a), .scalar(let b)): return a == b ? self : .mixed
        case (.array(let a), .array(let b)):
            guard let a else { return other }
            guard let b else { return self }
            return a == b ? self : .mixed
        default: return .mixed
        }
    }

    /// The column type for this shape; `nil` for `mixed` (a `string` column of text).
    /// Lists of nothing but empty lists are `string[]`.
    var type: CSVPropertyType? {
        switch self {
        case .empty: return CSVPropertyType(.string)
        case .scalar(let s): return CSVPropertyType(s)
        case .array(let s): return CSVPropertyType(s ?? .string, array: true)
        case .mixed: return nil
        }
    }
}
