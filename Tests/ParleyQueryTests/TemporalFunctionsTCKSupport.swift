import Foundation
import ParleyGraph
import ParleyValues
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
        let env = ProcessInfo.processInfo.environment["PARLEY_TCK_FEATURES"].map { [$0 + "/expressions/temporal"] } ?? []
        for candidate in env + ["/\(root)/../shared/tck/features/expressions/temporal"] {
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
