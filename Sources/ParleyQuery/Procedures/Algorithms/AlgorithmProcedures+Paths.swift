import ParleyAlgorithms
import ParleyGraph
import ParleyValues

/// How far apart: breadth-first depths, every shortest path, the cheapest weighted path.
extension AlgorithmProcedures {
    static var paths: [Procedure] {
        let source = ProcedureField("source", .nullable(.node)), target = ProcedureField("target", .nullable(.node))
        return [
            procedure("bfs", inputs: [source], outputs: [ProcedureField("node", .node), ProcedureField("depth", .integer)],
                      summary: "Breadth-first search: every node reached from the source, with its depth (hops).") { args, context throws(QueryError) in
                try withView("bfs", args, context, optionsAt: 1, keys: ["direction", "maxDepth"]) { options, view throws(QueryError) in
                    let direction = try options.direction()
                    let maxDepth = try options.integer("maxDepth", default: nil, minimum: 0, accepted: "of at least 0")
                    guard let s = try node(args, 0, role: "source", view, options) else { return [] }
                    let depth = Paths.depths(view.adjacency(direction), from: s, maxDepth: maxDepth ?? .max)
                    let reached = (0..<view.nodeCount).filter { depth[$0] >= 0 }
                    return ProcedureRows(count: reached.count, columns: [.nodes(reached.map { view.nodes[$0] }), .integers(reached.map { depth[$0] })])
                }
            },
            procedure("shortestPaths", inputs: [source, target], outputs: [ProcedureField("path", .path)],
                      summary: "Every shortest path from the source to the target, one per sequence of nodes.") { args, context throws(QueryError) in
                try withView("shortestPaths", args, context, optionsAt: 2, keys: ["direction", "maxLength"]) { options, view throws(QueryError) in
                    let direction = try options.direction()
                    let maxLength = try options.integer("maxLength", default: nil, minimum: 0, accepted: "of at least 0")
                    guard let s = try node(args, 0, role: "source", view, options),
                          let t = try node(args, 1, role: "target", view, options) else { return [] }
                    let forward = view.adjacency(direction)
                    let backward = direction == .both ? forward : view.adjacency(reversed(direction))
                    let limit = context.rowLimit > 0 ? context.rowLimit + 1 : .max
                    let found = try stoppable { () throws(AlgorithmStopped) in
                        try Paths.allShortest(forward: forward, backward: backward, from: s, to: t, maxLength: maxLength ?? .max,
                                              limit: limit, checkpoint: context.checkpoint)
                    }
                    return ProcedureRows(rows: found.routes.map { [path($0, view)] })
                }
            },
            procedure("dijkstra", inputs: [source, target], outputs: [ProcedureField("path", .path), ProcedureField("cost", .float)],
                      summary: "The cheapest path from the source to the target by a weight property (Dijkstra).") { args, context throws(QueryError) in
                try withView("dijkstra", args, context, optionsAt: 2, keys: ["weightProperty", "direction"]) { options, view throws(QueryError) in
                    let direction = try options.direction()
                    guard let key = try options.propertyKey("weightProperty") else {
                        throw options.failure("option `weightProperty` is required: the relationship property that holds each cost")
                    }
                    let lists = view.adjacency(direction)
                    let costs = try weights(options, key, view, lists)
                    guard let s = try node(args, 0, role: "source", view, options),
                          let t = try node(args, 1, role: "target", view, options) else { return [] }
                    let found = try stoppable { () throws(AlgorithmStopped) in
                        try Paths.dijkstra(lists, weights: costs, from: s, to: t, checkpoint: context.checkpoint)
                    }
                    guard let found else { return [] }
                    return [[path(found.route, view), .double(found.cost)]]
                }
            },
        ]
    }

    /// A route of the view as a path value of the graph.
    static func path(_ route: Paths.Route, _ view: GraphView) -> Value {
        .path(Path(nodes: route.nodes.map { Int(view.nodes[Int($0)]) }, relationships: route.relationships.map { Int($0) }))
    }
}
