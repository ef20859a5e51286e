#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much stack the current thread has left, so that recursive walks can stop with an error
/// instead of overflowing the stack.
///
/// Every recursive walk over a query (parser, binder, planner, evaluator) asks
/// ``hasRoom(below:)`` at each level, with a limit it read once from ``limit()`` on the thread
/// that runs the query. The limit keeps ``reserve`` bytes free: enough for any non-recursive
/// work below the deepest checked frame (formatting a value, hashing a key, a regex match).
enum StackGuard {
    /// Bytes kept free below the deepest checked frame.
    static let reserve = 512 * 1024

    /// The lowest stack address the current thread may reach while recursing (the stack grows
    /// down): its stack's low end plus ``reserve``, or a quarter of a small stack.
    static func limit() -> UInt {
        let key = threadKey
        if let cached = pthread_getspecific(key) { return UInt(bitPattern: cached) }
        let limit = computeLimit()
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: limit))
        return limit
    }

    /// Whether the caller's frame is still above `limit` (from ``limit()`` on this thread).
    ///
    /// The thread's stack ends at most ``reserve`` bytes below `limit`; a frame further down is
    /// not on this stack at all (AddressSanitizer keeps some frames' locals in a "fake stack"
    /// elsewhere in memory), and is given the benefit of the doubt.
    @inline(__always)
    static func hasRoom(below limit: UInt) -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > limit || here < limit &- UInt(reserve)
    }

    /// Whether the current thread has room to recurse further.
    static var hasRoom: Bool { hasRoom(below: limit()) }

    /// The thread-specific slot caching each thread's limit.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Reads the current thread's stack bounds.
    private static func computeLimit() -> UInt {
        var low: UInt = 0, size: UInt = 0
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        if getThreadAttributes(pthread_self(), &attr) == 0 {
            var addr: UnsafeMutableRawPointer?
            var bytes = 0
            if pthread_attr_getstack(&attr, &addr, &bytes) == 0, let addr {
                low = UInt(bitPattern: addr)
                size = UInt(bytes)
            }
            pthread_attr_destroy(&attr)
        }
        #elseif canImport(Darwin)
        let high = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        size = UInt(pthread_get_stacksize_np(pthread_self()))
        low = high - size
        #endif
        guard size > 0 else {
            // Unknown bounds: allow 4 MiB below the current frame.
            var marker: UInt8 = 0
            let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            return here > 4 << 20 ? here - (4 << 20) : 0
        }
        return low + min(UInt(reserve), size / 4)
    }
}

#if canImport(Glibc)
/// glibc's `pthread_getattr_np`, which the Glibc module hides (it needs `_GNU_SOURCE`).
@_silgen_name("pthread_getattr_np")
private func getThreadAttributes(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
