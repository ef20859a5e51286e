import ParleyGraph
import ParleyValues

/// A label expression (`:A|B`, `:A&!B`, `:%`) on a node, or a type expression on a
/// relationship (`:R|S`, `:!R`).
indirect enum LabelExpression: Sendable {
    /// One label or type name.
    case name(String)
    /// `%`: any label (a node with at least one), any type (every relationship).
    case any
    case not(LabelExpression)
    case and(LabelExpression, LabelExpression)
    case or(LabelExpression, LabelExpression)

    /// The expression as Parley prints it (fully parenthesised where precedence needs it).
    var text: String {
        switch self {
        case .name(let n): return Self.quoted(n)
        case .any: return "%"
        case .not(let e):
            switch e {
            case .name, .any, .not: return "!" + e.text
            default: return "!(" + e.text + ")"
            }
        case .and(let a, let b):
            func side(_ e: LabelExpression) -> String { if case .or = e { return "(" + e.text + ")" } else { return e.text } }
            return side(a) + "&" + side(b)
        case .or(let a, let b): return a.text + "|" + b.text
        }
    }

    /// A name as written in a query: bare when it is a plain identifier, else backticked.
    static func quoted(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            && !("0"..."9").contains(name.unicodeScalars.first!)
        return plain ? name : "`" + name.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
    }

    /// Every name the expression mentions.
    var names: [String] {
        switch self {
        case .name(let n): return [n]
        case .any: return []
        case .not(let e): return e.names
        case .and(let a, let b), .or(let a, let b): return a.names + b.names
        }
    }

    /// The names of a plain conjunction (`A&B&C`), or nil when the expression is anything else.
    var conjunction: [String]? {
        switch self {
        case .name(let n): return [n]
        case .and(let a, let b):
            guard let x = a.conjunction, let y = b.conjunction else { return nil }
            return x + y
        default: return nil
        }
    }

    /// The names of a plain disjunction (`R|S|T`), or nil when the expression is anything else.
    var disjunction: [String]? {
        switch self {
        case .name(let n): return [n]
        case .or(let a, let b):
            guard let x = a.disjunction, let y = b.disjunction else { return nil }
            return x + y
        default: return nil
        }
    }

    /// The labels every matching node must carry: the names ANDed at the top level (a label
    /// scan can start from any of them).
    var impliedLabels: [String] {
        switch self {
        case .name(let n): return [n]
        case .and(let a, let b): return a.impliedLabels + b.impliedLabels
        default: return []
        }
    }

    /// Whether a relationship of type `type` matches (a relationship has exactly one type, so
    /// `R&S` matches none and `%` every one).
    func matches(type: String) -> Bool {
        switch self {
        case .name(let n): return n == type
        case .any: return true
        case .not(let e): return !e.matches(type: type)
        case .and(let a, let b): return a.matches(type: type) && b.matches(type: type)
        case .or(let a, let b): return a.matches(type: type) || b.matches(type: type)
        }
    }

    /// The expression as a predicate on `subject` (a label check on a node, a type check on a
    /// relationship), built from label checks, NOT, AND and OR; `%` is a label check with no
    /// names (``Expression/Kind/hasLabels`` with an empty list: at least one label).
    func predicate(on subject: Expression, range: SourceRange) -> Expression {
        switch self {
        case .name(let n): return Expression(.hasLabels(subject, [n]), range)
        case .any: return Expression(.hasLabels(subject, []), range)
        case .not(let e): return Expression(.unary(.not, e.predicate(on: subject, range: range)), range)
        case .and(let a, let b):
            if let names = conjunction { return Expression(.hasLabels(subject, names), range) }
            return Expression(.binary(.and, a.predicate(on: subject, range: range), b.predicate(on: subject, range: range)), range)
        case .or(let a, let b):
            return Expression(.binary(.or, a.predicate(on: subject, range: range), b.predicate(on: subject, range: range)), range)
        }
    }
}
