import ParleyGraph
import Testing
@testable import ParleyQuery

// A test-only mini interpreter for the TCK's temporal scenarios: it reads Temporal*.feature
// files, expands Scenario Outlines, and runs their small queries (CREATE of one node with a
// map, MATCH of it, WITH, RETURN) by evaluating expressions with the real function library
// (BuiltinFunctions, Operators, TemporalFunctions, Value comparisons). It is NOT the engine:
// it exists so the temporal library can be checked against the TCK's own tables.

/// One runnable TCK example: the queries to run in order and the expected result rows.
struct TCKTemporalCase: CustomStringConvertible {
    var scenario: String
    var queries: [String]
    var expected: [[String]]
    var description: String { "\(scenario) — \(queries.last ?? "")" }
}

/// Reads the feature files and expands outlines into cases.
enum TCKTemporalFeatures {
    /// The directory with Temporal1…10.feature, or nil when the TCK is not on this machine.
    static var directory: String? {
        let root = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
        for candidate in ["/\(root)/../shared/tck/features/expressions/temporal", "/work/shared/tck/features/expressions/temporal"] {
            if let _ = try? String(contentsOfFile: candidate + "/Temporal1.feature", encoding: .utf8) { return candidate }
        }
        return nil
    }

    /// The cases of `Temporal<number>.feature`.
    static func cases(feature number: Int) -> [TCKTemporalCase]? {
        guard let dir = directory,
              let text = try? String(contentsOfFile: "\(dir)/Temporal\(number).feature", encoding: .utf8) else { return nil }
        var result: [TCKTemporalCase] = []
        var name = "", queries: [String] = [], expected: [[String]] = [], examples: [[String]] = []
        var inDoc = false, doc: [String] = []
        enum TableKind { case none, expected, examples, other }
        var table = TableKind.none
        func flush() {
            guard !name.isEmpty else { return }
            if examples.count > 1 {
                let header = examples[0]
                for row in examples.dropFirst() {
                    func sub(_ s: String) -> String {
                        var s = s
                        for (h, v) in zip(header, row) { s = s.replacingOccurrences(of: "<\(h)>", with: v) }
                        return s
                    }
                    result.append(TCKTemporalCase(scenario: name, queries: queries.map(sub), expected: expected.map { $0.map(sub) }))
                }
            } else {
                result.append(TCKTemporalCase(scenario: name, queries: queries, expected: expected))
            }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "\"\"\"" {
                if inDoc { queries.append(doc.joined(separator: "\n")); doc = [] }
                inDoc.toggle()
                continue
            }
            if inDoc { doc.append(String(raw)); continue }
            if line.hasPrefix("Scenario") {
                flush()
                name = line
                queries = []; expected = []; examples = []; table = .none
                continue
            }
            if line.hasPrefix("Then the result should be,") { table = .expected; expected = []; continue }
            if line.hasPrefix("Examples:") { table = .examples; continue }
            if line.hasPrefix("|") {
                let cells = splitRow(line)
                switch table {
                case .expected: expected.append(cells)
                case .examples: examples.append(cells)
                default: break
                }
                continue
            }
            if !line.isEmpty { table = table == .examples ? .examples : .other }
            if line.hasPrefix("And") || line.hasPrefix("When") || line.hasPrefix("Then") { table = .other }
        }
        flush()
        return result
    }

    /// The cells of a `| a | b |` row (pipes inside quotes are kept).
    static func splitRow(_ line: String) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        for ch in line.dropFirst() {
            if ch == "'" { quoted.toggle() }
            if ch == "|" && !quoted {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(ch)
            }
        }
        return cells
    }
}

/// Runs a case's queries and returns the last RETURN's rows (one row: these queries make one).
struct MiniInterpreter {
    var bindings: [String: Value] = [:]
    var created: [(label: String?, properties: Value)] = []
    var rows: [[Value]] = []

