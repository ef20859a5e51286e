import Foundation
import Testing

@testable import ParleyIO

/// Loading from something that is not a regular file: a pipe, a device. Endless devices must
/// not be read to their (missing) end.
@Suite("Loading from streams and devices")
struct StreamLoadTests {
    @Test("/dev/zero is refused at once: its first byte cannot start a graph document")
    func devZero() throws {
        let started = Date()
        do {
            _ = try GraphFile.load(path: "/dev/zero")
            Issue.record("/dev/zero loaded")
        } catch {
            let d = error.diagnostic
            #expect(d.message.contains("expected '{'"), "\(d.message)")
            #expect(d.range?.start.line == 1 && d.range?.start.column == 1)
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("a graph document written into a FIFO loads, whatever its size")
    func fifo() throws {
        let path = NSTemporaryDirectory() + "parley-fifo-\(getpid())"
        unlink(path)
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        var text = "\u{FEFF}  \n{\"nodes\": ["
        for i in 0..<20_000 { text += (i > 0 ? ", " : "") + "{\"id\": \"n\(i)\"}" }
        text += "]}"
        let bytes = Array(text.utf8)
        // If the loader stopped reading early, the writer must fail, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            // A write to a pipe can be cut short by a signal: go on until every byte is written.
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += n
            }
            close(fd)
        }
        writer.start()
        let graph = try GraphFile.load(path: path)
        #expect(graph.nodeCount == 20_000)
    }

    @Test("the stream check stops only on a first byte other than whitespace, a BOM or {")
    func firstByte() {
        #expect(FileAccess.mayStartJSONObject(Array(" \n\t{".utf8)))
        #expect(FileAccess.mayStartJSONObject([0xEF, 0xBB, 0xBF, UInt8(ascii: "{")]))
        #expect(FileAccess.mayStartJSONObject([0xEF]) && FileAccess.mayStartJSONObject([0xEF, 0xBB]))
        #expect(!FileAccess.mayStartJSONObject([0xEF, 0x41]))
        #expect(FileAccess.mayStartJSONObject(Array("   ".utf8)))
        #expect(FileAccess.mayStartJSONObject([]))
        #expect(!FileAccess.mayStartJSONObject([0]))
        #expect(!FileAccess.mayStartJSONObject(Array("  [1]".utf8)))
    }
}
