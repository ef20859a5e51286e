import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

/// The golden files of this target (Golden/, written by `make goldens`) and their graphs, each
/// read once.
enum Goldens {
    /// The golden files, one per graph.
    static let names = ["astana-2015", "generated-2k", "empty", "one-node", "disconnected", "self-loop-only"]

    /// This folder (Tests/ParleyAlgorithmsTests).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The package root.
    static let packageRoot = folder.deletingLastPathComponent().deletingLastPathComponent()

    /// Each golden file, read and decoded, or why it could not be.
    static let files: [String: Result<GoldenFile, any Error>] = {
        var files: [String: Result<GoldenFile, any Error>] = [:]
        for name in names {
            files[name] = Result {
                let data = try Data(contentsOf: folder.appendingPathComponent("Golden/\(name).json"))
                return try JSONDecoder().decode(GoldenFile.self, from: data)
            }
        }
        return files
    }()

    /// Each golden file's graph, loaded with Parley's own loader (and prepared).
    static let graphs: [String: Result<GraphStore, any Error>] = {
        var graphs: [String: Result<GraphStore, any Error>] = [:]
        for (name, file) in files {
            graphs[name] = file.flatMap { file in
                Result {
                    var engine = QueryEngine(graph: try GraphFile.load(path: packageRoot.appendingPathComponent(file.graph).path))
                    if let prepare = file.prepare { _ = try engine.run(prepare) }
                    return engine.graph
                }
            }
        }
        return graphs
    }()

    /// Every case of every golden file of the given kinds, as test arguments (a file that does
    /// not load gives none here; ``GoldenTests`` fails on it).
    static func calls(_ kinds: GoldenCase.Kind...) -> [GoldenCall] {
        names.flatMap { name -> [GoldenCall] in
            guard case .success(let file) = files[name] else { return [] }
            return file.cases.filter { kinds.contains($0.kind) }.map {
                GoldenCall(graph: name, graphPath: file.graph, nodes: file.nodes, golden: $0)
            }
        }
    }

    /// The graph of `call`.
    static func graph(_ call: GoldenCall) throws -> GraphStore {
        guard let graph = graphs[call.graph] else { throw GoldenProblem("no graph for \(call.graph)") }
        return try graph.get()
    }

    /// Runs the case's call, yielding `yield` and returning `returns`, with `s` and `t` bound to
    /// its source and target nodes.
    static func run(_ call: GoldenCall, yield: String, returns: String) throws -> QueryResult {
        let golden = call.golden
        var query = ""
        var parameters: [String: Value] = [:]
        if let source = golden.source {
            query += "MATCH (s {id: $source}) "
            parameters["source"] = .string(source)
        }
        if let target = golden.target {
            query += "MATCH (t {id: $target}) "
            parameters["target"] = .string(target)
        }
        query += "CALL \(golden.call) YIELD \(yield) RETURN \(returns)"
        var engine = QueryEngine(graph: try graph(call))
        return try engine.run(query, parameters: parameters)
    }

    /// Runs a call that yields one value per node: the node's id → its value, and the number of
    /// rows (to catch a node yielded twice).
    static func nodeValues(_ call: GoldenCall, column: String) throws -> (values: [String: Value], rows: Int) {
        let result = try run(call, yield: "node, \(column)", returns: "node.id, \(column)")
        var values: [String: Value] = [:]
        for row in result.rows {
            guard case .string(let id) = row[0] else { throw GoldenProblem("a yielded node has no string id: \(row[0])") }
            values[id] = row[1]
        }
        return (values, result.rows.count)
    }
}

/// A golden file or graph that cannot be used.
struct GoldenProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Value {
    /// The value as a number, if it is one.
    var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}
