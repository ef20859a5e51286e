import Testing
@testable import ParleyIO

/// The scanner reads plain string bytes eight at a time; these tests put every kind of byte
/// that ends a plain run at every position of the first words, with the string's end at every
/// distance from the end of the text (so both the eight-byte and the byte-by-byte loops run).
@Suite("JSON scanner: strings read eight bytes at a time")
struct JSONScannerStringTests {
    /// What reading a string gives: its decoded bytes and where the scanner stopped, or the
    /// error's offset and message.
    enum Outcome: Equatable {
        case string([UInt8], end: Int)
        case error(offset: Int?, message: String)
    }

    /// Reads one string at the start of `text`.
    static func read(_ text: [UInt8]) -> Outcome {
        text.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(base: buffer.baseAddress!, count: buffer.count)
            do throws(JSONSyntaxError) {
                let span = try scanner.readString()
                return .string(Array(UnsafeBufferPointer(start: span.start, count: span.count)), end: scanner.pos)
            } catch {
                return .error(offset: error.offset, message: error.message)
            }
        }
    }

    /// A byte that ends a plain run (or does not), what the string reads as with it, and
    /// whether it is an error there.
    struct Stop {
        var bytes: [UInt8]
        var decoded: [UInt8]
        var isError: Bool
    }

    static let stops: [Stop] = [
        Stop(bytes: Array("\\n".utf8), decoded: [0x0A], isError: false),
        Stop(bytes: Array("\\\"".utf8), decoded: [0x22], isError: false),
        Stop(bytes: Array("\\u00e9".utf8), decoded: [0xC3, 0xA9], isError: false),
        Stop(bytes: [0xC3, 0xA9], decoded: [0xC3, 0xA9], isError: false),
        Stop(bytes: [0xF0, 0x9F, 0x98, 0x80], decoded: [0xF0, 0x9F, 0x98, 0x80], isError: false),
        Stop(bytes: [0x7F], decoded: [0x7F], isError: false),
        Stop(bytes: [0x20], decoded: [0x20], isError: false),
        Stop(bytes: [0x21], decoded: [0x21], isError: false),
        Stop(bytes: [0x5B], decoded: [0x5B], isError: false),
        Stop(bytes: [0x00], decoded: [], isError: true),
        Stop(bytes: [0x01], decoded: [], isError: true),
        Stop(bytes: [0x1F], decoded: [], isError: true),
        Stop(bytes: [0xFF], decoded: [], isError: true),
        Stop(bytes: [0xC3, 0x28], decoded: [], isError: true),
        Stop(bytes: [0x80], decoded: [], isError: true),
    ]

    @Test("a stop byte at every position, the string ending at every distance from the text's end")
    func everyPosition() {
        let plain = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var compared = 0
        for stop in Self.stops {
            for before in 0...17 {
                for after in [0, 1, 5, 9] {
                    for tail in 0...9 {
                        let content = Array(plain[0..<before]) + stop.bytes + Array(plain[0..<after])
                        let text = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: " "), count: tail)
                        let outcome = Self.read(text)
                        if stop.isError {
                            guard case .error(let offset, _) = outcome else {
                                Issue.record("\(stop.bytes) after \(before) bytes read as \(outcome)")
                                continue
                            }
                            // The error points into the string, at or after the bad byte's start.
                            #expect(offset.map { $0 >= 1 + before && $0 < 1 + before + stop.bytes.count + 1 } == true,
                                    "\(stop.bytes) after \(before): offset \(String(describing: offset))")
                        } else {
                            let expected = Array(plain[0..<before]) + stop.decoded + Array(plain[0..<after])
                            #expect(outcome == .string(expected, end: content.count + 2), "\(stop.bytes) after \(before), \(after) after, tail \(tail)")
                        }
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == Self.stops.count * 18 * 4 * 10)
    }

    @Test("a plain string of every length up to 40, closed or running into the end of the text")
    func plainLengths() {
        for length in 0...40 {
            let content = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            let closed = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]
            #expect(Self.read(closed) == .string(content, end: length + 2), "length \(length)")
            #expect(Self.read(closed + Array("\"x\"".utf8)) == .string(content, end: length + 2), "length \(length), more after")
            let open = [UInt8(ascii: "\"")] + content
            #expect(Self.read(open) == .error(offset: length + 1, message: "expected '\"' to close the string but found end of file"),
                    "length \(length), unclosed")
        }
    }

    @Test("the eight-byte stop mask marks the first stop exactly, whatever follows it")
    func stopMask() {
        var random = SplitMix64(seed: 91)
        for _ in 0..<20_000 {
            var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // Mostly plain bytes, so that stops fall at every position.
            for i in bytes.indices where random.next() % 3 != 0 { bytes[i] = 0x21 + UInt8(random.next() % 0x5E) }
            let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
            let first = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 }
            let mask = JSONScanner.stringStops(word)
            #expect((mask == 0 ? nil : mask.trailingZeroBitCount >> 3) == first, "\(bytes)")
        }
    }
}
