/// Thrown by an algorithm that was asked to stop (Ctrl-C in the REPL).
public struct AlgorithmStopped: Error, Sendable {
    /// Creates the error.
    public init() {}
}

/// How a running algorithm learns that it should stop: it polls the checkpoint between units
/// of work (a node, a source, an iteration).
public struct Checkpoint: Sendable {
    private let isStopped: @Sendable () -> Bool

    /// A checkpoint that asks `isStopped` each time it is polled.
    public init(_ isStopped: @escaping @Sendable () -> Bool) {
        self.isStopped = isStopped
    }

    /// A checkpoint that never stops the algorithm.
    public static let never = Checkpoint { false }

    /// Throws ``AlgorithmStopped`` once stopping was requested.
    @inlinable public func check() throws(AlgorithmStopped) {
        if stopRequested { throw AlgorithmStopped() }
    }

    /// Whether stopping was requested.
    public var stopRequested: Bool { isStopped() }
}
