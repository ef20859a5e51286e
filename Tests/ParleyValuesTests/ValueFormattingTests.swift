import Foundation
import Testing
@testable import ParleyValues

@Suite("Value.cypherLiteral and toCypherString")
struct ValueFormattingTests {
    @Test("floats print like Java's Double.toString", arguments: [
        (1.0, "1.0"), (-1.0, "-1.0"), (0.0, "0.0"), (-0.0, "-0.0"), (100.0, "100.0"), (0.1, "0.1"),
        (123.456, "123.456"), (0.001, "0.001"), (0.0001, "1.0E-4"), (9999999.0, "9999999.0"),
        (1e7, "1.0E7"), (1e10, "1.0E10"), (1.5e-10, "1.5E-10"), (2.5e15, "2.5E15"), (1e22, "1.0E22"),
        (1234567.5, "1234567.5"), (1e-305, "1.0E-305"), (1.7976931348623157e308, "1.7976931348623157E308"),
        (-2.5e-7, "-2.5E-7"), (12345678.9, "1.23456789E7"),
    ])
    func floats(value: Double, text: String) {
        #expect(Value.double(value).cypherLiteral(in: nil) == text)
        #expect(Value.double(value).toCypherString() == text)
    }

    @Test("float text parses back to the same double")
    func floatRoundTrip() {
        for d in [0.1, 1.0 / 3, 2.0 / 3e-20, 6.02214076e23, Double.leastNonzeroMagnitude, 4.35e-7, 98765.4321] {
            let text = Value.double(d).cypherLiteral(in: nil)
            #expect(Double(text) == d, "\(text)")
        }
    }

    @Test("NaN and infinities")
    func specialFloats() {
        #expect(Value.double(.nan).cypherLiteral(in: nil) == "NaN")
        #expect(Value.double(.infinity).cypherLiteral(in: nil) == "Infinity")
        #expect(Value.double(-.infinity).cypherLiteral(in: nil) == "-Infinity")
    }

    @Test("scalars")
    func scalars() {
        #expect(Value.null.cypherLiteral(in: nil) == "null")
        #expect(Value.bool(true).cypherLiteral(in: nil) == "true")
        #expect(Value.int(-42).cypherLiteral(in: nil) == "-42")
        #expect(Value.int(.min).cypherLiteral(in: nil) == "-9223372036854775808")
    }

    @Test("strings are single-quoted with backslash escapes")
    func strings() {
        #expect(Value.string("it's").cypherLiteral(in: nil) == #"'it\'s'"#)
        #expect(Value.string(#"a\b"#).cypherLiteral(in: nil) == #"'a\\b'"#)
        #expect(Value.string("Foo\nFoo\tx\r").cypherLiteral(in: nil) == #"'Foo\nFoo\tx\r'"#)
        #expect(Value.string("\u{1}\u{7F}").cypherLiteral(in: nil) == #"'\u0001\u007F'"#)
        #expect(Value.string("\"Astana\" — Астана").cypherLiteral(in: nil) == "'\"Astana\" — Астана'")
        #expect(Value.string("").cypherLiteral(in: nil) == "''")
    }

    @Test("lists and maps; map keys sorted, odd keys back-quoted")
    func containers() {
        #expect(Value.list([1, "a", .null, [true], []]).cypherLiteral(in: nil) == "[1, 'a', null, [true], []]")
        #expect(Value.map(["b": 1, "a": "x"]).cypherLiteral(in: nil) == "{a: 'x', b: 1}")
        #expect(Value.map([:]).cypherLiteral(in: nil) == "{}")
        #expect(Value.map(["first name": 1, "k": [0.5]]).cypherLiteral(in: nil) == "{`first name`: 1, k: [0.5]}")
        #expect(Value.list([["k": -0.000001]]).cypherLiteral(in: nil) == "[{k: -1.0E-6}]")
    }

    @Test("symbolic names are back-quoted only when needed")
    func symbolicNames() {
        #expect(Value.symbolicName("name") == "name")
        #expect(Value.symbolicName("_x1") == "_x1")
        #expect(Value.symbolicName("État") == "État")
        #expect(Value.symbolicName("first name") == "`first name`")
        #expect(Value.symbolicName("1abc") == "`1abc`")
        #expect(Value.symbolicName("a`b") == "`a``b`")
        #expect(Value.symbolicName("") == "``")
    }

    @Test("without a graph, elements print their internal ids")
    func noGraph() {
        #expect(Value.node(3).cypherLiteral(in: nil) == "(#3)")
        #expect(Value.relationship(7).cypherLiteral(in: nil) == "[#7]")
        #expect(Value.path(Path(nodes: [1, 2], relationships: [0])).cypherLiteral(in: nil) == "<(#1)-[#0]->(#2)>")
    }

    @Test("toCypherString: numbers, booleans and strings only")
    func toCypherString() {
        #expect(Value.int(42).toCypherString() == "42")
        #expect(Value.double(2.3).toCypherString() == "2.3")
        #expect(Value.bool(false).toCypherString() == "false")
        #expect(Value.string("it's").toCypherString() == "it's")
        #expect(Value.null.toCypherString() == nil)
        #expect(Value.list([1]).toCypherString() == nil)
        #expect(Value.map([:]).toCypherString() == nil)
        #expect(Value.node(0).toCypherString() == nil)
    }
}

@Suite("Value.jsonText")
struct ValueJSONTests {
    /// Parses JSON text with Foundation, to check it is valid JSON.
    func parse(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test("scalars; NaN and infinities become null")
    func scalars() {
        #expect(Value.null.jsonText(in: nil) == "null")
        #expect(Value.bool(true).jsonText(in: nil) == "true")
        #expect(Value.int(-7).jsonText(in: nil) == "-7")
        #expect(Value.double(1.0).jsonText(in: nil) == "1.0")
        #expect(Value.double(1.5e-10).jsonText(in: nil) == "1.5E-10")
        #expect(Value.double(.nan).jsonText(in: nil) == "null")
        #expect(Value.double(-.infinity).jsonText(in: nil) == "null")
        #expect((parse(Value.double(1.5e-10).jsonText(in: nil)) as? Double) == 1.5e-10)
    }

    @Test("strings escape quotes, backslashes and control characters")
    func strings() {
        let s = "a\"b\\c\nd\te\u{1}f\u{2028}é"
        let json = Value.string(s).jsonText(in: nil)
        #expect(json == #""a\"b\\c\nd\te\u0001f\u2028é""#)
        #expect((parse(json) as? String) == s)
    }

    @Test("lists and maps, keys sorted")
    func containers() {
        let v = Value.map(["b": [1, 2.5, .null], "a": ["x": "y"]])
        #expect(v.jsonText(in: nil) == #"{"a":{"x":"y"},"b":[1,2.5,null]}"#)
        #expect(parse(v.jsonText(in: nil)) != nil)
    }
}
