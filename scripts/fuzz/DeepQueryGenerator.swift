// Shared by the structure-aware libFuzzer target `deep` (scripts/fuzz/fuzz.sh compiles it into
// that target): queries with long chains and deep nesting, built from the fuzz input's choices.

import ParleyGraph
import ParleyValues

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A generated query and what the oracle knows about its outcome.
struct DeepCase {
    /// The query text.
    var text: String
    /// If the query runs: its one row's one value (`x`), compared by type and Cypher equivalence.
    var value: Value?
    /// If the query runs: how many rows it returns.
    var rows: Int?
    /// If the query runs: how many relationships it creates.
    var relationshipsCreated: Int?
    /// The query must run (up to cancellation by the watchdog): a balanced chain of literals.
    var mustRun = false
    /// The query must fail, with a message containing this text (a bound it passes).
    var mustFail: String?
}

/// Builds queries that stress every recursive walk of the engine: long chains of each binary
/// operator and mixes of them, postfix chains, deep nesting of expressions, values nested deep at
/// run time, long clause pipelines and UNIONs, wide lists and maps, long patterns. Lengths go up
/// to and past the engine's bounds. Where the answer is cheap to know (arithmetic, three-valued
/// logic, concatenation, identity wrappers, row counts) it is computed here, independently.
struct DeepQueryGenerator {
    var choices: FuzzChoices

    /// The engine's bound on expression height (`Parser.maxHeight`, internal to ParleyQuery).
    static let maxHeight = 10_000
    /// The most relationships or patterns one MATCH may name (`Binder.maxMatchRelationships`).
    static let maxMatchRelationships = 1_000

    init(_ choices: FuzzChoices) { self.choices = choices }

    /// One query; a few are prefixed with EXPLAIN (compiled, not run: no expectations).
    mutating func generate() -> DeepCase {
        let explain = choices.below(100) >= 96
        var c: DeepCase
        switch choices.below(16) {
        case 0: c = arithmeticChain()
        case 1: c = powerChain()
        case 2: c = booleanChain()
        case 3: c = comparisonChain()
        case 4: c = concatenationChain()
        case 5: c = unaryChain()
        case 6: c = nullTestChain()
        case 7: c = postfixChain()
        case 8, 9: c = mixedChain()
        case 10: c = nesting()
        case 11: c = deepValue()
        case 12: c = clauseChain()
        case 13: c = wide()
        case 14: c = longPattern()
        default: c = writePattern()
        }
        if explain {
            c = DeepCase(text: "EXPLAIN " + c.text, mustFail: c.mustFail?.hasPrefix("Pattern") == true ? c.mustFail : nil)
        }
        return c
    }

    // MARK: Chains with a known answer

