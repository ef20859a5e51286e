import ParleyGraph
import ParleyValues
import Testing

@testable import ParleyQuery

/// Type predicates (`x IS :: INTEGER`, `x :: STRING`, `IS NOT ::`, `NOT NULL`, unions, lists)
/// on every kind of value, with the Cypher manual's null semantics.
@Suite("Type predicate expressions")
struct TypePredicateTests {
    /// One value of every kind, as an expression over `n`, `r`, `p` (a node, relationship and
    /// path of the social graph), with the canonical name of its type.
    static let values: [(expression: String, type: String)] = [
        ("null", "NULL"), ("true", "BOOLEAN"), ("1", "INTEGER"), ("1.5", "FLOAT"), ("'s'", "STRING"),
        ("date('2024-01-02')", "DATE"), ("localtime('12:00')", "LOCAL TIME"), ("time('12:00+01:00')", "ZONED TIME"),
        ("localdatetime('2024-01-02T12:00')", "LOCAL DATETIME"), ("datetime('2024-01-02T12:00Z')", "ZONED DATETIME"),
        ("duration('P1D')", "DURATION"), ("[1, 2]", "LIST"), ("{a: 1}", "MAP"), ("n", "NODE"), ("r", "RELATIONSHIP"),
        ("p", "PATH"),
    ]

    /// Every simple type name and synonym, with the canonical name it means.
    static let names: [(name: String, type: String)] = [
        ("BOOLEAN", "BOOLEAN"), ("BOOL", "BOOLEAN"), ("STRING", "STRING"), ("VARCHAR", "STRING"),
        ("INTEGER", "INTEGER"), ("INT", "INTEGER"), ("SIGNED INTEGER", "INTEGER"), ("FLOAT", "FLOAT"),
        ("DATE", "DATE"), ("LOCAL TIME", "LOCAL TIME"), ("TIME WITHOUT TIME ZONE", "LOCAL TIME"),
        ("TIME WITHOUT TIMEZONE", "LOCAL TIME"), ("ZONED TIME", "ZONED TIME"), ("TIME WITH TIME ZONE", "ZONED TIME"),
        ("LOCAL DATETIME", "LOCAL DATETIME"), ("TIMESTAMP WITHOUT TIME ZONE", "LOCAL DATETIME"),
        ("ZONED DATETIME", "ZONED DATETIME"), ("TIMESTAMP WITH TIMEZONE", "ZONED DATETIME"),
        ("DURATION", "DURATION"), ("MAP", "MAP"), ("ANY MAP", "MAP"), ("NODE", "NODE"), ("ANY NODE", "NODE"),
        ("VERTEX", "NODE"), ("ANY VERTEX", "NODE"), ("RELATIONSHIP", "RELATIONSHIP"), ("ANY RELATIONSHIP", "RELATIONSHIP"),
        ("EDGE", "RELATIONSHIP"), ("ANY EDGE", "RELATIONSHIP"), ("PATH", "PATH"), ("LIST<INTEGER>", "LIST"),
        ("ARRAY<INT>", "LIST"), ("INTEGER LIST", "LIST"), ("INT ARRAY", "LIST"),
    ]

    /// The value of `expression` (one row) with `n`, `r`, `p` bound.
    func evaluate(_ expression: String) throws -> Value {
        let result = try run("MATCH p = (n {id: 'a'})-[r:KNOWS]->() RETURN \(expression) AS v", on: try socialGraph())
        return try #require(result.rows.first?.first)
    }

    @Test("IS :: holds for values of the named type and for null, under every synonym")
    func everyTypeOnEveryValue() throws {
        for (name, type) in Self.names {
            for (expression, valueType) in Self.values {
                let expected = valueType == type || valueType == "NULL"
                #expect(try evaluate("\(expression) IS :: \(name)") == .bool(expected), "\(expression) IS :: \(name)")
            }
        }
    }

    @Test("NOT NULL excludes null; IS NOT :: is the negation, so null IS NOT :: T is false")
    func notNullAndNegation() throws {
        for (expression, valueType) in Self.values {
            for (name, type) in Self.names.prefix(12) {
                let holds = valueType == type
                #expect(try evaluate("\(expression) IS :: \(name) NOT NULL") == .bool(holds), "\(expression) \(name) NOT NULL")
                #expect(try evaluate("\(expression) IS NOT :: \(name)") == .bool(!(holds || valueType == "NULL")))
                #expect(try evaluate("\(expression) IS NOT :: \(name) NOT NULL") == .bool(!holds))
                #expect(try evaluate("\(expression) :: \(name)") == .bool(holds || valueType == "NULL"))
                #expect(try evaluate("\(expression) IS TYPED \(name)") == .bool(holds || valueType == "NULL"))
                #expect(try evaluate("\(expression) IS NOT TYPED \(name)") == .bool(!(holds || valueType == "NULL")))
            }
        }
    }

