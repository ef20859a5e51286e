import Testing
import ParleyGraph
@testable import ParleyQuery

@Suite("Parser")
struct ParserTests {
    @Test("a misspelled clause keyword is reported with its position and a suggestion")
    func misspelledKeyword() throws {
        let e = try #require(failure("MATCH (n)\nRETRUN n"))
        #expect(e.type == "SyntaxError")
        #expect(e.phase == .compileTime)
        #expect(e.message.hasPrefix("Invalid input 'RETRUN': expected"))
        #expect(e.range?.start.line == 2)
        #expect(e.range?.start.column == 1)
        #expect(e.hint == "did you mean RETURN?")
    }

    @Test("a misspelled first keyword suggests MATCH")
    func misspelledMatch() throws {
        let e = try #require(failure("MATHC (n) RETURN n"))
        #expect(e.hint == "did you mean MATCH?")
        #expect(e.range?.start.column == 1)
    }

    @Test("a missing closing parenthesis names what was expected and what was found")
    func missingParen() throws {
        let e = try #require(failure("MATCH (n RETURN n"))
        #expect(e.message == "Invalid input 'RETURN': expected ')'")
        #expect(e.range?.start.column == 10)
    }

    @Test("unexpected end of input")
    func unexpectedEnd() throws {
        let e = try #require(failure("RETURN 1 +"))
        #expect(e.message == "Invalid input: unexpected end of input: expected an expression")
    }

    @Test("precedence: AND binds tighter than OR, NOT tighter than AND")
    func precedence() throws {
        let g = GraphStore()
        #expect(column(try run("RETURN true OR false AND false", on: g)) == [true])
        #expect(column(try run("RETURN NOT false AND false", on: g)) == [false])
        #expect(column(try run("RETURN true XOR true OR true", on: g)) == [true])
    }

    @Test("chained comparisons mean a conjunction")
    func chainedComparison() throws {
        let g = GraphStore()
        #expect(try run("RETURN 1 < 2 < 3, 3 > 2 > 2", on: g).rows == [[true, false]])
    }

    @Test("integer literals: hex, octal, the minimum value, overflow and invalid digits")
    func integerLiterals() throws {
        let g = GraphStore()
        #expect(try run("RETURN 0x1F, 0o17, -9223372036854775808", on: g).rows == [[31, 15, .int(Int64.min)]])
        #expect(failure("RETURN 9223372036854775808")?.detail == "IntegerOverflow")
        #expect(failure("RETURN 0x")?.detail == "InvalidNumberLiteral")
        #expect(failure("RETURN 9223372h54775808")?.detail == "InvalidNumberLiteral")
    }

    @Test("column names are the expression text as written")
    func columnNames() throws {
        let r = try run("RETURN 1 +  2, 'x' AS y, [1, 2] ", on: GraphStore())
        #expect(r.columns == ["1 +  2", "y", "[1, 2]"])
    }

    @Test("keywords are case-insensitive")
    func caseInsensitive() throws {
        let r = try run("match (p:Person) where p.age > 26 return p.name order by p.name desc", on: socialGraph())
        #expect(column(r) == ["Carol", "Alice"])
    }

    @Test("a trailing semicolon is accepted; text after it is not")
    func semicolon() throws {
        #expect(try run("RETURN 1;", on: GraphStore()).rows == [[1]])
        #expect(failure("RETURN 1; RETURN 2") != nil)
    }
}