    /// `RETURN a op b op …` with `+ - * / %` on small integers; the value is folded here with
    /// the same precedence, unless it overflows or divides by zero. A uniform `+` or `-` chain
    /// taller than the height bound must fail.
    mutating func arithmeticChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        let uniform = choices.chance(50)
        let ops = ["+", "-", "*", "/", "%"]
        let fixedOp = choices.below(ops.count), fixedOperand = 1 + choices.below(9)
        var text = "RETURN "
        text.reserveCapacity(7 + 4 * n)
        var total: Int64? = 0, term: Int64? = 0, sign: Int64 = 1
        for i in 0..<n {
            let operand = Int64(uniform ? fixedOperand : choices.below(10))
            let op = i == 0 ? "+" : ops[uniform ? fixedOp : choices.below(ops.count)]
            if i > 0 { text += " \(op) " }
            text += String(operand)
            switch op {
            case "+", "-":
                total = Self.add(total, Self.multiply(term, sign))
                term = operand
                sign = op == "+" ? 1 : -1
            case "*": term = Self.multiply(term, operand)
            case "/": term = operand == 0 ? nil : term.map { $0 / operand }
            default: term = operand == 0 ? nil : term.map { $0 % operand }
            }
        }
        total = Self.add(total, Self.multiply(term, sign))
        var c = DeepCase(text: text + " AS x", value: total.map(Value.int))
        if uniform && fixedOp < 2 && n > Self.maxHeight + 2 { c.mustFail = "nested too deeply" }
        return c
    }

    /// `RETURN a ^ b ^ …` (left-associative, always FLOAT), folded here with `pow`.
    mutating func powerChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        let uniform = choices.chance(50)
        let fixed = 1 + choices.below(3)
        var operands: [Int] = []
        for _ in 0..<n { operands.append(uniform ? fixed : choices.below(4)) }
        var value = Double(operands[0])
        for b in operands.dropFirst() { value = pow(value, Double(b)) }
        let text = "RETURN " + operands.map(String.init).joined(separator: " ^ ") + " AS x"
        // A single operand is an INTEGER literal, not a power.
        return DeepCase(text: text, value: n == 1 ? .int(Int64(operands[0])) : .double(value))
    }

    /// `RETURN true AND null OR NOT false XOR …`: balanced in the engine, so it must run; the
    /// value is folded here with three-valued logic and the precedence NOT > AND > XOR > OR.
    mutating func booleanChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        let uniform = choices.chance(40)
        let ops = ["AND", "OR", "XOR"], literals: [(String, Bool?)] = [("true", true), ("false", false), ("null", nil)]
        let fixedOp = choices.below(3), fixedLiteral = choices.below(3)
        var text = "RETURN "
        var orTerms: [Bool?] = [], xorTerms: [Bool?] = [], andTerm: Bool? = true
        for i in 0..<n {
            if i > 0 {
                let op = ops[uniform ? fixedOp : choices.below(3)]
                text += " \(op) "
                if op != "AND" {
                    xorTerms.append(andTerm)
                    andTerm = true
                    if op == "OR" {
                        orTerms.append(Self.fold(xorTerms, Self.xor))
                        xorTerms = []
                    }
                }
            }
            var (spelling, value) = literals[uniform ? fixedLiteral : choices.below(3)]
            if !uniform && choices.chance(15) {
                spelling = "NOT " + spelling
                value = value.map { !$0 }
            }
            text += spelling
            andTerm = Self.and(andTerm, value)
        }
        xorTerms.append(andTerm)
        orTerms.append(Self.fold(xorTerms, Self.xor))
        let result = Self.fold(orTerms, Self.or)
        return DeepCase(text: text + " AS x", value: result.map(Value.bool) ?? .null, mustRun: true)
    }

    /// `RETURN 1 < 2 <= 2 = 2 <> …`: `a < b < c` is `a < b AND b < c`; balanced, so it must run.
    mutating func comparisonChain() -> DeepCase {
        let n = 1 + choices.length(cap: 20_000)
        let uniform = choices.chance(40)
        let ops = ["=", "<>", "<", "<=", ">", ">="]
        let fixedOp = choices.below(ops.count), fixedOperand = choices.below(4)
        var text = "RETURN "
        var previous: Int? = nil, result: Bool? = true
        for i in 0..<n {
            let operand: Int? = uniform ? fixedOperand : (choices.chance(3) ? nil : choices.below(4))
            if i > 0 {
                let op = ops[uniform ? fixedOp : choices.below(ops.count)]
                text += " \(op) "
                var holds: Bool? = nil
                if let a = previous, let b = operand {
                    switch op {
                    case "=": holds = a == b
                    case "<>": holds = a != b
                    case "<": holds = a < b
                    case "<=": holds = a <= b
                    case ">": holds = a > b
                    default: holds = a >= b
                    }
                }
                result = Self.and(result, holds)
            }
            text += operand.map(String.init) ?? "null"
            previous = operand
        }
        return DeepCase(text: text + " AS x", value: result.map(Value.bool) ?? .null, mustRun: true)
    }

    /// `RETURN 'a' + 1 + 'é' + …` or `[1] + 2 + [3, 4] + …`: string and list concatenation,
    /// folded here left to right.
    mutating func concatenationChain() -> DeepCase {
        let lists = choices.chance(30)
        let n = choices.length(cap: lists ? 3_000 : 20_000)
        let uniform = choices.chance(40)
        let strings: [(String, String)] = [("'a'", "a"), ("''", ""), ("'é'", "é"), ("'🕊️'", "🕊️"),
                                           ("'Астана'", "Астана"), ("'\\n'", "\n"), ("\"x'\"", "x'")]
        let fixed = choices.below(strings.count + 2)
        var text = "RETURN "
        var acc: Value = .null
        for i in 0..<n {
            if i > 0 { text += " + " }
            let k = uniform ? fixed : choices.below(strings.count + 2)
            let operand: Value
            if lists && k % 3 == 0 {
                text += "[\(k), \(i)]"
                operand = .list([.int(Int64(k)), .int(Int64(i))])
            } else if k < strings.count {
                text += strings[k].0
                operand = .string(strings[k].1)
            } else {
                text += String(k)
                operand = .int(Int64(k))
            }
            acc = i == 0 ? operand : Self.plus(acc, operand)
        }
        return DeepCase(text: text + " AS x", value: acc)
    }

    /// `RETURN - - + - 1` or `RETURN NOT NOT … true`: unary chains (parser recursion).
    mutating func unaryChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        if choices.chance(50) {
            var negative = false, text = "RETURN "
            for _ in 0..<n {
                if choices.chance(70) { text += "- "; negative.toggle() } else { text += "+ " }
            }
            return DeepCase(text: text + "7 AS x", value: .int(negative ? -7 : 7))
        }
        let start = choices.below(3)
        var value: Bool? = start == 0 ? true : start == 1 ? false : nil
        value = n % 2 == 1 ? value.map { !$0 } : value
        return DeepCase(text: "RETURN " + String(repeating: "NOT ", count: n) + ["true", "false", "null"][start] + " AS x",
                        value: value.map(Value.bool) ?? .null)
    }

    /// `RETURN null IS NULL IS NOT NULL …`, folded here.
    mutating func nullTestChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        let bases: [(String, Bool)] = [("null", true), ("1", false), ("'a'", false), ("[]", false), ("{a: null}.a", true)]
        let (base, baseIsNull) = choices.pick(bases)
        var text = "RETURN " + base, isNull = baseIsNull, value = false
        for _ in 0..<n {
            let not = choices.chance(40)
            text += not ? " IS NOT NULL" : " IS NULL"
            value = not ? !isNull : isNull
            isNull = false
        }
        return DeepCase(text: text + " AS x", value: .bool(value))
    }

    // MARK: Chains checked only for crashes and positioned errors

    /// `MATCH (n)-[r]->(m) RETURN n.a[0][1..].name:Talk…`: property, index, slice and label
    /// postfixes; on `null` every one gives `null`.
    mutating func postfixChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        let bases = ["n", "r", "m", "{a: n}", "{a: {a: 1}}", "[[0]]", "'abc'", "null", "[1, 2, 3]", "{a: [1]}", "n.topics"]
        let base = choices.pick(bases)
        let postfixes = [".a", ".name", "[0]", "[-1]", "[1..]", "[..2]", "[0..1]", ":Talk", ":Talk:Process", "['a']", ".topics"]
        var text = choices.chance(50) ? "MATCH (n)-[r]->(m) RETURN " : "OPTIONAL MATCH (n)-[r]->(m) RETURN "
        text += base
        for _ in 0..<n { text += choices.pick(postfixes) }
        return DeepCase(text: text + " AS x")
    }

    /// A chain of any binary operators over mixed operands, in RETURN, WHERE or WITH.
    mutating func mixedChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        let ops = ["+", "-", "*", "/", "%", "^", "=", "<>", "<", "<=", ">", ">=", "AND", "OR", "XOR",
                   "IN", "STARTS WITH", "ENDS WITH", "CONTAINS", "=~"]
        let atoms = ["1", "0", "2.5", "-3", "'a'", "'ab'", "null", "true", "false", "[1, 2]", "[]", "{a: 1}",
                     "n.name", "n.born", "n", "x", "n.topics", "'.*'", "[null]"]
        let uniformOp = choices.chance(30) ? choices.below(ops.count) : nil
        let chosen = (0..<n).map { _ in ops[uniformOp ?? choices.below(ops.count)] }
        let boolean: Set<String> = ["AND", "OR", "XOR"], arithmetic: Set<String> = ["+", "-", "*", "/", "%", "^"]
        var e = ""
        e.reserveCapacity(8 * n)
        for i in 0..<n {
            if i > 0 { e += " " + chosen[i] + " " }
            // NOT only where a boolean operand may start, IS NULL only where no arithmetic follows.
            switch choices.below(10) {
            case 0 where i == 0 || boolean.contains(chosen[i]): e += "NOT "
            case 1: e += "-"
            default: break
            }
            e += choices.pick(atoms)
            if choices.chance(5) && (i == n - 1 || !arithmetic.contains(chosen[i + 1])) {
                e += choices.chance(50) ? " IS NULL" : " IS NOT NULL"
            }
        }
        let templates = ["MATCH (n) UNWIND [1, 'a', null] AS x RETURN \(e) AS x",
                         "MATCH (n) UNWIND [1, 'a', null] AS x WITH n, x WHERE \(e) RETURN count(*) AS x",
                         "UNWIND [1, 2.5, 'ab', null, [1]] AS x OPTIONAL MATCH (n:Talk) RETURN \(e) AS x ORDER BY x",
                         "MATCH (n) UNWIND n.topics AS x RETURN collect(\(e)) AS x"]
        return DeepCase(text: choices.pick(templates))
    }

    // MARK: Nesting

    /// An expression nested `d` levels deep in parentheses, lists, maps, CASE, function calls,
    /// comprehensions, reduce, quantifiers, subqueries; when every level returns its operand
    /// unchanged, the value is the core's.
    mutating func nesting() -> DeepCase {
        let d = choices.length(cap: 2_000)
        let cores: [(String, Value)] = [("1", .int(1)), ("'a'", .string("a")), ("null", .null), ("true", .bool(true)), ("2.5", .double(2.5))]
        let (core, coreValue) = choices.pick(cores)
        // (prefix, suffix, keeps the value)
        let wrappers: [(String, String, Bool)] = [
            ("(", ")", true), ("[", "][0]", true), ("{a: ", "}.a", true), ("coalesce(", ")", true),
            ("head([", "])", true), ("CASE WHEN true THEN ", " END", true), ("CASE WHEN false THEN 0 ELSE ", " END", true),
            ("[x IN [", "] | x][0]", true), ("reduce(acc = ", ", i IN [1, 2] | acc)", true), ("last([0, ", "])", true),
            ("[", "]", false), ("{a: ", "}", false), ("size([", "])", false), ("toString(", ")", false), ("abs(", ")", false),
            ("-", "", false), ("NOT ", "", false), ("1 + ", "", false), ("[x IN range(1, 2) | ", "]", false),
            ("any(x IN [", "] WHERE x IS NULL)", false), ("EXISTS { MATCH (n) WHERE n.name = ", " }", false),
            ("[(a)-->(b) | ", "]", false), ("collect(", ")", false), ("CASE ", " WHEN 1 THEN 2 ELSE 3 END", false),
            ("{a: 1, b: ", "}.b", true), ("[y IN [", "] WHERE true][0]", true),
        ]
        let uniform = choices.chance(40)
        let fixed = choices.below(wrappers.count)
        var prefix = "", suffix: [String] = [], keeps = true
        for _ in 0..<d {
            let w = wrappers[uniform ? fixed : choices.below(wrappers.count)]
            prefix += w.0
            suffix.append(w.1)
            keeps = keeps && w.2
        }
        let e = prefix + core + suffix.reversed().joined()
        let template = choices.below(3)
        let text = template == 0 ? "RETURN \(e) AS x" : template == 1 ? "WITH \(e) AS x RETURN x AS x"
            : "MATCH (n:State) RETURN \(e) AS x"
        return DeepCase(text: text, value: keeps ? Optional(coreValue) : nil)
    }

    /// `reduce(acc = [], i IN range(1, N) | [acc])` and its kin build a value N levels deep at
    /// run time, which a consumer then compares, hashes, sorts, collects, prints or stores.
    /// Deeper than `Value.maxNesting` must fail.
    mutating func deepValue() -> DeepCase {
        let n = choices.length(cap: 2_500)
        let seeds: [(String, Int)] = [("[]", 1), ("{}", 1), ("0", 0), ("'s'", 0), ("[1]", 1)]
        let (seed, seedDepth) = choices.pick(seeds)
        let wraps: [(String, Int)] = [("[acc]", 1), ("{a: acc}", 1), ("[acc, i]", 1), ("{a: acc, b: i}", 1),
                                      ("[[acc]]", 2), ("CASE WHEN i % 2 = 0 THEN [acc] ELSE {a: acc} END", 1),
                                      ("[i] + [acc]", 1), ("acc", 0)]
        let (wrap, step) = choices.pick(wraps)
        let deep = "reduce(acc = \(seed), i IN range(1, \(n)) | \(wrap))"
        let depth = seedDepth + step * n
        // (template with X for the value, levels it adds)
        let consumers: [(String, Int)] = [
            ("RETURN X AS x", 0), ("RETURN size(X) AS x", 0), ("WITH X AS v RETURN v = v AS x", 0),
            ("RETURN [X] AS x", 1), ("UNWIND [1, 2] AS k WITH k, X AS v RETURN collect(v) AS x", 1),
            ("UNWIND [1, 2] AS k WITH X AS v RETURN DISTINCT v AS x", 0),
            ("UNWIND [1, 2] AS k WITH k, X AS v RETURN v AS x ORDER BY v, k", 0),
            ("WITH X AS v RETURN v IN [v] AS x", 1), ("RETURN {m: X} AS x", 1), ("RETURN X.a AS x", 0),
            ("RETURN X[0] AS x", 0), ("RETURN keys(X) AS x", 0), ("UNWIND [1, 2] AS k RETURN count(DISTINCT X) AS x", 0),
            ("MATCH (n:State) SET n.p = X RETURN n.p AS x", 0), ("UNWIND [X] AS y RETURN y AS x", 1),
            ("RETURN toString(X) AS x", 0), ("WITH X AS v RETURN [v, v] = [v, v] AS x", 1),
            ("UNWIND [1, 2] AS k WITH k, X AS v RETURN k, collect(v) AS x", 1),
            ("WITH X AS v RETURN v + [1] AS x", 0), ("RETURN [v IN [X] | v] AS x", 1),
        ]
        let (template, extra) = choices.pick(consumers)
        var c = DeepCase(text: template.replacing("X", with: deep))
        if depth + extra > Value.maxNesting { c.mustFail = "nested too deeply" }
        return c
    }

    // MARK: Clauses, width, patterns

    /// Long pipelines: `WITH x + 1 AS x` n times, UNWIND chains, UNION chains, ORDER BY keys.
    mutating func clauseChain() -> DeepCase {
        let n = choices.length(cap: 20_000)
        switch choices.below(5) {
        case 0:
            return DeepCase(text: "WITH 0 AS x " + String(repeating: "WITH x + 1 AS x ", count: n) + "RETURN x AS x",
                            value: .int(Int64(n)), rows: 1)
        case 1:
            var text = "UNWIND [1] AS x0 "
            for i in 1..<max(n, 2) { text += "UNWIND [x\(i - 1)] AS x\(i) " }
            return DeepCase(text: text + "RETURN x\(max(n, 2) - 1) AS x", value: .int(1), rows: 1)
        case 2:
            let all = choices.chance(50)
            let parts = (0..<n).map { all ? "RETURN \($0 % 7) AS x" : "RETURN 1 AS x" }
            return DeepCase(text: parts.joined(separator: all ? " UNION ALL " : " UNION "), rows: all ? n : 1)
        case 3:
            let keys = (0..<n).map { _ in choices.pick(["x", "-x", "x DESC", "toString(x)", "[x]"]) }
            return DeepCase(text: "UNWIND [2, 1, 3] AS x RETURN x ORDER BY " + keys.joined(separator: ", "), rows: 3)
        default:
            var text = "MATCH (n0) "
            for i in 1..<max(n, 2) {
                text += choices.chance(50) ? "OPTIONAL MATCH (n\(i - 1))-->(n\(i)) " : "WITH n\(i - 1) AS n\(i) "
            }
            return DeepCase(text: text + "RETURN count(*) AS x")
        }
    }

    /// Wide, flat expressions: lists, maps, argument lists, CASE alternatives, projections.
    mutating func wide() -> DeepCase {
        let n = choices.length(cap: 20_000)
        switch choices.below(5) {
        case 0:
            return DeepCase(text: "RETURN size([" + Array(repeating: "1", count: n).joined(separator: ", ") + "]) AS x",
                            value: .int(Int64(n)))
        case 1:
            let entries = (0..<n).map { "k\($0): \($0)" }.joined(separator: ", ")
            return DeepCase(text: "RETURN size(keys({\(entries)})) AS x", value: .int(Int64(n)))
        case 2:
            return DeepCase(text: "RETURN coalesce(" + String(repeating: "null, ", count: n) + "7) AS x", value: .int(7))
        case 3:
            let target = choices.below(n + 1)
            let arms = (0..<n).map { "WHEN \($0) THEN \($0 * 2)" }.joined(separator: " ")
            return DeepCase(text: "RETURN CASE \(target) \(arms) ELSE -1 END AS x",
                            value: .int(target < n ? Int64(target * 2) : -1))
        default:
            let items = (0..<n).map { "\($0) AS c\($0)" }.joined(separator: ", ")
            return DeepCase(text: "WITH " + items + " RETURN *", rows: 1)
        }
    }

    /// `MATCH (a0)-[:T]->(a1)<-…`, or many comma-separated patterns; past 1,000 it must fail.
    mutating func longPattern() -> DeepCase {
        let n = choices.length(cap: 3_000)
        let types = ["", ":HOSTED", ":REPORTED", ":PART_OF", ":CONTINUES", ":HOSTED|REPORTED", "*0..1", ":NOPE"]
        let labels = ["", ":Talk", ":State", ":Nope", " {name: 'Tengrinews'}"]
        var text = choices.chance(30) ? "OPTIONAL MATCH " : "MATCH "
        if choices.chance(60) {
            text += "(a0\(choices.pick(labels)))"
            for i in 1...n {
                let t = choices.pick(types)
                let left = choices.chance(50) ? "<-" : "-", right = left == "-" && choices.chance(70) ? "->" : "-"
                text += "\(left)[\(t)]\(right)(a\(i)\(choices.pick(labels)))"
            }
            var c = DeepCase(text: text + " RETURN count(*) AS x")
            if n > Self.maxMatchRelationships { c.mustFail = "Pattern too long" }
            return c
        }
        text += (0..<n).map { "(p\($0)\(choices.pick(labels)))" }.joined(separator: ", ")
        var c = DeepCase(text: text + " RETURN count(*) AS x")
        if n > Self.maxMatchRelationships { c.mustFail = "Pattern too long" }
        return c
    }

    /// A long CREATE path (counted), or a MERGE / EXISTS / pattern comprehension with a long pattern.
    mutating func writePattern() -> DeepCase {
        let n = choices.length(cap: 3_000)
        let path = (1...n).map { "-[:R]->(c\($0))" }.joined()
        switch choices.below(3) {
        case 0: return DeepCase(text: "CREATE (c0)" + path, relationshipsCreated: n)
        case 1: return DeepCase(text: "MERGE (c0:Talk)" + path.replacing(":R]", with: ":PART_OF]"))
        default:
            let anonymous = String(repeating: "-->()", count: n)
            return DeepCase(text: "MATCH (n) WHERE EXISTS { (n)\(anonymous) } RETURN [(n)\(anonymous) | 1] AS x")
        }
    }
}
