#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

#if os(Linux)
/// Linux's `renameat2` (not exported by the Glibc module): with `RENAME_EXCHANGE` it swaps two paths at once.
@_silgen_name("renameat2") private func linuxRenameat2(_ olddirfd: Int32, _ oldpath: UnsafePointer<CChar>, _ newdirfd: Int32, _ newpath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
#endif

/// Writes a folder of files atomically: every file goes into a new temporary folder beside the
/// target (`.NAME.PID.tmp`), is fsynced, and the folder then takes the target's place. A
/// failure before the swap leaves the old folder as it was; on Linux the swap itself is one
/// `renameat2(RENAME_EXCHANGE)`, elsewhere two renames (the old folder is moved aside first).
///
/// An existing target is replaced only when it is a folder holding nothing but files Parley
/// writes in folders (`.csv`, `.cypher`, `.sh`, `.md`): a folder of anything else is never
/// deleted by an export.
enum AtomicFolder {
    /// Writes `files` (name in the folder, bytes) as the folder at `path`; `executable` names
    /// the files made executable.
    static func write(_ files: [(name: String, bytes: [UInt8])], to path: String, executable: Set<String> = []) throws(FileAccess.Failure) {
        let target = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw FileAccess.Failure(message: "cannot write the folder: a file of that name exists") }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            let foreign = contents.filter { name in
                var dir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: (target as NSString).appendingPathComponent(name), isDirectory: &dir)
                let ext = (name as NSString).pathExtension.lowercased()
                return dir.boolValue || !["csv", "cypher", "sh", "md"].contains(ext)
            }
            if let first = foreign.sorted().first {
                throw FileAccess.Failure(message: "cannot replace the folder: it holds '\(first)', which an export does not write (choose a new or empty folder)")
            }
        }
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let folder = parent.isEmpty ? "." : parent
        let temporary = (folder as NSString).appendingPathComponent(".\(base).\(getpid()).tmp")
        try? FileManager.default.removeItem(atPath: temporary)
        guard mkdir(temporary, 0o755) == 0 else {
            throw FileAccess.Failure(message: "cannot write the folder: \(String(cString: strerror(errno)))")
        }
        do {
            for file in files {
                let mode: mode_t = executable.contains(file.name) ? 0o755 : 0o644
                try FileAccess.writeAtomically(file.bytes, to: (temporary as NSString).appendingPathComponent(file.name), newFileMode: mode)
            }
            try swap(temporary, into: target, exists: exists)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Puts the folder `temporary` at `target`, removing the old one.
    private static func swap(_ temporary: String, into target: String, exists: Bool) throws(FileAccess.Failure) {
        guard exists else {
            guard rename(temporary, target) == 0 else { throw failure() }
            return
        }
        #if os(Linux)
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE
        if linuxRenameat2(AT_FDCWD, temporary, AT_FDCWD, target, renameExchange) == 0 {
            // The old folder is now at the temporary name.
            try? FileManager.default.removeItem(atPath: temporary)
            return
        }
        #endif
        let aside = temporary + ".old"
        guard rename(target, aside) == 0 else { throw failure() }
        guard rename(temporary, target) == 0 else {
            let e = failure()
            _ = rename(aside, target)
            throw e
        }
        try? FileManager.default.removeItem(atPath: aside)
    }

    /// The failure errno describes.
    private static func failure() -> FileAccess.Failure {
        FileAccess.Failure(message: "cannot write the folder: \(String(cString: strerror(errno)))")
    }
}
