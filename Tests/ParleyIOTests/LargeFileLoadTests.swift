import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

/// Files big enough for the loader's large-file paths (edges on two threads, pages of the
/// mapped file dropped once read) load exactly as the same bytes do from memory, and their
/// errors name the same line and column and show the same source line.
@Suite struct LargeFileLoadTests {
    /// A graph document of about `edges` × 120 bytes, with escaped strings, typed values and
    /// long node ids (looked up in the file after their pages may have been dropped);
    /// `fault(i)` may replace edge `i`.
    func document(nodes: Int, edges: Int, fault: (Int) -> String? = { _ in nil }) -> [UInt8] {
        var out = "{\"nodes\": [\n"
        for n in 0..<nodes {
            out += "{\"id\": \"a-rather-long-node-id-\(n)\", \"labels\": [\"L\"], \"properties\": {\"name\": \"n\\\"\(n)\\u00e9\"}}"
            out += n + 1 < nodes ? ",\n" : "\n"
        }
        out += "],\n\"edges\": [\n"
        for e in 0..<edges {
            if let text = fault(e) {
                out += text
            } else {
                let since = e % 3 == 0 ? ", \"since\": {\"$date\": \"2015-05-\(10 + e % 19)\"}" : ""
                out += "{\"source\": \"a-rather-long-node-id-\(e % nodes)\", \"target\": \"a-rather-long-node-id-\((e &* 7919) % nodes)\", \"type\": \"T\(e % 4)\", \"properties\": {\"w\": \(e % 1000).5\(since)}}"
            }
            out += e + 1 < edges ? ",\n" : "\n"
        }
        out += "]}\n"
        return Array(out.utf8)
    }

    /// Loads `bytes` from a file (mapped) and from memory.
    func loadBoth(_ bytes: [UInt8]) -> (file: Result<GraphStore, GraphFileError>, memory: Result<GraphStore, GraphFileError>) {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/big.json"
        writeFile(path, bytes)
        let file: Result<GraphStore, GraphFileError>
        do throws(GraphFileError) { file = .success(try GraphFile.load(path: path)) } catch { file = .failure(error) }
        let memory: Result<GraphStore, GraphFileError>
        do throws(GraphFileError) { memory = .success(try GraphFile.parse(bytes, name: path)) } catch { memory = .failure(error) }
        return (file, memory)
    }

    @Test func aLargeFileLoadsAsTheSameBytesFromMemory() throws {
        let bytes = document(nodes: 5_000, edges: 120_000)
        #expect(bytes.count > 3 * GraphLoader.parallelEdgesMinimum / 2)
        let (file, memory) = loadBoth(bytes)
        let a = try file.get(), b = try memory.get()
        #expect(a.relationshipCount == 120_000)
        #expect(difference(a, b) == nil)
        #expect(a.checkConsistency() == nil)
        #expect(a.keys.names == b.keys.names)
        #expect(a.property(of: 4_321, named: "name") == .string("n\"4321é"))
    }

    @Test func anErrorNearTheEndOfALargeFileShowsItsLine() {
        // The error is past pages already dropped, and its line is counted from the start.
        for at in [100, 60_000, 119_990] {
            let bytes = document(nodes: 2_000, edges: 120_000) { e in
                e == at ? "{\"source\": \"a-rather-long-node-id-1\", \"target\": \"nobody\", \"type\": \"T\"}" : nil
            }
            let (file, memory) = loadBoth(bytes)
            guard case .failure(let a) = file, case .failure(let b) = memory else {
                Issue.record("loaded with a dangling target at edge \(at)")
                continue
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(a.description == b.description)
            let rendered = a.diagnostic.render(source: text, fileName: "big.json")
            #expect(rendered.hasPrefix("big.json:\(2_000 + 4 + at):"), "\(rendered.prefix(200))")
            #expect(rendered.contains("edges[\(at)].target"), "\(rendered.prefix(200))")
            #expect(rendered.contains("\"nobody\""), "\(rendered.prefix(300))")
        }
    }
}