    @Test("ANY holds for everything, NOTHING for nothing, NULL only for null, PROPERTY VALUE for storable values")
    func specialTypes() throws {
        for (expression, valueType) in Self.values {
            #expect(try evaluate("\(expression) IS :: ANY") == .bool(true))
            #expect(try evaluate("\(expression) IS :: ANY VALUE") == .bool(true))
            #expect(try evaluate("\(expression) IS :: ANY NOT NULL") == .bool(valueType != "NULL"))
            #expect(try evaluate("\(expression) IS :: NOTHING") == .bool(false))
            #expect(try evaluate("\(expression) IS :: NULL") == .bool(valueType == "NULL"))
            let storable = !["MAP", "NODE", "RELATIONSHIP", "PATH"].contains(valueType)
            #expect(try evaluate("\(expression) IS :: PROPERTY VALUE") == .bool(storable), "\(expression)")
            #expect(try evaluate("\(expression) IS :: ANY PROPERTY VALUE NOT NULL") == .bool(storable && valueType != "NULL"))
            // Parley has no spatial values: POINT holds only null.
            #expect(try evaluate("\(expression) IS :: POINT") == .bool(valueType == "NULL"))
        }
        #expect(try evaluate("[1, 'a'] IS :: PROPERTY VALUE") == .bool(false))
    }

    @Test("closed dynamic unions hold for any member; ANY<...> is the same union")
    func unions() throws {
        #expect(try column(run("UNWIND [42, 42.0, '42', null] AS v RETURN v IS :: INTEGER | FLOAT", on: GraphStore()))
                == [true, true, false, true])
        #expect(try column(run("UNWIND [42, 42.0, '42', null] AS v RETURN v IS :: ANY<INTEGER NOT NULL | FLOAT NOT NULL>", on: GraphStore()))
                == [true, true, false, false])
        #expect(try evaluate("[1, 0, true, false] IS :: LIST<BOOLEAN | INTEGER>") == .bool(true))
        #expect(try evaluate("n IS :: NODE | RELATIONSHIP") == .bool(true))
        #expect(try evaluate("p IS :: NODE | RELATIONSHIP") == .bool(false))
    }

    @Test("a union mixing nullable and NOT NULL members is a syntax error at the union")
    func mixedNullability() throws {
        let error = try #require(failure("RETURN 1 IS :: INTEGER NOT NULL | FLOAT"))
        #expect(error.type == "SyntaxError")
        #expect(error.range?.start.column == 16)
        #expect(error.message.contains("closed dynamic union"))
    }

    @Test("LIST<T> holds when every element is a T (null elements unless T is NOT NULL); [] is every list")
    func lists() throws {
        #expect(try column(run("UNWIND [[42], [42, null], [42, 42.0]] AS v RETURN v IS :: LIST<INTEGER>", on: GraphStore()))
                == [true, true, false])
        #expect(try evaluate("[42, null] IS :: LIST<INTEGER NOT NULL>") == .bool(false))
        #expect(try evaluate("[] IS :: LIST<NOTHING>") == .bool(true))
        #expect(try evaluate("[] IS :: LIST<FLOAT NOT NULL>") == .bool(true))
        #expect(try evaluate("[[1], [2, 3]] IS :: LIST<LIST<INTEGER>>") == .bool(true))
        #expect(try evaluate("[[1], ['a']] IS :: LIST<LIST<INTEGER>>") == .bool(false))
        #expect(try evaluate("[n, r] IS :: LIST<NODE | RELATIONSHIP>") == .bool(true))
        #expect(try evaluate("'abc' IS :: LIST<ANY>") == .bool(false))
        #expect(try evaluate("[1] IS :: INTEGER LIST NOT NULL") == .bool(true))
    }

    @Test("a type predicate binds like IS NULL: tighter than AND and NOT, looser than arithmetic")
    func precedence() throws {
        #expect(try evaluate("1 + 1 IS :: INTEGER") == .bool(true))
        #expect(try evaluate("NOT 1 IS :: STRING") == .bool(true))
        #expect(try evaluate("1 IS :: INTEGER AND 'a' IS :: STRING") == .bool(true))
        // In a list comprehension, `| x` after a type is the projection, not a union member.
        #expect(try evaluate("[x IN [1, 'a', 2] WHERE x :: INTEGER | x * 10]") == [10, 20])
        #expect(try column(run("MATCH (n:Person) WHERE n.age IS :: INTEGER AND n.age > 26 RETURN n.name ORDER BY n.name",
                               on: try socialGraph())) == ["Alice", "Carol"])
    }

    @Test("a misspelt type is a syntax error at the type")
    func unknownType() throws {
        let error = try #require(failure("RETURN 1 IS :: INTEGRE"))
        #expect(error.type == "SyntaxError")
        #expect(error.range?.start.column == 16)
    }
}
