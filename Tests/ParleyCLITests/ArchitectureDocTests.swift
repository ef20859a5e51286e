import Foundation
import Testing

/// docs/architecture.dot (drawn as docs/architecture.svg) stays true: its modules are the
/// package's targets, each arrow is a declared dependency and every declared dependency is
/// drawn (directly or through others); its pipeline names every folder of ParleyQuery.
@Suite("docs/architecture.dot matches the package")
struct ArchitectureDocTests {
    static let root = CLIRunner.packageRoot

    /// `name → declared dependencies` of every non-test target in Package.swift.
    static func targets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var out: [String: Set<String>] = [:]
        // Each target declaration up to the next one.
        let pieces = manifest.components(separatedBy: "\n        .")
        for piece in pieces where piece.hasPrefix("target(") || piece.hasPrefix("executableTarget(") || piece.hasPrefix("systemLibrary(") {
            guard let name = piece.firstMatch(of: /name: "([^"]+)"/)?.1 else { continue }
            var deps = Set<String>()
            if let list = piece.firstMatch(of: /dependencies: \[([^\]]*)\]/)?.1 {
                for m in list.matches(of: /(?:^|[\[,]\s*)"([^"]+)"/) { deps.insert(String(m.1)) }
            }
            out[String(name)] = deps
        }
        return out
    }

    /// The `"a" -> "b"` edges of the modules cluster, and every quoted node name of the file.
    static func diagram() throws -> (edges: Set<[String]>, names: Set<String>) {
        let dot = try String(contentsOf: root.appendingPathComponent("docs/architecture.dot"), encoding: .utf8)
        let modules = dot.components(separatedBy: "subgraph cluster_pipeline")[0]
        let edges = Set(modules.matches(of: /"([^"]+)" -> "([^"]+)"/).map { [String($0.1), String($0.2)] })
        let names = Set(dot.matches(of: /"([^"]+)"/).map { String($0.1) })
        return (edges, names)
    }

    @Test("every target is drawn; every arrow is declared; every declared dependency is reachable")
    func modules() throws {
        let targets = try Self.targets()
        let (edges, names) = try Self.diagram()
        #expect(targets.count >= 9, "Package.swift read: \(targets.keys.sorted())")
        for name in targets.keys { #expect(names.contains(name), "\(name) is not in docs/architecture.dot") }
        for edge in edges { #expect(targets[edge[0]]?.contains(edge[1]) == true, "\(edge[0]) -> \(edge[1]) is not declared in Package.swift") }
        var next: [String: Set<String>] = [:]
        for edge in edges { next[edge[0], default: []].insert(edge[1]) }
        func reach(_ from: String) -> Set<String> {
            var seen = Set<String>(), stack = [from]
            while let n = stack.popLast() { for m in next[n] ?? [] where seen.insert(m).inserted { stack.append(m) } }
            return seen
        }
        for (name, deps) in targets {
            let reached = reach(name)
            for dep in deps where targets[dep] != nil {
                #expect(reached.contains(dep), "\(name) depends on \(dep) but the diagram does not lead there")
            }
        }
    }

    @Test("the pipeline names every folder of Sources/ParleyQuery, and the drawing is rendered")
    func pipeline() throws {
        let (_, names) = try Self.diagram()
        let dot = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.dot"), encoding: .utf8)
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources/ParleyQuery").path)
            .filter { !$0.hasSuffix(".swift") }
        #expect(folders.count >= 8)
        for folder in folders {
            #expect(names.contains(folder + "/") || dot.contains(folder + "/"), "Sources/ParleyQuery/\(folder) is not in the pipeline drawing")
        }
        let svg = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.svg"), encoding: .utf8)
        for folder in folders { #expect(svg.contains(folder + "/"), "docs/architecture.svg is older than the .dot: run make diagram") }
    }
}
