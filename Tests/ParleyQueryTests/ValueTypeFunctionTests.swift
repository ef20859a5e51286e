import ParleyGraph
import ParleyValues
import Testing

@testable import ParleyQuery

/// `valueType()`: the canonical, most precise type of a value, as a string.
@Suite("valueType()")
struct ValueTypeFunctionTests {
    /// The value of `expression` with `n`, `r`, `p` bound on the social graph.
    func evaluate(_ expression: String) throws -> Value {
        let result = try run("MATCH p = (n {id: 'a'})-[r:KNOWS]->() RETURN \(expression) AS v", on: try socialGraph())
        return try #require(result.rows.first?.first)
    }

    @Test("every kind of value has its NOT NULL type; null is NULL")
    func everyKind() throws {
        let expected: [(String, String)] = [
            ("null", "NULL"), ("true", "BOOLEAN NOT NULL"), ("1", "INTEGER NOT NULL"), ("1.5", "FLOAT NOT NULL"),
            ("'s'", "STRING NOT NULL"), ("date('2024-01-02')", "DATE NOT NULL"), ("localtime('12:00')", "LOCAL TIME NOT NULL"),
            ("time('12:00+01:00')", "ZONED TIME NOT NULL"), ("localdatetime('2024-01-02T12:00')", "LOCAL DATETIME NOT NULL"),
            ("datetime('2024-01-02T12:00Z')", "ZONED DATETIME NOT NULL"), ("duration('P1D')", "DURATION NOT NULL"),
            ("{a: 1}", "MAP NOT NULL"), ("n", "NODE NOT NULL"), ("r", "RELATIONSHIP NOT NULL"), ("p", "PATH NOT NULL"),
        ]
        for (expression, type) in expected {
            #expect(try evaluate("valueType(\(expression))") == .string(type), "\(expression)")
        }
    }

    @Test("a list's element type is the union of its elements' types, nullable when an element is null")
    func lists() throws {
        #expect(try evaluate("valueType([1, 2])") == "LIST<INTEGER NOT NULL> NOT NULL")
        #expect(try evaluate("valueType([])") == "LIST<NOTHING> NOT NULL")
        #expect(try evaluate("valueType([null])") == "LIST<NULL> NOT NULL")
        #expect(try evaluate("valueType([1, null])") == "LIST<INTEGER> NOT NULL")
        #expect(try evaluate("valueType([1, 'a'])") == "LIST<STRING NOT NULL | INTEGER NOT NULL> NOT NULL")
        #expect(try evaluate("valueType([[1], [2]])") == "LIST<LIST<INTEGER NOT NULL> NOT NULL> NOT NULL")
    }

    @Test("a value is always of the type valueType() gives it")
    func agreesWithTypePredicates() throws {
        let result = try run("""
            MATCH p = (n {id: 'a'})-[r:KNOWS]->()
            UNWIND [null, true, 1, 1.5, 's', [1, 'a', null], {a: 1}, n, r, p, date('2024-01-02'), duration('PT1S')] AS v
            RETURN v, valueType(v) AS t
            """, on: try socialGraph())
        #expect(result.rows.count == 12)
        for row in result.rows {
            guard case .string(let type) = row[1] else { Issue.record("valueType gave \(row[1])"); continue }
            var parser = try Parser(type)
            let parsed = try parser.cypherType()
            #expect(parsed.contains(row[0]), "\(row[0]) IS :: \(type)")
        }
    }
}