    mutating func run(_ query: String) throws {
        var clauses: [String] = []
        for line in query.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if ["CREATE", "MATCH", "WITH", "RETURN", "UNWIND"].contains(where: { t.hasPrefix($0 + " ") }) || clauses.isEmpty {
                clauses.append(t)
            } else {
                clauses[clauses.count - 1] += " " + t
            }
        }
        for clause in clauses {
            if clause.hasPrefix("CREATE ") {
                // CREATE (:Label {key: expr}) or CREATE ({key: expr})
                var p = MiniParser(String(clause.dropFirst(7)))
                try p.expect("(")
                var label: String? = nil
                if p.eat(":") { label = p.identifier() }
                let props = try p.mapLiteral()
                try p.expect(")")
                let value = try props.evaluate(bindings)
                guard case .map(let m) = value, m.values.allSatisfy(\.isStorableProperty) else {
                    throw MiniError("not storable as properties: \(value.cypherLiteral(in: nil))")
                }
                created.append((label, value))
            } else if clause.hasPrefix("MATCH ") {
                var p = MiniParser(String(clause.dropFirst(6)))
                repeat {
                    try p.expect("(")
                    let variable = p.identifier() ?? "_"
                    var label: String? = nil
                    if p.eat(":") { label = p.identifier() }
                    try p.expect(")")
                    guard let node = created.first(where: { $0.label == label }) else { throw MiniError("no node :\(label ?? "")") }
                    bindings[variable] = node.properties
                } while p.eat(",")
            } else if clause.hasPrefix("WITH ") || clause.hasPrefix("RETURN ") {
                let isReturn = clause.hasPrefix("RETURN ")
                var p = MiniParser(String(clause.dropFirst(isReturn ? 7 : 5)))
                var row: [Value] = [], newBindings = bindings
                repeat {
                    let e = try p.expression()
                    let v = try e.evaluate(bindings)
                    row.append(v)
                    if p.eatKeyword("AS"), let alias = p.identifier() { newBindings[alias] = v }
                } while p.eat(",")
                guard p.atEnd else { throw MiniError("unparsed text in: \(clause)") }
                bindings = newBindings
                if isReturn { rows = [row] }
            } else {
                throw MiniError("unsupported clause: \(clause)")
            }
        }
    }
}

struct MiniError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// An expression of the mini language.
indirect enum MiniExpr {
    case literal(Value)
    case variable(String)
    case list([MiniExpr])
    case map([(String, MiniExpr)])
    case call(String, [MiniExpr])
    case property(MiniExpr, String)
    case binary(String, MiniExpr, MiniExpr)
    case negate(MiniExpr)

    func evaluate(_ env: [String: Value]) throws -> Value {
        switch self {
        case .literal(let v): return v
        case .variable(let n):
            guard let v = env[n] else { throw MiniError("unbound \(n)") }
            return v
        case .list(let items): return .list(try items.map { try $0.evaluate(env) })
        case .map(let pairs):
            var m: [String: Value] = [:]
            for (k, e) in pairs { m[k] = try e.evaluate(env) }
            return .map(m)
        case .call(let name, let args):
            return try BuiltinFunctions.call(name.lowercased(), try args.map { try $0.evaluate(env) }, graph: GraphStore())
        case .property(let base, let key):
            let v = try base.evaluate(env)
            if case .map(let m) = v { return m[key] ?? .null }
            if v.isNull { return .null }
            guard let r = try TemporalFunctions.property(v, key) else { throw MiniError("no property \(key) on \(v.typeName)") }
            return r
        case .negate(let e): return try Operators.negate(try e.evaluate(env))
        case .binary(let op, let l, let r):
            let a = try l.evaluate(env), b = try r.evaluate(env)
            switch op {
            case "+": return try Operators.add(a, b)
            case "-": return try Operators.subtract(a, b)
            case "*": return try Operators.multiply(a, b)
            case "/": return try Operators.divide(a, b)
            case "=": return a.cypherEquals(b).map { .bool($0) } ?? .null
            case "<>": return a.cypherEquals(b).map { .bool(!$0) } ?? .null
            case "<": return a.cypherCompare(b, .lessThan).map { .bool($0) } ?? .null
            case "<=": return a.cypherCompare(b, .lessThanOrEqual).map { .bool($0) } ?? .null
            case ">": return a.cypherCompare(b, .greaterThan).map { .bool($0) } ?? .null
            case ">=": return a.cypherCompare(b, .greaterThanOrEqual).map { .bool($0) } ?? .null
            default: throw MiniError("operator \(op)")
            }
        }
    }
}

/// A recursive-descent parser for the mini language.
struct MiniParser {
    let s: [Character]
    var i = 0

    init(_ text: String) { s = Array(text) }

    var atEnd: Bool {
        var j = i
        while j < s.count, s[j].isWhitespace { j += 1 }
        return j == s.count
    }

    mutating func skip() { while i < s.count, s[i].isWhitespace { i += 1 } }

    mutating func eat(_ token: String) -> Bool {
        skip()
        let t = Array(token)
        guard i + t.count <= s.count, Array(s[i..<i + t.count]) == t else { return false }
        i += t.count
        return true
    }

    mutating func expect(_ token: String) throws {
        guard eat(token) else { throw MiniError("expected \(token) at \(i) in \(String(s))") }
    }

