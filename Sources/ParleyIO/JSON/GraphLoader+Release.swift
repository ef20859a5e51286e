#if canImport(Glibc)
import Glibc
#endif

/// Dropping the pages of a mapped file that have been read, so that a load's peak memory is
/// not the whole file plus the whole graph.
///
/// The file is mapped private and read-only, so a dropped page is not lost: touching it again
/// (an endpoint looked up late, an error message's line) reads it back from the page cache.
extension GraphLoader {
    /// Pages are dropped in steps of this many bytes, this far behind the reading position.
    static let releaseStep = 4 << 20
    static let releaseLag = 1 << 20

    /// Drops the pages between ``releasedFrom`` and a little before the reading position.
    mutating func releaseReadPages() {
        guard s.pos - releasedFrom >= GraphLoader.releaseStep + GraphLoader.releaseLag else { return }
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (releasedFrom + page - 1) / page * page
        let end = (s.pos - GraphLoader.releaseLag) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: s.base + start), end - start, MADV_DONTNEED)
        releasedFrom = end
        #endif
    }
}
