import ParleyGraph
@testable import ParleyIO

/// Runs Parley's XML scanner over test documents and renders what it reads.
enum XMLScan {
    /// The events of `text`, one string each: `<name a="v" b="w">`, `</name>`, `"text"`.
    /// A scanner error ends the list with `error LINE:COL: message`.
    static func events(_ text: String) -> [String] {
        events(Array(text.utf8))
    }

    /// The events of `bytes` (see ``events(_:)-(String)``).
    static func events(_ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return ["error: empty input"] }
            var scanner = XMLScanner(base: base, count: buffer.count)
            var out: [String] = []
            do throws(XMLReadError) {
                while true {
                    switch try scanner.next() {
                    case .start:
                        let a = scanner.attributes
                        var tag = "<" + scanner.name.string
                        for i in 0..<a.count { tag += " \(a.name(at: i).string)=\"\(a.value(at: i).string)\"" }
                        out.append(tag + ">")
                    case .end:
                        out.append("</" + scanner.name.string + ">")
                    case .text:
                        out.append("\"" + scanner.text.string + "\"")
                    case .done:
                        return out
                    }
                }
            } catch {
                out.append("error " + position(error, buffer))
                return out
            }
        }
    }

    /// The scanner's error for `text` as `LINE:COL: message`, or nil when it is well-formed.
    static func problem(_ text: String) -> String? {
        problem(Array(text.utf8))
    }

    /// The scanner's error for `bytes` as `LINE:COL: message`, or nil when it is well-formed.
    static func problem(_ bytes: [UInt8]) -> String? {
        let all = events(bytes)
        guard let last = all.last, last.hasPrefix("error ") else { return nil }
        return String(last.dropFirst("error ".count))
    }

    /// The events without the white space between tags.
    static func tags(_ text: String) -> [String] {
        events(text).filter { !($0.hasPrefix("\"") && $0.dropFirst().dropLast().allSatisfy { $0 == " " || $0 == "\n" }) }
    }

    private static func position(_ error: XMLReadError, _ buffer: UnsafeBufferPointer<UInt8>) -> String {
        guard let mark = error.mark else { return "?: " + error.message }
        let at = JSONSyntaxError.location(of: mark.offset, in: buffer)
        return "\(at.line):\(at.column): \(error.message)"
    }
}
