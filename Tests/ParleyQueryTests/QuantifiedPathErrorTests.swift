import Testing
import ParleyGraph
import ParleyValues
@testable import ParleyQuery

/// The compile-time errors of quantified path patterns and path selectors, each at the place
/// in the query it is about.
@Suite("Quantified path patterns and path selectors: errors with positions")
struct QuantifiedPathErrorTests {
    /// The error `query` raises, which must be a compile-time error of `type` starting at `column` (line 1).
    func error(_ query: String, _ type: String, column: Int, mentions words: String) throws {
        let e = try #require(failure(query), "\(query) should fail")
        #expect(e.phase == .compileTime, "\(query)")
        #expect(e.type == type, "\(query): \(e.type)")
        #expect(e.range?.start.line == 1 && e.range?.start.column == column, "\(query): at \(e.range?.description ?? "nowhere"), \(e.message)")
        #expect(e.message.contains(words), "\(query): \(e.message)")
    }

    @Test("quantifiers: bounds the wrong way round, an upper bound of 0, a single node, nesting")
    func quantifiers() throws {
        try error("MATCH (a)-->{3,1}(b) RETURN a", "SyntaxError", column: 13, mentions: "lower bound (3)")
        try error("MATCH (a) ((x)-->(y)){,0} (b) RETURN a", "SyntaxError", column: 22, mentions: "greater than 0")
        try error("MATCH ((x)){2} RETURN x", "SyntaxError", column: 7, mentions: "at least one relationship")
        try error("MATCH ((x)-[:R]->+(y)){1,2} RETURN x", "SyntaxError", column: 18, mentions: "cannot be nested")
        try error("MATCH (a)-[*1..2]->{2}(b) RETURN a", "SyntaxError", column: 20, mentions: "cannot also be quantified")
        try error("MATCH (a)(b) RETURN a", "SyntaxError", column: 10, mentions: "Juxtaposed")
    }

    @Test("group variables: new inside the group, a list outside, and no mixing with -[*]-")
    func groupVariables() throws {
        try error("MATCH (a) ((a)-->(b)){2} RETURN a", "SyntaxError", column: 12, mentions: "already declared")
        try error("MATCH (x)-[r]->(y) MATCH (y)-[r]->+(z) RETURN z", "SyntaxError", column: 29, mentions: "already declared")
        try error("MATCH (x)-[*]->(y), (y)-->+(z) RETURN z", "SyntaxError", column: 27, mentions: "cannot be mixed")
        try error("MATCH (x)-->(y) ((a)-->(b) WHERE a.v = y.v){1,2} (z) RETURN z", "SyntaxError", column: 40, mentions: "`y` cannot be used")
        // Outside the group, `a` is a list of nodes: a node operation on it is a type error.
        let e = try #require(failure("MATCH ((a)-->(b)){1,2} MATCH (a)-->(c) RETURN c"))
        #expect(e.type == "SyntaxError" && e.range?.start.column == 30, "\(e.message)")
    }

    @Test("path selectors need a quantified or variable-length part and cannot be written")
    func selectors() throws {
        try error("MATCH p = SHORTEST 1 (a)-->(b) RETURN p", "SyntaxError", column: 11, mentions: "quantified or variable-length")
        try error("MATCH p = ANY 0 (a)-->+(b) RETURN p", "SyntaxError", column: 15, mentions: "at least 1")
        try error("CREATE (a)-[:R]->{2}(b)", "SyntaxError", column: 18, mentions: "CREATE")
        try error("MATCH p = SHORTEST (a)-->+(b) RETURN p", "SyntaxError", column: 20, mentions: "number of paths")
    }

    @Test("valid forms parse and run: +, *, {n}, {m,}, {,n}, selectors with PATH/PATHS/GROUP")
    func validForms() throws {
        let g = try socialGraph()
        for q in [
            "MATCH (a)-[:KNOWS]->+(b) RETURN count(*)", "MATCH (a)-[:KNOWS]->*(b) RETURN count(*)",
            "MATCH (a)-[:KNOWS]->{2}(b) RETURN count(*)", "MATCH (a)-[:KNOWS]->{1,}(b) RETURN count(*)",
            "MATCH (a)-[:KNOWS]->{,2}(b) RETURN count(*)", "MATCH ((a)-[:KNOWS]->(b)){1,2} RETURN count(*)",
            "MATCH p = SHORTEST 1 GROUP (a)-->+(b) RETURN count(*)", "MATCH p = ALL PATHS (a)-->+(b) RETURN count(*)",
            "MATCH ANY 2 PATHS (a)-->+(b) RETURN count(*)",
        ] {
            #expect(throws: Never.self, "\(q)") { _ = try run(q, on: g) }
        }
        let counts = try run("MATCH (a)-[:KNOWS]->{2}(b) RETURN a.name, b.name", on: g)
        #expect(counts.rows == [["Alice", "Carol"]])
        let star = try run("MATCH (a {id: 'a'})-[:KNOWS]->*(b) RETURN b.name ORDER BY b.name", on: g)
        #expect(column(star) == ["Alice", "Bob", "Carol"])
    }
}
