#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes through the C library, with readable error messages.
enum FileAccess {
    /// A failure, as a message without position ("cannot read the file: it is a directory").
    struct Failure: Error {
        var message: String
    }

    /// Maps the regular file at `path` read-only into memory and calls `body` with its bytes;
    /// returns `nil` (without calling `body`) when the file cannot be mapped (a pipe, an
    /// empty file, a special file), so the caller can fall back to ``read(_:)``.
    static func withMappedFile<R>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) throws(Failure) -> R? {
        // Only a regular file is opened here: opening a FIFO or a terminal twice (here, then
        // in `read`) could lose what its writer sent in between.
        guard !path.isEmpty else { throw Failure(message: "cannot read the file: the file name is empty") }
        var before = stat()
        if stat(path, &before) == 0 && (before.st_mode & S_IFMT) != S_IFREG && (before.st_mode & S_IFMT) != S_IFDIR { return nil }
        let (fd, info) = try openToRead(path)
        defer { close(fd) }
        guard (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != MAP_FAILED else { return nil }
        defer { munmap(address, size) }
        madvise(address, size, MADV_SEQUENTIAL)
        return body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Opens `path` for reading and reads its status (the caller closes the descriptor); an
    /// empty name, a file that cannot be opened and a directory are failures.
    private static func openToRead(_ path: String) throws(Failure) -> (fd: Int32, info: stat) {
        guard !path.isEmpty else { throw Failure(message: "cannot read the file: the file name is empty") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(message: "cannot read the file: \(reason(errno))") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = Failure(message: "cannot read the file: \(reason(errno))")
            close(fd)
            throw failure
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            close(fd)
            throw Failure(message: "cannot read the file: it is a directory")
        }
        return (fd, info)
    }

    /// Reads the whole file at `path` in one go.
    ///
    /// With `jsonObject`, a stream (pipe, device) whose first byte after whitespace and a BOM
    /// is not `{` is not read further: it cannot be a graph document, and reading `/dev/zero`
    /// or `/dev/urandom` to the end would never finish. The parser then reports the first byte.
    static func read(_ path: String, jsonObject: Bool = false) throws(Failure) -> [UInt8] {
        let (fd, info) = try openToRead(path)
        defer { close(fd) }
        let size = max(0, Int(info.st_size))
        var failure: Int32 = 0
        // One read into an uninitialised buffer one byte larger than the file, so that the
        // end of file shows without a second buffer.
        var full = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            var total = 0
            while total < buffer.count {
                let got = Glibc_read(fd, buffer.baseAddress! + total, buffer.count - total)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if got == 0 { break }
                total += got
            }
            full = total == buffer.count
            initialized = total
        }
        // A file that grew, or a pipe that reports no size: read the rest in chunks.
        while full && failure == 0 {
            if jsonObject && !mayStartJSONObject(bytes) { break }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let got = chunk.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else if got == 0 {
                full = false
            } else {
                bytes.append(contentsOf: chunk[0..<got])
            }
        }
        if failure != 0 { throw Failure(message: "cannot read the file: \(reason(failure))") }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a new temporary file in the same folder, written
    /// and fsynced, then renamed over `path`. The old file is never truncated; on failure it
    /// is untouched and the temporary file is removed.
    ///
    /// The temporary file is `.NAME.PID.N.tmp`. A process killed during a save (SIGKILL, power
    /// loss) cannot remove it; the next save of the same file removes such leftovers whose
    /// process no longer runs (see ``removeStaleTemporaries(folder:name:)``).
    static func writeAtomically(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644) throws(Failure) {
        let target = try beginAtomic(path, newFileMode: newFileMode)
        let failure = writeAll(bytes, to: target.fd)
        if failure != 0 {
            abortAtomic(target)
            throw Failure(message: "cannot write the file: \(reason(failure))")
        }
        try commitAtomic(target)
    }

    /// A file being written atomically: the descriptor of its temporary file (or, for a
    /// special file, of the file itself), renamed over `path` by ``commitAtomic(_:)``.
    struct AtomicTarget: Sendable {
        var path: String
        var folder: String
        var fd: Int32
        /// The temporary file; nil when a special file is written in place.
        var temporary: String?
    }

    /// Creates the temporary file for an atomic write of `path` (`.NAME.PID.N.tmp` in the same
    /// folder, with the mode of the file it replaces or `newFileMode`). A device, FIFO or
    /// socket, and anything under `/dev/` or `/proc/` (`/dev/stdout` redirected to a file), is
    /// written in place instead (appending): renaming a temporary file over it would replace
    /// the device or the link with a plain file. A symbolic link is followed: the file it
    /// points to is replaced, the link stays.
    static func beginAtomic(_ requested: String, newFileMode: mode_t = 0o644) throws(Failure) -> AtomicTarget {
        guard !requested.isEmpty else { throw Failure(message: "cannot write the file: the file name is empty") }
        func inPlace(_ path: String) throws(Failure) -> AtomicTarget {
            let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard fd >= 0 else { throw Failure(message: "cannot write the file: \(reason(errno))") }
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            return AtomicTarget(path: path, folder: folder, fd: fd, temporary: nil)
        }
        if requested.hasPrefix("/dev/") || requested.hasPrefix("/proc/") { return try inPlace(requested) }
        var path = requested
        var link = stat()
        if lstat(requested, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
            if let resolved = realpath(requested, nil) {
                path = String(cString: resolved)
                free(resolved)
            } else {
                // A link to a file that does not exist yet: create the file it names.
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(requested, &buffer, buffer.count - 1)
                guard n > 0 else { throw Failure(message: "cannot write the file: \(reason(errno))") }
                let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let base = requested.lastIndex(of: "/").map { String(requested[...$0]) } ?? ""
                path = target.hasPrefix("/") ? target : base + target
            }
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if name.isEmpty { throw Failure(message: "cannot write the file: the path names a folder") }
        var existing = stat()
        var mode = newFileMode
        if stat(path, &existing) == 0 {
            if (existing.st_mode & S_IFMT) == S_IFDIR { throw Failure(message: "cannot write the file: it is a directory") }
            if (existing.st_mode & S_IFMT) != S_IFREG { return try inPlace(path) }
            mode = existing.st_mode & 0o7777
        }
        removeStaleTemporaries(folder: folder, name: name)
        var temp = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            temp = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(attempt).tmp"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw Failure(message: "cannot write the file: \(reason(errno)) (creating a temporary file in \(folder))") }
        return AtomicTarget(path: path, folder: folder, fd: fd, temporary: temp)
    }

    /// Finishes an atomic write: fsync, close, rename over the target, fsync the folder. On
    /// failure the temporary file is removed and the old file is untouched.
    static func commitAtomic(_ target: AtomicTarget) throws(Failure) {
        guard let temp = target.temporary else {
            if close(target.fd) != 0 { throw Failure(message: "cannot write the file: \(reason(errno))") }
            return
        }
        var failure: Int32 = 0
        if fsync(target.fd) != 0 { failure = errno }
        if close(target.fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temp, target.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw Failure(message: "cannot write the file: \(reason(failure))")
        }
        // Make the rename itself durable.
        let dir = open(target.folder.isEmpty ? "/" : target.folder, O_RDONLY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// Abandons an atomic write: closes and removes the temporary file (the old file stays).
    static func abortAtomic(_ target: AtomicTarget) {
        close(target.fd)
        if let temp = target.temporary { unlink(temp) }
    }

    /// False when `bytes` already shows it is not a JSON object: its first byte after
    /// whitespace and a UTF-8 BOM is something other than `{`.
    static func mayStartJSONObject(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.count < 3 && bytes.elementsEqual(bom.prefix(bytes.count)) { return true }  // a BOM still arriving
        if bytes.starts(with: bom) { i = 3 }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "{"): return true
            default: return false
            }
        }
        return true
    }

    /// Removes `.NAME.PID.N.tmp` files in `folder` left by saves of `NAME` in processes that no
    /// longer exist. Temporaries of running processes (this one, or another one saving the
    /// same file right now) are left alone; failures are ignored (it is only tidying up).
    static func removeStaleTemporaries(folder: String, name: String) {
        guard let dir = opendir(folder.isEmpty ? "/" : folder) else { return }
        defer { closedir(dir) }
        let prefix = "." + name + "."
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
            // What is between the prefix and ".tmp" must be PID.N, both decimal.
            let middle = entryName.utf8.dropFirst(prefix.utf8.count).dropLast(4)
            let parts = middle.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard parts.count == 2, let pid = Int32(String(decoding: parts[0], as: UTF8.self)), pid > 0,
                  UInt(String(decoding: parts[1], as: UTF8.self)) != nil, pid != getpid() else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder.isEmpty ? "" : folder + "/") + entryName)
            }
        }
    }

    /// Writes all of `bytes` to `fd`, retrying on EINTR; returns 0 or the errno that stopped it.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return 0
        }
    }

    /// A readable reason for an errno value.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "the file system is read-only"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

/// `read(2)`, named so that it does not clash with ``FileAccess/read(_:)``.
@inline(__always) private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
