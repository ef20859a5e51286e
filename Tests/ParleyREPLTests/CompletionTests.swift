import Foundation
import ParleyGraph
@testable import ParleyREPL
import Testing

/// A small graph shaped like the bundled one: states, a person, a talk, with Cyrillic names.
private func completionGraph() throws -> GraphStore {
    var graph = GraphStore()
    let kz = try graph.addNode(labels: ["State"], properties: [
        "id": .string("kazakhstan"), "name": .string("Kazakhstan"), "capital": .string("Астана"),
    ])
    let ru = try graph.addNode(labels: ["State"], properties: ["id": .string("russia"), "name": .string("Russia")])
    let envoy = try graph.addNode(labels: ["Person"], properties: [
        "id": .string("de-mistura"), "name": .string("Staffan de Mistura"), "role": .string("UN envoy"),
        "evidence": .string("quoted by Reuters"),
    ])
    _ = try graph.addNode(labels: ["Person"], properties: ["id": .string("nazarbayev"), "name": .string("Нурсултан Назарбаев")])
    let talk = try graph.addNode(labels: ["Talk"], properties: ["id": .string("astana-1"), "name": .string("Astana talks"), "date": .string("2015-10-01")])
    _ = try graph.addNode(labels: ["Organization", "Observer"], properties: ["name": .string("O'Brien Institute")])
    _ = try graph.addRelationship(type: "HOSTED", from: kz, to: talk, properties: ["since": .int(2015)])
    _ = try graph.addRelationship(type: "ATTENDED", from: envoy, to: talk, properties: ["evidence": .string("photo")])
    _ = try graph.addRelationship(type: "DECLINED", from: ru, to: talk)
    return graph
}

private func completer(pending: String = "", parameters: [String] = ["who", "when"], directory: String? = nil) throws -> Completer {
    let context = CompletionContext(graph: try completionGraph(), parameterNames: parameters,
                                    metaCommands: [":load", ":log", ":help", ":history", ":save", ":export", ":render"],
                                    pendingText: pending)
    return Completer(context: context, workingDirectory: directory)
}

@Suite("Completer: what Tab offers at the cursor")
struct CompleterTests {
    @Test("a meta-command prefix completes to the command and a space")
    func metaCommand() throws {
        let result = try completer().complete(":lo")
        #expect(result.candidates == [":load", ":log"])
        #expect(result.typed == ":lo")
        #expect(try completer().complete(":loa").replacement == ":load ")
        #expect(try completer().complete(":hi").replacement == ":history ")
    }

    @Test("after CALL, procedure names complete: the namespace, then the name and an opening parenthesis")
    func procedureNames() throws {
        let c = try completer()
        #expect(try completer().complete("CALL al").replacement == "algo.")
        let algo = c.complete("CALL algo.pa")
        #expect(algo.candidates == ["pageRank"] && algo.typed == "pa")
        #expect(algo.replacement == "pageRank(")
        let listed = c.complete("CALL algo.")
        #expect(listed.candidates.contains("louvain") && listed.displayed.contains("algo.louvain"))
        #expect(c.complete("call db.la").candidates == ["labels"])
        #expect(c.complete("MATCH (n) CALL ").candidates.contains("algo.wcc"))
        // Not after CALL: a property key, not a procedure.
        #expect(!c.complete("MATCH (algo) RETURN algo.pa").candidates.contains("pageRank"))
    }

    @Test("after YIELD, the called procedure's columns complete, those already yielded left out")
    func yieldColumns() throws {
        let c = try completer()
        #expect(c.complete("CALL algo.pageRank() YIELD ").candidates == ["node", "score"])
        #expect(c.complete("CALL algo.pageRank({dampingFactor: 0.9}) YIELD node, s").candidates == ["score"])
        #expect(c.complete("CALL algo.louvain() YIELD c").replacement == "communityId")
        #expect(c.complete("CALL algo.list() YIELD name, ").candidates == ["signature", "description"])
    }

    @Test(":asof offers off; :render offers timeline beside paths; :render timeline FILE and :timeline complete their query")
    func timeCommands() throws {
        #expect(try completer().complete(":asof o").replacement == "off ")
        let dir = REPLFixture.temporaryPath("complete-timeline")
        _ = mkdir(dir, 0o755)
        #expect(try completer(directory: dir).complete(":render tim").candidates == ["timeline"])
        #expect(try completer().complete(":render timeline t.svg MATCH (n:Sta").candidates == ["State"])
        #expect(try completer().complete(":timeline MATCH (n:Sta").candidates == ["State"])
        #expect(try completer().complete(":render t.svg MATCH (n:Sta").candidates == ["State"])
    }

