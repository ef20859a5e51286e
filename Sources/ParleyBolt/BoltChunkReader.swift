/// Reassembles messages from bytes as they arrive, in any split: feed it what the socket gave,
/// then take whole messages. An empty chunk between messages is a keep-alive (NOOP) and skipped.
public struct BoltChunkReader: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    private var message: [UInt8] = []
    private var inMessage = false

    public init() {}

    /// Adds bytes received from the server.
    public mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole message, or nil when more bytes are needed.
    public mutating func nextMessage() -> [UInt8]? {
        while buffer.count - start >= 2 {
            let size = Int(buffer[start]) << 8 | Int(buffer[start + 1])
            if size == 0 {
                start += 2
                if inMessage {
                    inMessage = false
                    defer { message = [] }
                    return message
                }
                continue  // NOOP
            }
            guard buffer.count - start >= 2 + size else { return nil }
            message += buffer[(start + 2)..<(start + 2 + size)]
            inMessage = true
            start += 2 + size
        }
        return nil
    }

    /// Bytes received but not yet part of a returned message.
    public var pendingByteCount: Int { buffer.count - start + message.count }
}
