/// Hexadecimal digits for messages and escapes (`\u001F`, `U+0007`, `0xC3`): the one
/// implementation every module uses.

/// `0A`: two upper-case hex digits.
public func hex2(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return s.count < 2 ? "0" + s : s
}

/// `000A`: at least four upper-case hex digits.
public func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
