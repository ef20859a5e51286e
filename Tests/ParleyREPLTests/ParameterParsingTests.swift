import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyREPL

/// Parameter names follow `$name` (letters, digits, `_`, or backquoted); values are one
/// expression whose errors point into the text the user typed.
@Suite("Parameter names and values")
struct ParameterParsingTests {
    @Test("names: letters, digits and _, or backquoted; a leading $ allowed", arguments: [
        ("city", "city"), ("$city", "city"), ("_x1", "_x1"), ("0", "0"), ("Город", "Город"),
        ("`home town`", "home town"), ("$`a``b`", "a`b"),
    ])
    func validNames(_ written: String, _ name: String) {
        #expect(ParameterParsing.wholeName(written) == name)
    }

    @Test("not names: empty, spaces, punctuation, an empty or unclosed backquote", arguments: [
        "", "$", "a b", "a-b", "x.y", "``", "`open", "$$x",
    ])
    func invalidNames(_ written: String) {
        #expect(ParameterParsing.wholeName(written) == nil)
    }

    @Test("--param NAME=VALUE splits at the name's end, so a backquoted name may hold '='")
    func assignments() throws {
        let plain = try ParameterParsing.assignment("x=[1, 2]").get()
        #expect(plain.name == "x" && plain.value == "[1, 2]")
        let dollar = try ParameterParsing.assignment("$x==1").get()
        #expect(dollar.name == "x" && dollar.value == "=1")
        let quoted = try ParameterParsing.assignment("`a=b`=2").get()
        #expect(quoted.name == "a=b" && quoted.value == "2")
    }

    @Test("--param with a bad name or no value is a usage error naming what was typed", arguments: [
        ("=1", "--param '=1': the parameter name before '=' is missing"),
        ("$=1", "--param '$=1': the parameter name before '=' is missing"),
        ("a b=1", "--param 'a b=1': 'a b' is not a parameter name: use letters, digits and _, or backquotes (`a b`)"),
        ("x", "--param expects name=value, not 'x'"),
        ("x=", "--param 'x=': the value after '=' is missing"),
        ("x=  ", "--param 'x=  ': the value after '=' is missing"),
    ])
    func badAssignments(_ text: String, _ message: String) {
        guard case .failure(let problem) = ParameterParsing.assignment(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
    }

    @Test("a value's syntax error is positioned in the value, not in a RETURN wrapper")
    func positionedValueError() throws {
        guard case .failure(let error) = ParameterParsing.evaluate("[1,", graph: GraphStore(), parameters: [:]) else {
            Issue.record("[1, was accepted")
            return
        }
        #expect(error.range?.start.column == 4)
        #expect(!error.message.contains("AS"))
    }

    @Test("more than one expression is refused: AS, commas, clauses", arguments: [
        "1 AS y", "1, 2", "1 UNION RETURN 1", "1 ORDER BY 1", "DISTINCT 1", "1 // one\nAS y",
    ])
    func notOneValue(_ text: String) {
        guard case .failure(let error) = ParameterParsing.evaluate(text, graph: GraphStore(), parameters: [:]) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.message.hasSuffix("expected the end of the value (one expression, without AS, commas or clauses)"), "\(error.message)")
    }

    @Test("constant expressions and earlier parameters are values", arguments: [
        ("1 + 2", Value.int(3)), (" 'Astana' ", Value.string("Astana")), ("[1, 2][0]", Value.int(1)), ("$n * 2", Value.int(6)),
        ("1 // one", Value.int(1)), ("[1, /* two */ 2] /* a list */", Value.list([1, 2])), ("'a//b'", Value.string("a//b")),
    ])
    func values(_ text: String, _ value: Value) throws {
        #expect(try ParameterParsing.evaluate(text, graph: GraphStore(), parameters: ["n": 3]).get() == value)
    }

    @Test(":param takes a backquoted name, which a query then uses as $`…`")
    func backquotedParam() throws {
        let (session, out, _) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":param `home town` 'Astana'\nRETURN $`home town` AS t;") == 0)
        #expect(session.parameters["home town"] == .string("Astana"))
        #expect(out.text.contains("Astana"))
    }

    @Test(":param value errors point into the value, after => too")
    func paramValueError() throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":param x => [1,") == 1)
        #expect(err.text == """
            test.cypher:1:16: error[SyntaxError.UnexpectedSyntax]: Invalid input: unexpected end of input: expected an expression
            :param x => [1,
                           ^

            """)
    }
}
