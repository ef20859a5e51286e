/// Splits a message into Bolt chunks: each a two-byte big-endian length and up to 65,535 bytes,
/// the message closed by an empty chunk (`00 00`).
public enum BoltChunker {
    /// The largest chunk body the two-byte length allows.
    public static let maximumChunk = 65_535

    /// The framed bytes of one message.
    public static func frame(_ message: [UInt8], maximumChunk: Int = maximumChunk) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 2 * (message.count / maximumChunk + 2))
        var start = 0
        while start < message.count {
            let end = min(start + maximumChunk, message.count)
            let size = end - start
            out.append(UInt8(size >> 8))
            out.append(UInt8(size & 0xFF))
            out += message[start..<end]
            start = end
        }
        out += [0, 0]
        return out
    }
}
