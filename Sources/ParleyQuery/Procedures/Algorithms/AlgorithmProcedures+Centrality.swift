import ParleyAlgorithms
import ParleyGraph

/// Who matters: degree, PageRank, betweenness, closeness and harmonic centrality.
extension AlgorithmProcedures {
    static var centrality: [Procedure] {
        [
            procedure("degree", outputs: [ProcedureField("node", .node), ProcedureField("degree", .number)],
                      summary: "Relationships per node (parallel ones count, a self-loop twice for 'both'), or their summed weights.") { args, context throws(QueryError) in
                try withView("degree", args, context, optionsAt: 0, keys: ["direction", "weightProperty"]) { options, view throws(QueryError) in
                    let direction = try options.direction()
                    guard let key = try options.propertyKey("weightProperty") else {
                        return nodeRows(view, .integers(Degree.counts(view, direction)))
                    }
                    let out = try weights(options, key, view, view.outgoing, allowNegative: true)
                    let inc = try weights(options, key, view, view.incoming, allowNegative: true)
                    return nodeRows(view, .floats(Degree.weighted(view, direction, outgoing: out, incoming: inc)))
                }
            },
            procedure("pageRank", outputs: [ProcedureField("node", .node), ProcedureField("score", .float)],
                      summary: "PageRank: a node matters when nodes that matter point to it.") { args, context throws(QueryError) in
                try withView("pageRank", args, context, optionsAt: 0,
                             keys: ["dampingFactor", "maxIterations", "tolerance", "weightProperty"]) { options, view throws(QueryError) in
                    let damping = try options.double("dampingFactor", default: 0.85, 0...1, below: 1, accepted: "from 0 up to (not including) 1")
                    let iterations = try options.integer("maxIterations", default: 100, minimum: 1, accepted: "of at least 1")!
                    let tolerance = try options.double("tolerance", default: 1e-6, above: 0, accepted: "greater than 0")
                    var w: (outgoing: [Double], incoming: [Double])? = nil
                    if let key = try options.propertyKey("weightProperty") {
                        w = (try weights(options, key, view, view.outgoing), try weights(options, key, view, view.incoming))
                    }
                    let result = try stoppable { () throws(AlgorithmStopped) in
                        try PageRank.run(view, damping: damping, maxIterations: iterations, tolerance: tolerance,
                                         weights: w, checkpoint: context.checkpoint)
                    }
                    return nodeRows(view, .floats(result.scores))
                }
            },
            procedure("betweenness", outputs: [ProcedureField("node", .node), ProcedureField("score", .float)],
                      summary: "Betweenness: the share of shortest paths between other nodes that pass through a node (who brokers).") { args, context throws(QueryError) in
                try withView("betweenness", args, context, optionsAt: 0,
                             keys: ["direction", "normalized", "samplingSize", "samplingSeed"]) { options, view throws(QueryError) in
                    let direction = try options.direction()
                    let normalized = try options.boolean("normalized", default: true)
                    let n = view.nodeCount
                    var sources: [Int32]? = nil
                    if let k = try options.integer("samplingSize", default: nil, minimum: 1, accepted: "of at least 1") {
                        guard k <= n else {
                            throw options.failure("option `samplingSize` must be between 1 and the number of nodes (\(n)), not \(k)")
                        }
                        var random = SeededRandom(seed: try options.seed("samplingSeed"))
                        sources = Array(random.permutation(n).prefix(k))
                    } else if options.values["samplingSeed"] != nil {
                        throw options.failure("option `samplingSeed` needs `samplingSize`")
                    }
                    let forward = view.simpleAdjacency(direction)
                    let backward = direction == .both ? forward : view.simpleAdjacency(reversed(direction))
                    let scores = try stoppable { () throws(AlgorithmStopped) in
                        try Betweenness.scores(forward: forward, backward: backward, directed: direction != .both,
                                               normalized: normalized, sources: sources, checkpoint: context.checkpoint)
                    }
                    return nodeRows(view, .floats(scores))
                }
            },
            procedure("closeness", outputs: [ProcedureField("node", .node), ProcedureField("score", .float)],
                      summary: "Closeness: how near a node is to the nodes it reaches (Wasserman–Faust scaled by default).") { args, context throws(QueryError) in
                try withView("closeness", args, context, optionsAt: 0, keys: ["direction", "wfImproved"]) { options, view throws(QueryError) in
                    let lists = view.simpleAdjacency(try options.direction())
                    let improved = try options.boolean("wfImproved", default: true)
                    let scores = try stoppable { () throws(AlgorithmStopped) in
                        try Closeness.closeness(lists, wfImproved: improved, checkpoint: context.checkpoint)
                    }
                    return nodeRows(view, .floats(scores))
                }
            },
            procedure("harmonic", outputs: [ProcedureField("node", .node), ProcedureField("score", .float)],
                      summary: "Harmonic centrality: the sum of 1/distance to the other nodes reached.") { args, context throws(QueryError) in
                try withView("harmonic", args, context, optionsAt: 0, keys: ["direction"]) { options, view throws(QueryError) in
                    let lists = view.simpleAdjacency(try options.direction())
                    let scores = try stoppable { () throws(AlgorithmStopped) in
                        try Closeness.harmonic(lists, checkpoint: context.checkpoint)
                    }
                    return nodeRows(view, .floats(scores))
                }
            },
        ]
    }
}
