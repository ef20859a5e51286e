/// How close Parley's numbers must be to NetworkX's (issue #12's table).
///
/// A float result `p` matches NetworkX's `x` when `|p − x| ≤ tolerance × max(1, |x|)`: an
/// absolute bound for scores up to 1 (PageRank, normalised betweenness, closeness, clustering),
/// a relative one for larger sums (unnormalised betweenness, harmonic, weighted degree, costs),
/// where the same floats added in another order differ in the last bits. Counts (degree
/// without weights, triangles, core numbers, BFS depths) must be equal.
enum Tolerance {
    /// The tolerance of each procedure whose results are floats.
    static let byProcedure: [String: Double] = [
        // Both sides iterate to tolerance 1e-10 (the golden calls pass `tolerance: 1e-10`).
        "pageRank": 1e-8,
        "betweenness": 1e-9,
        "closeness": 1e-9,
        "harmonic": 1e-9,
        "clustering": 1e-9,
        // Summed weights (with `weightProperty`).
        "degree": 1e-9,
        // The cheapest path's cost.
        "dijkstra": 1e-9,
    ]

    /// Louvain: Parley's modularity may be at most this much below NetworkX's Louvain's.
    static let louvainModularity = 0.01

    /// The test's own modularity must equal `nx.community.modularity` to this.
    static let modularity = 1e-9

    /// Whether `parley` matches `networkx` for `procedure`: equal for integers, within the
    /// procedure's tolerance for floats.
    static func matches(_ parley: Double, _ networkx: Double, isInteger: Bool, procedure: String) -> Bool {
        if isInteger { return parley == networkx }
        guard let tolerance = byProcedure[procedure] else { return parley == networkx }
        return abs(parley - networkx) <= tolerance * max(1, abs(networkx))
    }

    /// `|a − b| ≤ tolerance × max(1, |b|)`.
    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }
}
