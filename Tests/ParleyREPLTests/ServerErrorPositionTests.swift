import ParleyBolt
import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyREPL

/// A server's syntax error that gives a position (Neo4j's `(line L, column C (offset: O))`) is
/// shown like a local one: the script's file, line and column, the statement's line and a caret.
@Suite("Bolt: a server error's position under a caret")
struct ServerErrorPositionTests {
    static let neo4jMessage = """
        Invalid input 'RETRUN': expected 'FOREACH', 'RETURN' or 'WITH' (line 2, column 11 (offset: 20))
        "MATCH (n) RETRUN n"
                   ^
        """

    @Test("Neo4j's message: the position is read and the server's echoed line and caret dropped")
    func parse() throws {
        let p = try #require(BoltErrorPosition(message: Self.neo4jMessage))
        #expect(p == BoltErrorPosition(line: 2, column: 11, message: "Invalid input 'RETRUN': expected 'FOREACH', 'RETURN' or 'WITH'"))
        let bare = try #require(BoltErrorPosition(message: "Variable `x` not defined (line 1, column 8 (offset: 7))"))
        #expect(bare == BoltErrorPosition(line: 1, column: 8, message: "Variable `x` not defined"))
    }

    @Test("messages without a position, or with a malformed one, give none")
    func noPosition() {
        #expect(BoltErrorPosition(message: "Invalid input 'RETRUN'") == nil)
        #expect(BoltErrorPosition(message: "Procedure `algo.x` is not registered") == nil)
        #expect(BoltErrorPosition(message: "bad (line x, column 3 (offset: 2))") == nil)
        #expect(BoltErrorPosition(message: "bad (line 1, row 3)") == nil)
        #expect(BoltErrorPosition(message: "bad (line 0, column 3 (offset: 2))") == nil)
    }

    @Test("a column in UTF-16 units becomes a column in Unicode scalars")
    func utf16Columns() {
        // "😀" is two UTF-16 units and one scalar: Neo4j's column 5 is the scalar column 4.
        #expect(BoltErrorPosition(line: 1, column: 5, message: "").scalarColumn(in: "a😀 x") == 4)
        #expect(BoltErrorPosition(line: 1, column: 3, message: "").scalarColumn(in: "abc") == 3)
        #expect(BoltErrorPosition(line: 1, column: 9, message: "").scalarColumn(in: "abc") == 9, "past the end stays past the end")
    }

    @Test("in a script, the error points at the script's line and column with the statement's line under it")
    func rendered() throws {
        func message(_ signature: UInt8, _ fields: [BoltValue]) throws -> [UInt8] {
            BoltChunker.frame(try PackStreamEncoder.bytes(of: .structure(BoltStructure(signature: signature, fields: fields))))
        }
        func success(_ meta: BoltMap) throws -> [UInt8] { try message(0x70, [.map(meta)]) }
        let serverMessage = """
            Invalid input 'RETRUN': expected 'RETURN' or 'WITH' (line 2, column 3 (offset: 12))
            "  RETRUN n"
               ^
            """
        let replies: [[UInt8]] = [
            [0, 0, 4, 5], try success(["server": "Neo4j/5.13.0"]), try success([:]),
            try message(0x7F, [.map(["code": "Neo.ClientError.Statement.SyntaxError", "message": .string(serverMessage)])]),
            try message(0x7E, []) + success([:]),
        ]
        let bolt = try BoltSession(transport: ScriptedReplies(replies), uri: try BoltURI(parsing: "bolt://db:7687"), credentials: BoltCredentials(), userAgent: "test")
        let (session, out, err) = try REPLFixture.session()
        session.remoteTarget = RemoteTarget(uri: try BoltURI(parsing: "bolt://db:7687"), credentials: BoltCredentials(), database: nil)
        session.remote = bolt
        let failures = REPLFixture.run(session, "\nMATCH (n)\n  RETRUN n;\n", fileName: "report.cypher")
        #expect(failures == 1)
        #expect(out.text.isEmpty)
        #expect(err.text == """
            report.cypher:3:3: error[Neo.ClientError.Statement.SyntaxError]: Invalid input 'RETRUN': expected 'RETURN' or 'WITH'
              RETRUN n;
              ^

            """, "\(err.text)")
    }
}
