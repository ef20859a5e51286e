/// The bytes of one output file, with fast appends of text and integers.
struct OutputBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// `n` in decimal.
    mutating func append(_ n: Int) {
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(UInt(n.magnitude))
        } else {
            append(UInt(n))
        }
    }

    private mutating func append(_ n: UInt) {
        if n >= 10 { append(n / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    /// `thousandths` / 1000 as Python writes that double: `0.123`, `0.5`, `0.001`, `1.0`.
    mutating func appendThousandths(_ thousandths: Int) {
        if thousandths % 1000 == 0 {
            append(thousandths / 1000)
            append(".0")
            return
        }
        append(thousandths / 1000)
        bytes.append(UInt8(ascii: "."))
        var fraction = thousandths % 1000, digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }
}
