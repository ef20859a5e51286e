#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the program on a thread with a large stack, so that long generated queries (a sum of
/// thousands of terms, deeply nested lists) are compiled and run instead of refused.
///
/// The stack is reserved address space: only the pages a query touches are ever backed by
/// memory. The main thread then blocks every signal and waits, so Ctrl-C, window-size changes
/// and the like reach the worker, which owns the terminal.
public enum LargeStackThread {
    /// The worker's stack size: 1 GiB of address space.
    public static let stackSize = 1 << 30

    /// Runs `body` on the worker and waits for it; `body` ends the process (it returns `Never`).
    /// Runs it on the calling thread if no such thread can be created.
    public static func run(_ body: @escaping () -> Never) -> Never {
        // Every signal is blocked before the worker exists, so none can reach the main thread;
        // the worker unblocks what was unblocked before as it starts.
        var all = sigset_t(), previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &previous)
        let box = Unmanaged.passRetained(Body(body, signalMask: previous)).toOpaque()
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        guard pthread_attr_setstacksize(&attr, stackSize) == 0,
              pthread_create(&thread, &attr, { raw in
                  #if canImport(Glibc)
                  let pointer = raw!
                  #else
                  let pointer = raw
                  #endif
                  let body = Unmanaged<Body>.fromOpaque(pointer).takeRetainedValue()
                  var mask = body.signalMask
                  pthread_sigmask(SIG_SETMASK, &mask, nil)
                  body.run()
              }, box) == 0
        else {
            Unmanaged<Body>.fromOpaque(box).release()
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            body()
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        exit(0)  // not reached: the body exits the process
    }

    /// The closure and the signal mask to restore, boxed to cross into the C thread entry point.
    private final class Body {
        let run: () -> Never
        let signalMask: sigset_t
        init(_ run: @escaping () -> Never, signalMask: sigset_t) {
            self.run = run
            self.signalMask = signalMask
        }
    }
}
