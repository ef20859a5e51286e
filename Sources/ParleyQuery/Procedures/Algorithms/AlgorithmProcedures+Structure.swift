import ParleyAlgorithms
import ParleyGraph

/// Which camps: components, communities, triangles, cores, cut points and bridges.
extension AlgorithmProcedures {
    static var structure: [Procedure] {
        [
            procedure("wcc", outputs: [ProcedureField("node", .node), ProcedureField("componentId", .integer)],
                      summary: "Weakly connected components: the parts of the graph joined by relationships either way.") { args, context throws(QueryError) in
                try withView("wcc", args, context, optionsAt: 0, keys: [], directions: .outgoing) { _, view throws(QueryError) in
                    let ids = try stoppable { () throws(AlgorithmStopped) in try Components.weak(view, checkpoint: context.checkpoint) }
                    return nodeRows(view, .integers(ids))
                }
            },
            procedure("scc", outputs: [ProcedureField("node", .node), ProcedureField("componentId", .integer)],
                      summary: "Strongly connected components: nodes that reach each other along relationship directions.") { args, context throws(QueryError) in
                try withView("scc", args, context, optionsAt: 0, keys: [], directions: .outgoing) { _, view throws(QueryError) in
                    let ids = try stoppable { () throws(AlgorithmStopped) in try Components.strong(view, checkpoint: context.checkpoint) }
                    return nodeRows(view, .integers(ids))
                }
            },
            procedure("louvain", outputs: [ProcedureField("node", .node), ProcedureField("communityId", .integer)],
                      summary: "Louvain communities: groups denser inside than chance, by modularity (which camps).") { args, context throws(QueryError) in
                try withView("louvain", args, context, optionsAt: 0,
                             keys: ["weightProperty", "resolution", "seed", "maxLevels"], directions: .outgoing) { options, view throws(QueryError) in
                    var w: [Double]? = nil
                    if let key = try options.propertyKey("weightProperty") { w = try weights(options, key, view, view.outgoing) }
                    let resolution = try options.double("resolution", default: 1, above: 0, accepted: "greater than 0")
                    let seed = try options.seed("seed")
                    let levels = try options.integer("maxLevels", default: 10, minimum: 1, accepted: "of at least 1")!
                    let graph = Louvain.WeightedGraph(view, weights: w)
                    let ids = try stoppable { () throws(AlgorithmStopped) in
                        try Louvain.communities(graph, resolution: resolution, seed: seed, maxLevels: levels, checkpoint: context.checkpoint)
                    }
                    return nodeRows(view, .integers(ids))
                }
            },
            procedure("labelPropagation", outputs: [ProcedureField("node", .node), ProcedureField("communityId", .integer)],
                      summary: "Label propagation communities: each node takes the label most of its neighbours carry.") { args, context throws(QueryError) in
                try withView("labelPropagation", args, context, optionsAt: 0, keys: ["maxIterations", "seed"]) { options, view throws(QueryError) in
                    let iterations = try options.integer("maxIterations", default: 10, minimum: 1, accepted: "of at least 1")!
                    let seed = try options.seed("seed")
                    let lists = view.adjacency(.both)
                    let ids = try stoppable { () throws(AlgorithmStopped) in
                        try LabelPropagation.communities(lists, maxIterations: iterations, seed: seed, checkpoint: context.checkpoint)
                    }
                    return nodeRows(view, .integers(ids))
                }
            },
            procedure("triangleCount", outputs: [ProcedureField("node", .node), ProcedureField("triangles", .integer)],
                      summary: "Triangles through each node, relationships taken undirected and once per pair.") { args, context throws(QueryError) in
                try withView("triangleCount", args, context, optionsAt: 0, keys: []) { _, view throws(QueryError) in
                    let simple = view.simpleAdjacency(.both)
                    let counts = try stoppable { () throws(AlgorithmStopped) in try Triangles.counts(simple, checkpoint: context.checkpoint) }
                    return nodeRows(view, .integers(counts))
                }
            },
            procedure("clustering", outputs: [ProcedureField("node", .node), ProcedureField("coefficient", .float)],
                      summary: "Local clustering: the share of a node's neighbour pairs that are themselves joined.") { args, context throws(QueryError) in
                try withView("clustering", args, context, optionsAt: 0, keys: []) { _, view throws(QueryError) in
                    let simple = view.simpleAdjacency(.both)
                    let counts = try stoppable { () throws(AlgorithmStopped) in try Triangles.counts(simple, checkpoint: context.checkpoint) }
                    return nodeRows(view, .floats(Triangles.clustering(simple, triangles: counts)))
                }
            },
            procedure("kcore", outputs: [ProcedureField("node", .node), ProcedureField("coreNumber", .integer)],
                      summary: "Core numbers: the largest k such that the node is in a part where every node has k neighbours.") { args, context throws(QueryError) in
                try withView("kcore", args, context, optionsAt: 0, keys: []) { _, view throws(QueryError) in
                    let simple = view.simpleAdjacency(.both)
                    let cores = try stoppable { () throws(AlgorithmStopped) in try KCore.coreNumbers(simple, checkpoint: context.checkpoint) }
                    return nodeRows(view, .integers(cores))
                }
            },
            procedure("articulationPoints", outputs: [ProcedureField("node", .node)],
                      summary: "Cut vertices: nodes whose removal splits their part of the graph.") { args, context throws(QueryError) in
                try withView("articulationPoints", args, context, optionsAt: 0, keys: []) { _, view throws(QueryError) in
                    let result = try stoppable { () throws(AlgorithmStopped) in
                        try Biconnectivity.run(view.adjacency(.both), checkpoint: context.checkpoint)
                    }
                    let points = (0..<view.nodeCount).filter { result.isArticulationPoint[$0] }.map { view.nodes[$0] }
                    return ProcedureRows(count: points.count, columns: [.nodes(points)])
                }
            },
            procedure("bridges", outputs: [ProcedureField("relationship", .relationship)],
                      summary: "Bridges: relationships whose removal splits their part of the graph.") { args, context throws(QueryError) in
                try withView("bridges", args, context, optionsAt: 0, keys: []) { _, view throws(QueryError) in
                    let result = try stoppable { () throws(AlgorithmStopped) in
                        try Biconnectivity.run(view.adjacency(.both), checkpoint: context.checkpoint)
                    }
                    return ProcedureRows(rows: result.bridges.map { [.relationship(Int($0))] })
                }
            },
        ]
    }
}
