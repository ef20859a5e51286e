import Foundation
import ParleyGraph
import Testing
@testable import ParleyREPL

/// Lines typed at a prompt (a stand-in for libedit): interactive, no history kept.
private final class TypedLines: LineEditor {
    var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    func readLine(prompt: String) -> LineInput { lines.isEmpty ? .endOfInput : .line(lines.removeFirst()) }
    func addHistory(_ entry: String) {}
    var history: [String] { [] }
    var isInteractive: Bool { true }
}

/// How results printed one after another are kept apart.
@Suite("Results of several statements")
struct ResultFramingTests {
    @Test("a script's results are separated by the mode's separator; statements without rows print none")
    func scriptSeparators() throws {
        for (mode, expected) in [("csv", "n\r\n1\r\n\r\nn\r\n2\r\n"), ("tsv", "n\n1\n\nn\n2\n"), ("markdown", "| n |\n| ---: |\n| 1 |\n\n| n |\n| ---: |\n| 2 |\n"),
                                 ("cypher", "{n: 1}\n\n{n: 2}\n"), ("json", "[\n  {\"n\":1}\n]\n[\n  {\"n\":2}\n]\n"), ("jsonl", "{\"n\":1}\n{\"n\":2}\n")] {
            let (session, out, _) = try REPLFixture.session()
            REPLFixture.run(session, ":mode \(mode)\nRETURN 1 AS n;\nCREATE (:Tmp);\nRETURN 2 AS n;")
            #expect(out.text == expected, "\(mode)")
        }
    }

    @Test("at a prompt the prompt keeps results apart (no blank line); two statements on one line are separated")
    func interactive() throws {
        let (session, out, _) = try REPLFixture.session(interactive: true)
        session.width = 0
        session.runInput(TypedLines(["RETURN 1 AS n;", "RETURN 2 AS n; RETURN 3 AS n;"]), fileName: nil, stopOnError: false)
        let table = { (n: Int) in "+---+\n| n |\n+---+\n| \(n) |\n+---+\n1 row\n" }
        // The trailing newline is Ctrl-D's: end of input at a prompt ends the prompt's line.
        #expect(out.text == table(1) + table(2) + "\n" + table(3) + "\n")
    }

    @Test(":output FILE starts a document: its first result has no separator, later ones do")
    func outputFile() throws {
        let (session, out, _) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("framing.csv")
        REPLFixture.run(session, ":mode csv\nRETURN 1 AS n;\n:output \(path)\nRETURN 2 AS n;\nRETURN 3 AS n;\n:output\nRETURN 4 AS n;")
        #expect(out.text == "n\r\n1\r\nn\r\n4\r\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "n\r\n2\r\n\r\nn\r\n3\r\n")
    }
}
