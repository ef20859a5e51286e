import ParleyGraph
import ParleyValues
@testable import ParleyQuery

// The expression language of the test-only TCK mini interpreter (see TemporalFunctionsTCKSupport.swift).

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

