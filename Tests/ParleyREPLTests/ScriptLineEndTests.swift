import Foundation
import ParleyGraph
@testable import ParleyREPL
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Scripts with CRLF or CR line ends and a byte order mark: same lines, same error excerpts")
struct ScriptLineEndTests {
    @Test("the plain reader ends lines at LF, CRLF and a lone CR, and drops a leading byte order mark")
    func readerText() {
        let reader = PlainLineReader(text: "\u{FEFF}a\rb\r\nc\n\rd\r")
        var lines: [String] = []
        while case .line(let line) = reader.readLine(prompt: "") { lines.append(line) }
        #expect(lines == ["a", "b", "c", "", "d"])
    }

    @Test("reading a descriptor: lone CRs end lines, a CRLF split across reads is one line end, a BOM is dropped")
    func readerDescriptor() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let reader = PlainLineReader(fileDescriptor: fds[0])
        let first: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("RETURN 1;\rRETURN 2;\r".utf8)
        _ = first.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        #expect(reader.readLine(prompt: "") == .line("RETURN 1;"))
        let second = Array("\nRETURN 3".utf8)
        _ = second.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        #expect(reader.readLine(prompt: "") == .line("RETURN 2;"))
        #expect(reader.readLine(prompt: "") == .line("RETURN 3"))
        #expect(reader.readLine(prompt: "") == .endOfInput)
        close(fds[0])
    }

    @Test("an error in a CRLF, CR or BOM script shows the line and the caret at the same place", arguments: ["\n", "\r\n", "\r", "\n\u{FEFF}"])
    func scriptError(end: String) throws {
        let (session, _, err) = try REPLFixture.session()
        let bom = end.hasSuffix("\u{FEFF}") ? "\u{FEFF}" : ""
        let lineEnd = bom.isEmpty ? end : "\n"
        REPLFixture.run(session, bom + "RETURN 1;" + lineEnd + "MATCH (n) RETRUN n;" + lineEnd)
        #expect(err.text.hasPrefix("test.cypher:2:11: error[SyntaxError.UnexpectedSyntax]:"), "\(err.text)")
        #expect(err.text.contains("\nMATCH (n) RETRUN n"))
        #expect(err.text.contains("\n          ^~~~~~"))
    }

    @Test(":source of a CRLF file shows the line and the caret")
    func sourceCRLF() throws {
        let (session, _, err) = try REPLFixture.session()
        let path = REPLFixture.temporaryPath("crlf.cypher")
        try "RETURN 1;\r\nRETURN 1 +;\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(REPLFixture.run(session, ":source \(path)") == 1)
        #expect(err.text.hasPrefix("\(path):2:"))
        #expect(err.text.contains("\nRETURN 1 +;\n          ^"))
        #expect(!err.text.contains("\r"))
    }

    @Test("an empty file name is a usage error naming the command", arguments: ["load", "save", "source", "output", "render", "export dot"])
    func emptyFileName(command: String) throws {
        let (session, _, err) = try REPLFixture.session()
        #expect(REPLFixture.run(session, ":\(command) \"\"", fileName: nil) == 1)
        let name = command.split(separator: " ")[0]
        #expect(err.text.hasPrefix("error: The file name is empty. Usage: :\(name)"), "\(err.text)")
    }
}
