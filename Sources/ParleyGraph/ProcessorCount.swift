#if canImport(Glibc)
import Glibc
#endif

/// The number of processors online, for the work that splits over threads (the store's bulk
/// load, the JSON loader, the algorithms).
public enum ProcessorCount {
    /// At least 1.
    public static let online: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}
