/// A byte pipe to a Bolt server, blocking: the session calls it from its own thread.
/// ``NIOBoltTransport`` is the real one; tests script one from recorded bytes.
public protocol BoltTransport: AnyObject {
    /// Sends bytes (returns once they are handed to the network).
    func send(_ bytes: [UInt8]) throws(BoltError)
    /// Waits for bytes from the server and returns what arrived (never empty). Throws
    /// `.connectionClosed` when the server closed the connection, `.timedOut` past `timeout`.
    func receive(waitingFor: String, timeout: Duration?) throws(BoltError) -> [UInt8]
    /// Closes the connection (idempotent).
    func close()
}