    @Test("several meta-commands are listed when their common prefix adds nothing")
    func metaCommandListing() throws {
        let result = try completer().complete(":")
        #expect(result.candidates.count == 7)
        #expect(result.replacement == nil)
        #expect(result.shouldList)
    }

    @Test("a label after '(x:' completes, also with no variable and in WHERE")
    func labels() throws {
        #expect(try completer().complete("MATCH (p:Pe").replacement == "Person")
        #expect(try completer().complete("MATCH (:Sta").replacement == "State")
        #expect(try completer().complete("MATCH (n) WHERE n:Ta").replacement == "Talk")
        #expect(try completer().complete("MATCH (p:").candidates == ["Observer", "Organization", "Person", "State", "Talk"])
        #expect(try completer().complete("MATCH (o:Organization:Ob").replacement == "Observer")
    }

    @Test("a relationship type after '[:', '[r:' or '|' completes")
    func types() throws {
        #expect(try completer().complete("MATCH (a)-[:HO").replacement == "HOSTED")
        #expect(try completer().complete("MATCH (a)-[r:DE").replacement == "DECLINED")
        #expect(try completer().complete("MATCH (a)-[:HOSTED|AT").replacement == "ATTENDED")
        #expect(try completer().complete("MATCH (a)-[:HOSTED|:AT").replacement == "ATTENDED")
    }

    @Test("property keys after 'x.' are those of x's label")
    func propertyKeysOfLabel() throws {
        let result = try completer().complete("MATCH (p:Person) WHERE p.")
        #expect(result.candidates == ["evidence", "id", "name", "role"])
        #expect(result.shouldList)
        #expect(try completer().complete("MATCH (p:Person) WHERE p.ro").replacement == "role")
        #expect(try completer().complete("MATCH (s:State) RETURN s.ca").replacement == "capital")
    }

    @Test("property keys of a multi-line statement come from its earlier lines")
    func propertyKeysAcrossLines() throws {
        let result = try completer(pending: "MATCH (t:Talk)\nWHERE t.date > '2015'").complete("RETURN t.d")
        #expect(result.replacement == "date")
    }

    @Test("a relationship variable's keys come from its type; an unknown variable gets every key")
    func relationshipKeysAndFallback() throws {
        #expect(try completer().complete("MATCH ()-[r:HOSTED]->() RETURN r.").candidates == ["since"])
        let all = try completer().complete("RETURN q.")
        #expect(all.candidates.contains("since") && all.candidates.contains("capital"))
    }

    @Test("keys inside a pattern's map are the label's keys")
    func mapKeys() throws {
        #expect(try completer().complete("MATCH (p:Person {na").replacement == "name")
        #expect(try completer().complete("MATCH (t:Talk {id: 'astana-1', da").replacement == "date")
    }

    @Test("keywords complete in upper case with a space, whatever case was typed")
    func keywords() throws {
        #expect(try completer().complete("MATCH (n) ret").replacement == "RETURN ")
        #expect(try completer().complete("MATCH (n) RETURN n ORD").replacement == "ORDER BY ")
        #expect(try completer().complete("wh").replacement == "WHE")
        #expect(try completer().complete("wher").replacement == "WHERE ")
    }

    @Test("function names complete in their own spelling with an opening parenthesis")
    func functions() throws {
        #expect(try completer().complete("RETURN toup").replacement == "toUpper(")
        let result = try completer().complete("RETURN colle")
        #expect(result.replacement == "collect(")
    }

    @Test("variables bound earlier in the statement complete first")
    func variables() throws {
        let text = "MATCH (person:Person)-[rel:ATTENDED]->(talk) WITH person, count(*) AS total RETURN "
        #expect(try completer().complete(text + "pers").replacement == "person")
        #expect(try completer().complete(text + "pe").candidates.prefix(1) == ["person"])
        #expect(try completer().complete(text + "tot").replacement == "total")
        let bare = try completer().complete(text)
        #expect(bare.candidates == ["person", "rel", "talk", "total"])
        #expect(try completer().complete("MATCH p = shortestPath((a)--(b)) RETURN p").candidates.isEmpty == false)
    }

