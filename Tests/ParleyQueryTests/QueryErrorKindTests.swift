import Foundation
import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyQuery

/// The error kinds: their names as the TCK writes them, their GQLSTATUS codes, and the table of
/// docs/errors.md that lists every one of them.
@Suite("Query error kinds")
struct QueryErrorKindTests {
    /// The kinds no GQLSTATUS code describes (Parley's own limits, a cancelled query).
    static let withoutStatus: Set<String> = ["ResourceLimit.RangeTooLarge", "ResourceLimit.RegexTooLarge", "ResourceLimit.TooManyRows", "Cancelled"]

    @Test("every kind has its own code Class.Detail, and type and detail read back from it")
    func codes() {
        let kinds = QueryError.Kind.allCases
        #expect(Set(kinds.map(\.code)).count == kinds.count)
        for kind in kinds {
            let error = QueryError(.runtime, kind, "m")
            #expect(error.type == kind.className)
            #expect(error.detail == kind.detailName)
            #expect(kind.code == (kind.detailName.map { "\(kind.className).\($0)" } ?? kind.className))
            #expect(error.diagnostic.code == kind.code)
        }
        #expect(QueryError.Kind.syntax(.variableAlreadyBound).code == "SyntaxError.VariableAlreadyBound")
        #expect(QueryError.Kind.procedure(.procedureNotFound).code == "ProcedureError.ProcedureNotFound")
        #expect(QueryError.Kind.cancelled.detailName == nil && QueryError.Kind.readOnly.code == "ReadOnly")
    }

    @Test("every kind but Parley's own limits and Cancelled has a five-character GQLSTATUS code")
    func statusPresent() {
        for kind in QueryError.Kind.allCases {
            if Self.withoutStatus.contains(kind.code) {
                #expect(kind.gqlStatus == nil, "\(kind)")
            } else {
                let status = kind.gqlStatus ?? ""
                #expect(status.count == 5 && status.allSatisfy { $0.isNumber || $0.isUppercase }, "\(kind): \(status)")
            }
        }
    }

    @Test("GQLSTATUS codes: the standard's where it has one, Neo4j's specific ones otherwise")
    func statusValues() {
        #expect(QueryError.Kind.syntax(.unexpectedSyntax).gqlStatus == "42001")
        #expect(QueryError.Kind.syntax(.undefinedVariable).gqlStatus == "42N62")
        #expect(QueryError.Kind.syntax(.variableAlreadyBound).gqlStatus == "42N59")
        #expect(QueryError.Kind.syntax(.unknownFunction).gqlStatus == "42N48")
        #expect(QueryError.Kind.arithmetic(.divisionByZero).gqlStatus == "22012")
        #expect(QueryError.Kind.arithmetic(.integerOverflow).gqlStatus == "22003")
        #expect(QueryError.Kind.argument(.numberOutOfRange).gqlStatus == "22003")
        #expect(QueryError.Kind.type(.invalidArgumentType).gqlStatus == "22N01")
        #expect(QueryError.Kind.constraintVerificationFailed(.deleteConnectedNode).gqlStatus == "G1001")
        #expect(QueryError.Kind.parameterMissing(.missingParameter).gqlStatus == "42N51")
        #expect(QueryError.Kind.procedure(.procedureNotFound).gqlStatus == "42N08")
        #expect(QueryError.Kind.readOnly.gqlStatus == "42N02")
    }

    @Test("queries fail with the kind, phase and GQLSTATUS of their mistake", arguments: [
        ("MATCH (n) RETURN m", "SyntaxError.UndefinedVariable", QueryError.Phase.compileTime, "42N62"),
        ("MATCH (n) RETRUN n", "SyntaxError.UnexpectedSyntax", .compileTime, "42001"),
        ("RETURN 1 / 0", "ArithmeticError.DivisionByZero", .runtime, "22012"),
        ("RETURN 9223372036854775807 + 1", "ArithmeticError.IntegerOverflow", .runtime, "22003"),
        ("UNWIND [1, 'a'] AS x RETURN x * 2", "TypeError.InvalidArgumentType", .runtime, "22N01"),
        ("RETURN $missing", "ParameterMissing.MissingParameter", .compileTime, "42N51"),
        ("CALL nothing.here()", "ProcedureError.ProcedureNotFound", .compileTime, "42N08"),
        ("CREATE (a)-[:R]->(b) DELETE a", "ConstraintVerificationFailed.DeleteConnectedNode", .runtime, "G1001"),
    ])
    func queryKinds(_ query: String, _ code: String, _ phase: QueryError.Phase, _ status: String) throws {
        let error = try #require(failure(query))
        #expect(error.kind.code == code)
        #expect(error.phase == phase)
        #expect(error.gqlStatus == status)
        #expect(error.description.hasPrefix("\(error.range!.start.line):\(error.range!.start.column): error[\(code)]: "))
    }

    /// docs/errors.md's table: `| `CODE` | `STATUS` |` (or `—`) per kind.
    static func documentedKinds() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        var kinds: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            kinds[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        }
        return kinds
    }

    @Test("docs/errors.md lists every kind with its GQLSTATUS, and no kind that does not exist")
    func documented() throws {
        let documented = try Self.documentedKinds()
        let kinds = QueryError.Kind.allCases
        for kind in kinds {
            #expect(documented[kind.code] == (kind.gqlStatus ?? "—"), "docs/errors.md: \(kind.code)")
        }
        #expect(Set(documented.keys) == Set(kinds.map(\.code)))
    }
}
