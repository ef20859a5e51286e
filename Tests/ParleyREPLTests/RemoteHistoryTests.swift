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
