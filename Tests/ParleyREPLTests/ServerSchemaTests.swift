import ParleyBolt
import ParleyGraph
import ParleyValues
import Testing

@testable import ParleyREPL

/// Completion and meta-commands on a Bolt server, without a server: the server's names replace
/// the local graph's, a schema procedure the server lacks leaves its list empty without a word,
/// local-only commands say so, and a missing `algo.*` gets its hint.
@Suite("Bolt: the server's schema, local-only commands")
struct ServerSchemaTests {
    /// A context over a local graph whose names differ from the server's.
    func context(_ schema: ServerSchema?) throws -> CompletionContext {
        var graph = GraphStore()
        let a = try graph.addNode(labels: ["LocalLabel"], properties: ["localKey": "localValue"])
        try graph.addRelationship(type: "LOCAL_TYPE", from: a, to: a)
        return CompletionContext(graph: graph, serverSchema: schema)
    }

    let server = ServerSchema(labels: ["Talk", "Person", "Talk"], types: ["HOSTED"], keys: ["name", "since"])

    @Test("the names are sorted and unique")
    func sorted() {
        #expect(server.labels == ["Person", "Talk"])
        #expect(server.types == ["HOSTED"] && server.keys == ["name", "since"])
    }

    @Test("on a server, labels, types and keys come from its schema, not the local graph")
    func completion() throws {
        let remote = Completer(context: try context(server))
        #expect(remote.complete("MATCH (n:").candidates == ["Person", "Talk"])
        #expect(remote.complete("MATCH ()-[r:").candidates == ["HOSTED"])
        #expect(remote.complete("MATCH (n:Person) RETURN n.").candidates == ["name", "since"])
        #expect(remote.complete("MATCH (n:Person {").candidates == ["name", "since"])
        // String values would come from the local graph: none are offered.
        #expect(remote.complete("MATCH (n) WHERE n.localKey = 'lo").candidates.isEmpty)
        let local = Completer(context: try context(nil))
        #expect(local.complete("MATCH (n:").candidates == ["LocalLabel"])
        #expect(local.complete("MATCH ()-[r:").candidates == ["LOCAL_TYPE"])
        #expect(local.complete("MATCH (n) WHERE n.localKey = 'lo").candidates == ["localValue"])
    }

    @Test("a server without schema procedures: no names, no error")
    func empty() throws {
        let remote = Completer(context: try context(ServerSchema(missing: Session.schemaProcedures)))
        #expect(remote.complete("MATCH (n:").candidates.isEmpty)
        #expect(remote.complete("MATCH (n) RETURN n.").candidates.isEmpty)
    }

    @Test("fetching: a procedure the server refuses leaves its list empty and is named missing; the session goes on")
    func fetchDegrades() throws {
        func message(_ signature: UInt8, _ fields: [BoltValue]) throws -> [UInt8] {
            BoltChunker.frame(try PackStreamEncoder.bytes(of: .structure(BoltStructure(signature: signature, fields: fields))))
        }
        func success(_ meta: BoltMap) throws -> [UInt8] { try message(0x70, [.map(meta)]) }
        func record(_ values: [BoltValue]) throws -> [UInt8] { try message(0x71, [.list(values)]) }
        let hello: BoltMap = ["server": "Neo4j/5.13.0"]
        let replies: [[UInt8]] = [
            [0, 0, 4, 5], try success(hello), try success([:]),
            // db.labels(): two labels.
            try success(["fields": ["label"]]) + record(["Talk"]) + record(["Person"]) + success([:]),
            // db.relationshipTypes(): unknown; the PULL is IGNORED, then RESET succeeds.
            try message(0x7F, [.map(["code": "Neo.ClientError.Procedure.ProcedureNotFound", "message": "There is no procedure with the name `db.relationshipTypes` registered"])]),
            try message(0x7E, []) + success([:]),
            // db.propertyKeys(): one key.
            try success(["fields": ["propertyKey"]]) + record(["name"]) + success([:]),
        ]
        let transport = ScriptedReplies(replies)
        let bolt = try BoltSession(transport: transport, uri: try BoltURI(parsing: "bolt://db:7687"), credentials: BoltCredentials(), userAgent: "test")
        let schema = Session.fetchSchema(from: bolt)
        #expect(schema == ServerSchema(labels: ["Person", "Talk"], types: [], keys: ["name"], missing: ["db.relationshipTypes"]))
        #expect(!bolt.isBroken)
        // Asked again, a procedure known to be missing is not called.
        let again = Session.fetchSchema(from: bolt, skipping: ["db.labels", "db.relationshipTypes", "db.propertyKeys"])
        #expect(again.missing == Session.schemaProcedures && transport.replies.isEmpty)
        #expect(Session.describe(schema, server: "bolt://db:7687") == """
            Schema of bolt://db:7687 (the server's names; :pull brings the graph here for counts and patterns):
              Labels              Person, Talk
              Relationship types  (the server has no db.relationshipTypes())
              Property keys       name

            """)
    }

    @Test("connected, commands that need the local graph say so and point at :pull; unknown algo.* gets a hint")
    func localOnly() throws {
        let (session, out, err) = try REPLFixture.session()
        let uri = try BoltURI(parsing: "bolt://db:7687")
        session.remoteTarget = RemoteTarget(uri: uri, credentials: BoltCredentials(), database: nil)
        REPLFixture.run(session, ":asof 2015\n:diff old.json\n:load g.json\n", fileName: nil)
        #expect(out.text.isEmpty)
        #expect(err.text == """
            error: :asof works on the local graph; :pull bolt://db:7687 brings the server's graph here and :disconnect then runs statements on it.
            error: :diff works on the local graph; :pull bolt://db:7687 brings the server's graph here and :disconnect then runs statements on it.
            error: :load replaces the local graph, but statements run on bolt://db:7687; :disconnect first.

            """)
        for name in MetaCommands.all.map(\.name) where !Session.worksOverBolt(name) {
            #expect(session.localOnlyMessage(name).contains(":pull bolt://db:7687") || name == "load", "\(name)")
        }
        #expect(Session.isUnknownProcedure(code: "SyntaxError", message: "Procedure `algo.louvain` is not registered"))
        #expect(Session.isUnknownProcedure(code: "Neo.ClientError.Procedure.ProcedureNotFound", message: "There is no procedure with the name `algo.pageRank`"))
        #expect(!Session.isUnknownProcedure(code: "SyntaxError", message: "Procedure `algo.pagerank` requires 2 arguments, got 0"))
        #expect(session.unknownProcedureHint(message: "Procedure `algo.louvain` is not registered")
            == "hint: algo.louvain is one of Parley's own procedures and runs on the local graph: :pull bolt://db:7687 brings the server's graph here, then :disconnect runs statements on it.")
        #expect(session.unknownProcedureHint(message: "There is no procedure with the name `ALGO.PAGERANK`")?.hasPrefix("hint: algo.pageRank is") == true)
        #expect(session.unknownProcedureHint(message: "Procedure `apoc.help` is not registered") == nil)
    }
}

/// A transport that answers each receive with the next blob (several messages in one).
final class ScriptedReplies: BoltTransport {
    var replies: [[UInt8]]
    init(_ replies: [[UInt8]]) { self.replies = replies }
    func send(_ bytes: [UInt8]) throws(BoltError) {}
    func receive(waitingFor: String, timeout: Duration?) throws(BoltError) -> [UInt8] {
        guard !replies.isEmpty else { throw .connectionClosed(waitingFor: waitingFor) }
        return replies.removeFirst()
    }
    func close() {}
}
