import Foundation

/// Bytes the event loop received, waiting for the session's thread to take them; also whether
/// the connection closed and why. The one place where the two threads meet.
///
/// It holds at most about ``highWater`` bytes: beyond that ``isFull`` tells the channel handler
/// to stop reading from the socket, and ``onDrained`` asks it to read again once the session has
/// taken the bytes (see ``BoltInboxHandler``).
final class BoltInbox: @unchecked Sendable {
    /// The bytes held before reading from the socket stops.
    let highWater: Int
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var closed = false
    private var failure: String?
    private var drainedHandler: (@Sendable () -> Void)?

    init(highWater: Int = 1 << 20) { self.highWater = highWater }

    /// Called (outside the lock) each time the session takes the pending bytes.
    var onDrained: (@Sendable () -> Void)? {
        get { condition.lock(); defer { condition.unlock() }; return drainedHandler }
        set { condition.lock(); drainedHandler = newValue; condition.unlock() }
    }

    /// Whether the inbox holds more than ``highWater`` bytes not yet taken.
    var isFull: Bool {
        condition.lock()
        defer { condition.unlock() }
        return pending.count > highWater
    }

    /// Called on the event loop with bytes from the socket.
    func append(_ bytes: [UInt8]) {
        condition.lock()
        pending += bytes
        condition.signal()
        condition.unlock()
    }

    /// Called on the event loop when the connection ends, with the error if one ended it.
    func close(reason: String? = nil) {
        condition.lock()
        closed = true
        if failure == nil { failure = reason }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until bytes arrive, the connection closes or the deadline passes.
    func take(waitingFor: String, timeout: Duration?, host: String, port: Int) throws(BoltError) -> [UInt8] {
        let deadline = timeout.map { Date().addingTimeInterval(Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) }
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed {
            if let deadline {
                if !condition.wait(until: deadline) && pending.isEmpty && !closed {
                    throw .timedOut(host: host, port: port, waitingFor: waitingFor)
                }
            } else {
                condition.wait()
            }
        }
        if pending.isEmpty {
            if let failure { throw .cannotConnect(host: host, port: port, reason: "the connection failed (\(failure)) while waiting for \(waitingFor)") }
            throw .connectionClosed(waitingFor: waitingFor)
        }
        let bytes = pending
        pending = []
        if let drainedHandler {
            condition.unlock()
            drainedHandler()
            condition.lock()
        }
        return bytes
    }
}
