import ParleyGraph
import ParleyQuery

/// Modularity as `nx.community.modularity` computes it on the undirected multigraph, written
/// here independently of Parley's Louvain: `Σ_c [ L_c / m − γ (d_c / 2m)² ]`, with `m` the
/// total weight, `L_c` the weight of the relationships inside community `c` (a self-loop once)
/// and `d_c` the summed weighted degrees of its nodes (a self-loop counts twice).
struct Modularity {
    /// Each relationship: its ends' ids and its weight.
    var relationships: [(start: String, end: String, weight: Double)] = []

    /// The relationships of `graph`, weighted by `weightProperty` (1 each without one).
    init(_ graph: GraphStore, weightProperty: String?) throws {
        let weight = weightProperty.map { "r.`\($0)`" } ?? "1"
        var engine = QueryEngine(graph: graph)
        let result = try engine.run("MATCH (a)-[r]->(b) RETURN a.id, b.id, \(weight)")
        for row in result.rows {
            guard case .string(let a) = row[0], case .string(let b) = row[1], let w = row[2].number else {
                throw GoldenProblem("a relationship without string ids or a numeric weight: \(row)")
            }
            relationships.append((a, b, w))
        }
    }

    /// The modularity of `community` (node id → community), nil when there is no weight.
    func of(_ community: [String: Int], resolution: Double) -> Double? {
        var m = 0.0
        var inside: [Int: Double] = [:]
        var degree: [Int: Double] = [:]
        for (a, b, w) in relationships {
            guard let ca = community[a], let cb = community[b] else { continue }
            m += w
            degree[ca, default: 0] += w
            degree[cb, default: 0] += w
            if ca == cb { inside[ca, default: 0] += w }
        }
        guard m > 0 else { return nil }
        var q = 0.0
        for (c, d) in degree {
            q += (inside[c] ?? 0) / m - resolution * (d / (2 * m)) * (d / (2 * m))
        }
        return q
    }
}
