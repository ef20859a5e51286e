import ParleyGraph
import ParleyValues
import Testing

@testable import ParleyQuery

/// The functions added from the Cypher 5 / Cypher 25 manual: `elementId`, `timestamp`,
/// `randomUUID`, `btrim`/`ltrim`/`rtrim` with a character set, `normalize`, `char_length`,
/// `character_length`, `isEmpty` and the `coll.*` list functions.
@Suite("Cypher 5 and 25 functions")
struct NewFunctionsTests {
    /// The single value `RETURN expression` gives on the social graph.
    func value(_ expression: String) throws -> Value {
        try #require(try run("RETURN \(expression) AS v", on: try socialGraph()).rows.first?.first)
    }

    /// The error `RETURN expression` raises: its type, detail and start column.
    func error(_ expression: String) throws -> (type: String, detail: String?, column: Int?) {
        let e = try #require(failure("RETURN \(expression)", on: try socialGraph()), "no error for \(expression)")
        return (e.type, e.detail, e.range?.start.column)
    }

    @Test("elementId is a stable string per node and relationship: n<id> and r<id>")
    func elementId() throws {
        let rows = try run("MATCH (a {id: 'a'})-[k:KNOWS]->(b) RETURN elementId(a), elementId(k), elementId(b), id(a), id(k)",
                           on: try socialGraph()).rows
        let row = try #require(rows.first)
        guard case .int(let nodeId) = row[3], case .int(let relId) = row[4] else { Issue.record("ids: \(row)"); return }
        #expect(row[0] == .string("n\(nodeId)"))
        #expect(row[1] == .string("r\(relId)"))
        #expect(row[0] != row[2])
        let again = try run("MATCH (a {id: 'a'}) RETURN elementId(a)", on: try socialGraph()).rows
        #expect(again.first?.first == row[0])
        #expect(try value("elementId(null)") == .null)
        #expect(try error("elementId(1)") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("timestamp() is milliseconds since the epoch, the same all through one statement")
    func timestamp() throws {
        let rows = try run("UNWIND range(1, 200) AS i RETURN timestamp() AS t, datetime().epochMillis AS d", on: GraphStore()).rows
        #expect(Set(rows.map { $0[0] }).count == 1)
        #expect(rows[0][0] == rows[0][1])
        guard case .int(let ms) = rows[0][0] else { Issue.record("timestamp() gave \(rows[0][0])"); return }
        #expect(ms > 1_700_000_000_000)
    }

    @Test("randomUUID() is a fresh lower-case version 4 UUID per call")
    func randomUUID() throws {
        let rows = try run("UNWIND range(1, 50) AS i RETURN randomUUID() AS u", on: GraphStore()).rows
        #expect(Set(rows.map { $0[0] }).count == 50)
        for row in rows {
            guard case .string(let u) = row[0] else { Issue.record("randomUUID() gave \(row[0])"); continue }
            let parts = u.split(separator: "-").map(\.count)
            #expect(parts == [8, 4, 4, 4, 12], "\(u)")
            #expect(u == u.lowercased())
            #expect(Array(u)[14] == "4")
        }
    }

    @Test("btrim, ltrim and rtrim trim white space, or the characters of a given set")
    func trims() throws {
        #expect(try value("btrim('  hello  ')") == "hello")
        #expect(try value("ltrim('  hello  ')") == "hello  ")
        #expect(try value("rtrim('  hello  ')") == "  hello")
        #expect(try value("btrim('xyxhixyx', 'xy')") == "hi")
        #expect(try value("ltrim('xyxhixyx', 'xy')") == "hixyx")
        #expect(try value("rtrim('xyxhixyx', 'xy')") == "xyxhi")
        #expect(try value("btrim('aaa', 'a')") == "")
        #expect(try value("btrim('  hi  ', '')") == "  hi  ")
        #expect(try value("btrim(null, 'a')") == .null)
        #expect(try value("btrim('a', null)") == .null)
        #expect(try error("btrim(1)") == ("TypeError", "InvalidArgumentValue", 8))
        #expect(try error("ltrim('a', 1)") == ("TypeError", "InvalidArgumentValue", 8))
        #expect(try error("rtrim('a', 'b', 'c')").type == "SyntaxError")
    }

    @Test("normalize() gives NFC by default and NFD, NFKC, NFKD on request, as a bare word or a string")
    func normalize() throws {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        #expect(try value("normalize('e\\u0301')") == .string(composed))
        #expect(try value("normalize('\\u00E9', NFD)") == .string(decomposed))
        #expect(try value("normalize('\\u00E9', 'nfd')") == .string(decomposed))
        #expect(try value("normalize('\\uFB01', NFKC)") == "fi")
        #expect(try value("normalize('\\uFB01', NFC)") == "\u{FB01}")
        #expect(try value("size(normalize('\\u00E9', NFKD))") == 2)
        #expect(try value("normalize(null)") == .null)
        #expect(try error("normalize('a', 'NFX')") == ("ArgumentError", "InvalidArgumentValue", 8))
        #expect(try error("normalize(1)") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("char_length and character_length count code points")
    func charLength() throws {
        #expect(try value("char_length('héllo')") == 5)
        #expect(try value("character_length('')") == 0)
        #expect(try value("char_length('e\\u0301')") == 2)
        #expect(try value("character_length(null)") == .null)
        #expect(try error("char_length([1])") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("isEmpty() of strings, lists and maps; null gives null; other types are errors")
    func isEmpty() throws {
        #expect(try value("[isEmpty(''), isEmpty('a'), isEmpty([]), isEmpty([null]), isEmpty({}), isEmpty({a: 1})]")
                == [true, false, true, false, true, false])
        #expect(try value("isEmpty(null)") == .null)
        #expect(try error("isEmpty(1)") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("coll.distinct keeps the first of each equivalent value, in order")
    func collDistinct() throws {
        #expect(try value("coll.distinct([true, false, false, true, true, false])") == [true, false])
        #expect(try value("coll.distinct([1, 1.0, 'a', null, null, [1], [1]])") == [1, "a", .null, [1]])
        #expect(try value("coll.distinct(null)") == .null)
        #expect(try error("coll.distinct('abc')") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("coll.flatten splices nested lists, one level by default or as deep as asked")
    func collFlatten() throws {
        #expect(try value("coll.flatten([1, [2]])") == [1, 2])
        #expect(try value("coll.flatten([false, ['a']], 2)") == [false, "a"])
        #expect(try value("coll.flatten([1, [2, [3, [4]]]])") == [1, 2, [3, [4]]])
        #expect(try value("coll.flatten([1, [2, [3, [4]]]], 3)") == [1, 2, 3, 4])
        #expect(try value("coll.flatten([[1]], 0)") == [[1]])
        #expect(try error("coll.flatten([1], -1)") == ("ArgumentError", "NumberOutOfRange", 8))
        #expect(try error("coll.flatten([1], 'a')") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("coll.indexOf gives the first index of an equal value, or -1")
    func collIndexOf() throws {
        #expect(try value("coll.indexOf(['A', 'new', 'function'], 'new')") == 1)
        #expect(try value("coll.indexOf([1, 2, 3, 2], 2)") == 1)
        #expect(try value("coll.indexOf([1, 2], 2.0)") == 1)
        #expect(try value("coll.indexOf([1, 2], 5)") == -1)
        #expect(try value("coll.indexOf(null, 1)") == .null)
        #expect(try error("coll.indexOf(1, 1)") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("coll.insert puts a value at an index from 0 to the list's size; further is an error")
    func collInsert() throws {
        #expect(try value("coll.insert([1, 2, 4], 2, 3)") == [1, 2, 3, 4])
        #expect(try value("coll.insert([1, 2], 0, 0)") == [0, 1, 2])
        #expect(try value("coll.insert([1, 2], 2, null)") == [1, 2, .null])
        #expect(try error("coll.insert([1, 2], 3, 0)") == ("ArgumentError", "NumberOutOfRange", 8))
        #expect(try error("coll.insert([1, 2], -1, 0)") == ("ArgumentError", "NumberOutOfRange", 8))
        #expect(try error("coll.insert([1, 2], 1.5, 0)") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("coll.remove drops the element at an index; an index outside the list is an error")
    func collRemove() throws {
        #expect(try value("coll.remove(['a', 'a', 'b', 'c', 'd'], 2)") == ["a", "a", "c", "d"])
        #expect(try value("coll.remove([1], 0)") == [])
        #expect(try error("coll.remove([1, 2], 2)") == ("ArgumentError", "NumberOutOfRange", 8))
        #expect(try error("coll.remove([], 0)") == ("ArgumentError", "NumberOutOfRange", 8))
    }

    @Test("coll.max and coll.min use ORDER BY's ordering and skip nulls")
    func collMaxMin() throws {
        #expect(try value("coll.max([1.5, 2, 5.4, 0, 4])") == 5.4)
        #expect(try value("coll.min([1.5, 2, 5.4, 0, 4])") == 0)
        #expect(try value("coll.max([null, 1, null])") == 1)
        #expect(try value("coll.max([])") == .null)
        #expect(try value("coll.max([1, 'a', true])") == 1)
        #expect(try value("coll.min([1, 'a', true])") == "a")
        #expect(try error("coll.min({a: 1})") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("coll.sort orders ascending by ORDER BY's ordering, nulls last")
    func collSort() throws {
        #expect(try value("coll.sort([3, 1, 4, 2, 'a', 'c', 'b'])") == ["a", "b", "c", 1, 2, 3, 4])
        #expect(try value("coll.sort([2, null, 1.5, 1])") == [1, 1.5, 2, .null])
        #expect(try value("coll.sort([])") == [])
        #expect(try error("coll.sort(true)") == ("TypeError", "InvalidArgumentValue", 8))
    }

    @Test("a coll.* call with the wrong number of arguments is a syntax error; a misspelt one suggests the name")
    func arity() throws {
        #expect(try error("coll.insert([1], 0)").type == "SyntaxError")
        let e = try #require(failure("RETURN coll.sortt([1])"))
        #expect(e.hint == "did you mean coll.sort?")
    }
}
