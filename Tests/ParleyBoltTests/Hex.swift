/// Bytes from hex text, spaces ignored: `hex("C8 EF")`.
func hex(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    precondition(digits.count % 2 == 0, "odd hex text")
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

/// The bytes of a string as PackStream writes it in the tiny form (under 16 bytes).
func tiny(_ s: String) -> [UInt8] { [0x80 | UInt8(s.utf8.count)] + Array(s.utf8) }
