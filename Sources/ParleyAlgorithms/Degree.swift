import ParleyGraph

/// Degree centrality: how many relationships touch each node (parallel relationships count;
/// a self-loop counts twice when both directions are counted), or the sum of their weights.
public enum Degree {
    /// The number of relationships of each node followed in `direction`.
    public static func counts(_ view: GraphView, _ direction: Direction) -> [Int] {
        (0..<view.nodeCount).map { u in
            switch direction {
            case .outgoing: return view.outgoing.degree(u)
            case .incoming: return view.incoming.degree(u)
            case .both: return view.outgoing.degree(u) + view.incoming.degree(u)
            }
        }
    }

    /// The summed weights of each node's relationships followed in `direction`, given the
    /// weights of the outgoing and incoming entries (aligned with ``GraphView/outgoing`` and
    /// ``GraphView/incoming``).
    public static func weighted(_ view: GraphView, _ direction: Direction, outgoing: [Double], incoming: [Double]) -> [Double] {
        (0..<view.nodeCount).map { u in
            var sum = 0.0
            if direction != .incoming { for i in view.outgoing.range(u) { sum += outgoing[i] } }
            if direction != .outgoing { for i in view.incoming.range(u) { sum += incoming[i] } }
            return sum
        }
    }
}
