import Dispatch
import ParleyGraph

/// Splits independent work (one unit per source node) over the machine's cores.
enum Parallel {
    /// Runs `body` on disjoint ranges of `0..<count`, each adding into its own zeroed array of
    /// `length` values, and returns the element-wise sum of those arrays. Polls `checkpoint`
    /// afterwards (the bodies return early once it asks to stop).
    static func sum(count: Int, length: Int, checkpoint: Checkpoint,
                    _ body: @Sendable (Range<Int>, inout [Double]) -> Void) throws(AlgorithmStopped) -> [Double] {
        let workers = max(1, min(ProcessorCount.online, count / 8))
        if workers == 1 {
            var total = [Double](repeating: 0, count: length)
            body(0..<count, &total)
            try checkpoint.check()
            return total
        }
        let parts = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: workers)
        parts.initialize(repeating: [])
        defer { parts.deinitialize(); parts.deallocate() }
        let shared = SendableBuffer(parts)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lower = count * w / workers, upper = count * (w + 1) / workers
            var local = [Double](repeating: 0, count: length)
            body(lower..<upper, &local)
            shared.buffer[w] = local
        }
        try checkpoint.check()
        var total = parts[0]
        for w in 1..<workers {
            for i in 0..<length { total[i] += parts[w][i] }
        }
        return total
    }
}

/// A buffer handed to worker threads that each write their own element.
struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
