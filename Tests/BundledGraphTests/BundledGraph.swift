import Foundation

/// A bundled graph file read with Foundation's JSONSerialization (independent of Parley's own loader).
struct BundledGraph {
    /// One node: its id, labels and properties as decoded JSON values.
    struct Node {
        var id: String
        var labels: [String]
        var properties: [String: Any]
    }

    /// One relationship: endpoints, type and properties as decoded JSON values.
    struct Edge {
        var source: String
        var target: String
        var type: String
        var properties: [String: Any]
    }

    var nodes: [Node]
    var edges: [Edge]

    /// The package root, found from this file's path (Tests/BundledGraphTests/<file>).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed article's path (`../shared/seed/...` from the package root).
    static let articleURL = packageRoot
        .appendingPathComponent("../shared/seed/000_188744fc314725ed.txt").standardizedFileURL

    /// The seed article's text, or nil when `../shared` is not beside the package.
    static let article: String? = try? String(contentsOf: articleURL, encoding: .utf8)

    /// The text of a file under the package root.
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Reads `graphs/<name>`; throws a described error when the shape is not JSON graph format v1.
    static func load(_ name: String) throws -> BundledGraph {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("graphs/\(name)"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let rawNodes = root["nodes"] as? [[String: Any]],
              let rawEdges = root["edges"] as? [[String: Any]]
        else { throw ShapeError("\(name): top level must be {\"nodes\": [...], \"edges\": [...]}") }
        var nodes: [Node] = []
        for (i, n) in rawNodes.enumerated() {
            guard let id = n["id"] as? String, let labels = n["labels"] as? [String],
                  let props = n["properties"] as? [String: Any]
            else { throw ShapeError("\(name): node #\(i) needs id (string), labels ([string]), properties ({})") }
            nodes.append(Node(id: id, labels: labels, properties: props))
        }
        var edges: [Edge] = []
        for (i, e) in rawEdges.enumerated() {
            guard let s = e["source"] as? String, let t = e["target"] as? String, let type = e["type"] as? String,
                  let props = e["properties"] as? [String: Any]
            else { throw ShapeError("\(name): edge #\(i) needs source, target, type (strings), properties ({})") }
            edges.append(Edge(source: s, target: t, type: type, properties: props))
        }
        return BundledGraph(nodes: nodes, edges: edges)
    }

    /// Every (owner description, properties) pair: nodes first, then relationships.
    var propertyOwners: [(String, [String: Any])] {
        nodes.map { ("node \($0.id)", $0.properties) }
            + edges.map { ("(\($0.source))-[:\($0.type)]->(\($0.target))", $0.properties) }
    }
}

/// A bundled file that does not have the JSON graph format v1 shape.
struct ShapeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
