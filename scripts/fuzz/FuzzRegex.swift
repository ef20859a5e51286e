// libFuzzer target `regex`: `=~` with Parley's regex engine, compared with ICU
// (NSRegularExpression) where the two flavours agree.
//
// Built by scripts/fuzz/fuzz.sh with QueryFuzzSupport.swift and the instrumented ParleyGraph
// and ParleyQuery objects. A crash, a sanitizer report, a malformed error, a timeout or a
// disagreement with ICU (a `fatalError` naming both answers) is a finding.

import Foundation
import ParleyGraph
import ParleyQuery

/// Splits the input at its first NUL byte into a pattern and a subject (no NUL: the whole
/// input is the pattern, the subject is empty), runs `RETURN $s =~ '<pattern>'` (the pattern
/// as a string literal, so that error positions inside literals are exercised), and checks:
/// the answer is a boolean, or the error is a well-formed `ArgumentError` "Invalid regular
/// expression" pointing inside the literal (or `Cancelled` by the 2-s watchdog). When the
/// pattern and subject are comparable (see ``comparable``), the answer must equal ICU's for
/// `\A(?:pattern)\z`, whenever ICU accepts the pattern on its own.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let cut = bytes.firstIndex(of: 0) ?? bytes.count
    let pattern = String(decoding: bytes[..<cut], as: UTF8.self)
    let subject = cut < bytes.count ? String(decoding: bytes[(cut + 1)...], as: UTF8.self) : ""
    var literal = ""
    for c in pattern.unicodeScalars {
        if c == "\\" || c == "'" { literal.unicodeScalars.append("\\") }
        literal.unicodeScalars.append(c)
    }
    let prefix = "RETURN $s =~ "
    let query = prefix + "'" + literal + "'"
    var engine = QueryEngine(graph: GraphStore())
    let parley: Bool
    do {
        let result = try Watchdog.shared.guarding { token throws(QueryError) in
            try engine.run(query, parameters: ["s": .string(subject)], cancellation: token)
        }
        guard case .bool(let b) = result.rows.first?.first else { fatalError("=~ gave \(result.rows) for \(pattern.debugDescription)") }
        parley = b
    } catch {
        checkError(error, in: query)
        if error.type == "Cancelled" { return 0 }
        guard error.type == "ArgumentError", error.message.hasPrefix("Invalid regular expression: ") else {
            fatalError("unexpected error for \(pattern.debugDescription): \(error)")
        }
        guard let range = error.range, range.start.offset >= prefix.utf8.count, range.end.offset <= query.utf8.count else {
            fatalError("the error does not point into the pattern literal: \(error)")
        }
        return 0
    }
    guard comparable(pattern, subject),
          (try? NSRegularExpression(pattern: pattern)) != nil,
          let icu = try? NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
    else { return 0 }
    let expected = icu.firstMatch(in: subject, range: NSRange(location: 0, length: (subject as NSString).length)) != nil
    if parley != expected {
        fatalError("disagreement: \(pattern.debugDescription) on \(subject.debugDescription): Parley \(parley), ICU \(expected)")
    }
    return 0
}

/// Whether the pattern and subject avoid what Java's flavour and ICU do differently (or ICU
/// cannot do in time): non-ASCII text (Java's `\w`, `\d`, `\s`, `\b` are ASCII, ICU's
/// Unicode; case folding), `\x0B`, `\f`, `\r` in the subject (ICU's `\s` and line
/// terminators differ), `\p`, `\v`, `[:`, `--` and `(?x)` (spelled differently), `&` as a
/// range's end (`[&-c]`: Java's range, an error or a misreading in ICU), `\c`, octal
/// and `\Q` escapes, and loops over something that may match the empty string (a loop
/// quantifier after `)` or an anchor: ICU ends such loops by rules of its own); subjects
/// longer than 12 scalars (ICU backtracks without limit).
func comparable(_ pattern: String, _ subject: String) -> Bool {
    guard pattern.unicodeScalars.allSatisfy({ $0.isASCII && $0.value != 0 }), subject.unicodeScalars.count <= 12,
          subject.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\u{0B}" && $0 != "\u{0C}" && $0 != "\r" })
    else { return false }
    for bad in ["\\p", "\\P", "\\v", "\\V", "[:", "--", "&-", "-&", "\\c", "\\0", "\\Q", "\\E", "\\R"] where pattern.contains(bad) { return false }
    let s = Array(pattern.unicodeScalars)
    for i in s.indices {
        // (?x) or (?ix:...): comments mode.
        if s[i] == "(", i + 1 < s.count, s[i + 1] == "?" {
            var k = i + 2
            while k < s.count, s[k].properties.isAlphabetic || s[k] == "-" {
                if s[k] == "x" { return false }
                k += 1
            }
        }
        // A loop over a group or an anchor (escaped or not: the check only needs to be safe).
        if i > 0, s[i] == "*" || s[i] == "+" || s[i] == "{" {
            if s[i - 1] == ")" || s[i - 1] == "^" || s[i - 1] == "$" { return false }
            if i > 1, s[i - 2] == "\\", "bBAzZG".unicodeScalars.contains(s[i - 1]) { return false }
        }
    }
    return true
}