    mutating func eatKeyword(_ word: String) -> Bool {
        skip()
        let save = i
        if let id = identifier(), id.uppercased() == word { return true }
        i = save
        return false
    }

    mutating func identifier() -> String? {
        skip()
        let start = i
        while i < s.count, s[i].isLetter || s[i].isNumber || s[i] == "_" { i += 1 }
        return i > start ? String(s[start..<i]) : nil
    }

    mutating func expression() throws -> MiniExpr { try comparison() }

    mutating func comparison() throws -> MiniExpr {
        let left = try additive()
        for op in ["<>", "<=", ">=", "=", "<", ">"] where eat(op) {
            return .binary(op, left, try additive())
        }
        return left
    }

    mutating func additive() throws -> MiniExpr {
        var left = try multiplicative()
        while true {
            if eat("+") { left = .binary("+", left, try multiplicative()) }
            else if eat("-") { left = .binary("-", left, try multiplicative()) }
            else { return left }
        }
    }

    mutating func multiplicative() throws -> MiniExpr {
        var left = try unary()
        while true {
            if eat("*") { left = .binary("*", left, try unary()) }
            else if eat("/") { left = .binary("/", left, try unary()) }
            else { return left }
        }
    }

    mutating func unary() throws -> MiniExpr {
        if eat("-") {
            skip()
            if i < s.count, s[i].isNumber, case .literal(let v) = try postfix() {
                switch v {
                case .int(let x): return .literal(.int(-x))
                case .double(let x): return .literal(.double(-x))
                default: break
                }
            }
            return .negate(try postfix())
        }
        return try postfix()
    }

    mutating func postfix() throws -> MiniExpr {
        var e = try primary()
        while true {
            let save = i
            if eat("."), let key = identifier() { e = .property(e, key) } else { i = save; return e }
        }
    }

    mutating func mapLiteral() throws -> MiniExpr {
        try expect("{")
        var pairs: [(String, MiniExpr)] = []
        if !eat("}") {
            repeat {
                guard let key = identifier() else { throw MiniError("map key expected") }
                try expect(":")
                pairs.append((key, try expression()))
            } while eat(",")
            try expect("}")
        }
        return .map(pairs)
    }

    mutating func primary() throws -> MiniExpr {
        skip()
        guard i < s.count else { throw MiniError("unexpected end") }
        let c = s[i]
        if c == "(" {
            i += 1
            let e = try expression()
            try expect(")")
            return e
        }
        if c == "{" { return try mapLiteral() }
        if c == "[" {
            i += 1
            var items: [MiniExpr] = []
            if !eat("]") {
                repeat { items.append(try expression()) } while eat(",")
                try expect("]")
            }
            return .list(items)
        }
        if c == "'" {
            i += 1
            var text = ""
            while i < s.count, s[i] != "'" { text.append(s[i]); i += 1 }
            i += 1
            return .literal(.string(text))
        }
        if c.isNumber {
            let start = i
            while i < s.count, s[i].isNumber || s[i] == "." && i + 1 < s.count && s[i + 1].isNumber { i += 1 }
            let text = String(s[start..<i])
            if text.contains(".") { return .literal(.double(Double(text)!)) }
            guard let n = Int64(text) else { throw MiniError("bad number \(text)") }
            return .literal(.int(n))
        }
        guard var name = identifier() else { throw MiniError("unexpected \(c) at \(i) in \(String(s))") }
        switch name.lowercased() {
        case "null": return .literal(.null)
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        default: break
        }
        // Dotted function names: date.truncate(...), duration.between(...)
        var save = i
        while eat("."), let part = identifier() {
            let probe = i
            if eat("(") { i = probe; name += "." + part; save = i; break }
            i = save
            break
        }
        i = save
        if eat("(") {
            var args: [MiniExpr] = []
            if !eat(")") {
                repeat { args.append(try expression()) } while eat(",")
                try expect(")")
            }
            return .call(name, args)
        }
        return .variable(name)
    }
}

/// Whether an actual result matches a TCK expected cell (`'2015-07-21'` for a date, `12`, `true`).
func tckMatches(_ actual: Value, _ expectedCell: String) -> Bool {
    var p = MiniParser(expectedCell)
    guard let e = try? p.expression(), p.atEnd, let expected = try? e.evaluate([:]) else { return false }
    return tckMatches(actual, expected)
}

func tckMatches(_ actual: Value, _ expected: Value) -> Bool {
    switch (actual, expected) {
    case (.temporal(let t), .string(let s)): return t.description == s
    case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { tckMatches($0, $1) }
    default: return sameValue(actual, expected)
    }
}