    @Test("parameters complete after '$'")
    func parameters() throws {
        #expect(try completer().complete("MATCH (n {name: $w").candidates == ["when", "who"])
        #expect(try completer().complete("RETURN $whe").replacement == "when")
    }

    @Test("a name inside quotes completes to the whole value and the closing quote")
    func stringValues() throws {
        #expect(try completer().complete("MATCH (n {name: 'Staf").replacement == "Staffan de Mistura'")
        #expect(try completer().complete("MATCH (n) WHERE n.id = \"kaz").replacement == "kazakhstan\"")
        #expect(try completer().complete("MATCH (n) WHERE n.name STARTS WITH 'Ru").replacement == "Russia'")
    }

    @Test("Cyrillic values complete, and the property compared with decides which values")
    func cyrillic() throws {
        let result = try completer().complete("MATCH (n {name: 'Нурс")
        #expect(result.replacement == "Нурсултан Назарбаев'")
        #expect(result.replacedScalarCount == 4)
        #expect(try completer().complete("MATCH (s:State) WHERE s.capital = 'Ас").replacement == "Астана'")
        #expect(try completer().complete("MATCH (n) WHERE n.name = 'Ас").candidates.isEmpty)
    }

    @Test("a quote inside a completed value is escaped")
    func escapedQuote() throws {
        #expect(try completer().complete("MATCH (n {name: 'O").replacement == "O\\'Brien Institute'")
    }

    @Test("nothing is offered inside a comment or after a number")
    func nothing() throws {
        #expect(try completer().complete("MATCH (n) // ret").candidates.isEmpty)
        #expect(try completer().complete("RETURN 12").candidates.isEmpty)
    }

    @Test("file paths complete after :load, :save, :diff and ':export dot'")
    func paths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-completer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/graphs", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/graphs/astana-2015.json", contents: Data())
        _ = FileManager.default.createFile(atPath: directory + "/graphs/astana-2016.json", contents: Data())
        _ = FileManager.default.createFile(atPath: directory + "/notes.txt", contents: Data())
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let c = try completer(directory: directory)
        #expect(c.complete(":load gr").replacement == "graphs/")
        #expect(c.complete(":load! gr").replacement == "graphs/")
        let two = c.complete(":load graphs/ast")
        #expect(two.replacement == "graphs/astana-201")
        #expect(two.displayed == ["astana-2015.json", "astana-2016.json"])
        #expect(c.complete(":save no").replacement == "notes.txt ")
        #expect(c.complete(":diff gr").replacement == "graphs/")
        #expect(c.complete(":diff graphs/astana-2015").replacement == "graphs/astana-2015.json ")
        #expect(c.complete(":export d").replacement == "dot ")
        #expect(c.complete(":export dot gra").replacement == "graphs/")
        #expect(c.complete(":load \(directory)/no").replacement == "\(directory)/notes.txt ")
    }

    @Test(":render, :export dot, :explain complete the query after their other arguments")
    func render() throws {
        #expect(try completer().complete(":render out.svg MATCH (k:Sta").replacement == "State")
        #expect(try completer().complete(":export dot out.dot MATCH (k:Sta").replacement == "State")
        #expect(try completer().complete(":explain MATCH (p:Person) RETURN p.ro").replacement == "role")
        #expect(try completer().complete(":profile MATCH (p:Person) ret").replacement == "RETURN ")
    }

    @Test("meta-command arguments: modes, on/off, command names, parameter names")
    func metaArguments() throws {
        #expect(try completer().complete(":mode c").candidates == ["csv", "cypher"])
        #expect(try completer().complete(":mode ma").replacement == "markdown ")
        #expect(try completer().complete(":timing o").candidates == ["off", "on"])
        #expect(try completer().complete(":help hi").replacement == "history")
        #expect(try completer().complete(":param w").candidates == ["when", "who"])
        #expect(try completer().complete(":mode csv x").candidates.isEmpty)
    }

    @Test("listing lays candidates out in columns down the rows")
    func listing() {
        let text = CompletionListing.format(["alpha", "beta", "gamma", "delta", "epsilon"], width: 30)
        #expect(text == "alpha    gamma    epsilon\nbeta     delta\n")
        #expect(CompletionListing.displayWidth("Астана") == 6)
    }
}
