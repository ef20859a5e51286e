import ParleyValues
import Testing

@testable import ParleyREPL

@Suite("Bolt lines and the history")
struct RemoteHistoryTests {
    func unit(_ text: String) -> InputUnit {
        InputUnit(kind: text.hasPrefix(":") ? .meta : .statement, text: text, start: SourceLocation(line: 1, column: 1, offset: 0), lines: [text], historyEntry: text)
    }

    @Test("a :connect line with a password in its URI is kept out of the history; others are not")
    func secrets() {
        #expect(Session.holdsPassword(unit(":connect bolt://neo4j:secret@db:7687")))
        #expect(Session.holdsPassword(unit(":connect  neo4j://u:p@[::1]:7687 u")))
        #expect(!Session.holdsPassword(unit(":connect bolt://neo4j@db:7687")))
        #expect(!Session.holdsPassword(unit(":connect bolt://db:7687 neo4j")))
        #expect(!Session.holdsPassword(unit("RETURN 'bolt://u:p@db' AS s")))
    }

    @Test(":connect and :disconnect are listed, and :disconnect without a server says so")
    func commands() {
        #expect(MetaCommands.names.contains(":connect") && MetaCommands.names.contains(":disconnect"))
        let out = StringOutput(), err = StringOutput()
        let session = Session(graph: .init(), path: nil, output: out, errors: err)
        #expect(session.execute(unit(":disconnect"), fileName: nil))
        #expect(out.text == "Not connected to a server.\n")
        #expect(!session.execute(unit(":connect http://db"), fileName: nil))
        #expect(err.text.contains("unknown scheme 'http://'"), "\(err.text)")
        #expect(session.currentPrompt == "parley> ")
    }
}

@Suite("Statements and rc lines on a server: what they name")
struct RemoteStatementWordsTests {
    @Test("EXPLAIN and PROFILE are found after blanks and comments, in any case, and only as the first word")
    func planKeyword() {
        #expect(Session.planKeyword("EXPLAIN MATCH (n) RETURN n") == "EXPLAIN")
        #expect(Session.planKeyword("  // why\n /* a plan */ profile\nMATCH (n) RETURN n") == "PROFILE")
        #expect(Session.planKeyword("MATCH (n) RETURN 'EXPLAIN'") == nil)
        #expect(Session.planKeyword("EXPLAINED") == nil)
        #expect(Session.planKeyword("/* unclosed EXPLAIN") == nil)
    }

    @Test("a meta-command line's command, by its full name; nil for an unknown one")
    func commandName() {
        #expect(Session.commandName(":mode csv") == "mode")
        #expect(Session.commandName(":exit") == "quit")
        #expect(Session.commandName(":load! g.json") == "load")
        #expect(Session.commandName(":nosuch") == nil)
        #expect(Session.remoteMetaCommands.isSuperset(of: ["begin", "commit", "rollback", "explain", "profile"]))
    }
}
