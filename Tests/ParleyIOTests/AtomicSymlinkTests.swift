import Foundation
import Testing

@testable import ParleyIO

/// Writing through a symbolic link replaces the file it names and keeps the link.
@Suite("Atomic writes through symbolic links")
struct AtomicSymlinkTests {
    @Test("a link to an existing file: the file gets the new content, the link stays a link")
    func existingTarget() throws {
        let folder = NSTemporaryDirectory() + "parley-link-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old".write(toFile: folder + "/real.txt", atomically: false, encoding: .utf8)
        #expect(symlink("real.txt", folder + "/link.txt") == 0)
        try AtomicFile.write("new", to: folder + "/link.txt")
        #expect(try String(contentsOfFile: folder + "/real.txt", encoding: .utf8) == "new")
        let kind = try FileManager.default.attributesOfItem(atPath: folder + "/link.txt")[.type] as? FileAttributeType
        #expect(kind == .typeSymbolicLink)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.txt", "real.txt"])
    }

    @Test("a link to a file that does not exist yet: the file is created where the link points")
    func danglingTarget() throws {
        let folder = NSTemporaryDirectory() + "parley-link-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(symlink("made.json", folder + "/link.json") == 0)
        try AtomicFile.write("{}", to: folder + "/link.json")
        #expect(try String(contentsOfFile: folder + "/made.json", encoding: .utf8) == "{}")
    }
}
