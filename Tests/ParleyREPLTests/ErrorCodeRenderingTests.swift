import Foundation
import ParleyQuery
import ParleyValues
import Testing
@testable import ParleyREPL

/// Query errors name their kind on their first line, `error[CLASS.DETAIL]:`, in scripts and in
/// the REPL; JSON scripts write them as one line of JSON.
@Suite("Query error codes in the output")
struct ErrorCodeRenderingTests {
    /// A query on the fixture graph, and the kind and column its error has.
    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var code: String
        var column: Int
        var testDescription: String { code }
    }

    /// One query per class Parley raises.
    static let cases: [Case] = [
        Case(query: "MATCH (n) RETURN m", code: "SyntaxError.UndefinedVariable", column: 18),
        Case(query: "MERGE (s:State {name: null}) RETURN s", code: "SemanticError.MergeReadOwnWrites", column: 16),
        Case(query: "MATCH (s:State) RETURN s.name * 2", code: "TypeError.InvalidArgumentType", column: 24),
        Case(query: "MATCH (s:State) RETURN left(s.name, -1)", code: "ArgumentError.NumberOutOfRange", column: 24),
        Case(query: "MATCH (p:Person) DETACH DELETE p RETURN p.name", code: "EntityNotFound.DeletedEntityAccess", column: 41),
        Case(query: "MATCH (s:State) DELETE s", code: "ConstraintVerificationFailed.DeleteConnectedNode", column: 17),
        Case(query: "RETURN $nope", code: "ParameterMissing.MissingParameter", column: 8),
        Case(query: "CALL nope.nothing()", code: "ProcedureError.ProcedureNotFound", column: 6),
        Case(query: "RETURN 1 / 0", code: "ArithmeticError.DivisionByZero", column: 8),
        Case(query: "RETURN reduce(x = [], i IN range(1, 1001) | [x])", code: "ResourceLimit.NestedTooDeeply", column: 8),
    ]

    @Test("each class's error starts with FILE:LINE:COL: error[CLASS.DETAIL]: and has the caret below", arguments: cases)
    func scriptLine(_ c: Case) throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, "RETURN 1;\n" + c.query + ";\n") == 1)
        let lines = err.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count >= 3, "\(err.text)")
        #expect(lines[0].hasPrefix("test.cypher:2:\(c.column): error[\(c.code)]: "), "\(err.text)")
        #expect(lines[1] == c.query + ";")
        #expect(lines[2].hasPrefix(String(repeating: " ", count: c.column - 1) + "^"))
    }

    @Test("the REPL shows the same error[CLASS.DETAIL] line, with lines counted in the statement")
    func interactiveLine() throws {
        let (session, _, err) = try REPLFixture.session(interactive: true)
        #expect(REPLFixture.run(session, "MATCH (s:State)\nRETURN t;", fileName: nil) == 1)
        #expect(err.text.hasPrefix("2:8: error[SyntaxError.UndefinedVariable]: Variable `t` not defined\nRETURN t;\n       ^"), "\(err.text)")
    }

    @Test("a write in an as-of view is error[ReadOnly]")
    func readOnly() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":asof 2015-05-26\nMATCH (n) SET n.x = 1;\n") == 1)
        #expect(err.text.contains("test.cypher:2:11: error[ReadOnly]: SET cannot run"))
    }

    @Test("a diagnostic without a code keeps error:, in plain text and in colour")
    func labels() {
        let coded = Diagnostic(.error, "bad", at: SourceRange(at: SourceLocation(line: 1, column: 2, offset: 1)), code: "SyntaxError.UnexpectedSyntax")
        #expect(coded.render(source: "a b") == "1:2: error[SyntaxError.UnexpectedSyntax]: bad\na b\n ^")
        #expect(coded.render(source: "a b", color: true).contains("\u{1B}[1;31merror[SyntaxError.UnexpectedSyntax]:\u{1B}[0m"))
        #expect(coded.headline(fileName: "q.cypher") == "q.cypher:1:2: error[SyntaxError.UnexpectedSyntax]: bad")
        #expect(Diagnostic(.error, "cannot save").render(source: nil) == "error: cannot save")
    }

    /// The JSON object of the one error line `text` holds.
    static func errorObject(_ text: String) throws -> [String: Any] {
        #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1, "\(text)")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return try #require(object?["error"] as? [String: Any], "\(text)")
    }

    @Test("a JSON script writes the error as one JSON line: code, class, detail, gqlstatus, phase, message, position")
    func jsonError() throws {
        let (session, out, err) = try REPLFixture.session()
        session.mode = .json
        #expect(REPLFixture.run(session, "RETURN 1 AS one;\n\n  RETURN 1 / 0;\n") == 1)
        #expect(out.text == "[\n  {\"one\":1}\n]\n")
        let e = try Self.errorObject(err.text)
        #expect(e["code"] as? String == "ArithmeticError.DivisionByZero")
        #expect(e["class"] as? String == "ArithmeticError")
        #expect(e["detail"] as? String == "DivisionByZero")
        #expect(e["gqlstatus"] as? String == "22012")
        #expect(e["phase"] as? String == "runtime")
        #expect(e["message"] as? String == "Division by zero: 1 / 0")
        #expect(e["file"] as? String == "test.cypher")
        #expect(e["line"] as? Int == 3 && e["column"] as? Int == 10)
        #expect(e["hint"] is NSNull)
    }

    @Test("in JSON Lines too; a kind without GQLSTATUS or position has null there, a hint is kept")
    func jsonlError() throws {
        let (session, _, err) = try REPLFixture.session()
        session.mode = .jsonl
        #expect(REPLFixture.run(session, "MATCH (n) RETRUN n;\n") == 1)
        var e = try Self.errorObject(err.text)
        #expect(e["code"] as? String == "SyntaxError.UnexpectedSyntax")
        #expect(e["gqlstatus"] as? String == "42001")
        #expect(e["phase"] as? String == "compile time")
        #expect(e["hint"] as? String == "did you mean RETURN?")
        #expect(e["line"] as? Int == 1 && e["column"] as? Int == 11)
        let (limited, _, limitErr) = try REPLFixture.session()
        limited.mode = .json
        #expect(REPLFixture.run(limited, ":set maxRows 2\nUNWIND range(1, 10) AS i RETURN i;\n") == 1)
        e = try Self.errorObject(limitErr.text)
        #expect(e["code"] as? String == "ResourceLimit.TooManyRows")
        #expect(e["gqlstatus"] is NSNull)
    }

    @Test("the REPL in :mode json still prints errors as text")
    func interactiveJSONModeIsText() throws {
        let (session, _, err) = try REPLFixture.session(interactive: true)
        session.mode = .json
        #expect(REPLFixture.run(session, "RETURN 1 / 0;", fileName: nil) == 1)
        #expect(err.text.hasPrefix("1:8: error[ArithmeticError.DivisionByZero]: Division by zero"), "\(err.text)")
    }
}
