/// Traversals from a source: breadth-first depths, every shortest path to a target, and the
/// cheapest weighted path (Dijkstra).
public enum Paths {
    /// A path as dense node indexes and the relationships (store ids) between them.
    public struct Route: Sendable, Equatable {
        /// The nodes, source first.
        public var nodes: [Int32]
        /// The relationships, one fewer than the nodes.
        public var relationships: [Int32]
    }

    /// The depth of every node reachable from `source` over `lists`, or -1; no deeper than
    /// `maxDepth`.
    public static func depths(_ lists: Adjacency, from source: Int, maxDepth: Int = .max) -> [Int] {
        var depth = [Int](repeating: -1, count: lists.nodeCount)
        var bfs = BreadthFirst(lists.nodeCount)
        bfs.run(from: source, lists, maxDepth: maxDepth) { u, d in depth[u] = d }
        return depth
    }

    /// Every shortest path from `source` to `target` following `forward` (whose reverse is
    /// `backward`; both with relationship ids), one per sequence of nodes, in lexicographic
    /// order of node indexes; between two nodes, the relationship with the smallest id. At
    /// most `limit` paths (the caller decides what more means); none longer than `maxLength`.
    public static func allShortest(forward: Adjacency, backward: Adjacency, from source: Int, to target: Int,
                                   maxLength: Int = .max, limit: Int = .max,
                                   checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> (routes: [Route], truncated: Bool) {
        let n = forward.nodeCount
        var distance = [Int](repeating: -1, count: n)
        distance[source] = 0
        var queue = [source], head = 0
        while head < queue.count, distance[target] < 0 {
            let u = queue[head]
            head += 1
            if distance[u] >= maxLength { continue }
            for i in forward.range(u) {
                let v = Int(forward.targets[i])
                if distance[v] < 0 {
                    distance[v] = distance[u] + 1
                    queue.append(v)
                }
            }
        }
        guard distance[target] >= 0 else { return ([], false) }
        // The nodes on some shortest path: walk back from the target through predecessors.
        var onPath = [Bool](repeating: false, count: n)
        onPath[target] = true
        var back = [target]
        head = 0
        while head < back.count {
            let w = back[head]
            head += 1
            for i in backward.range(w) {
                let v = Int(backward.targets[i])
                if distance[v] == distance[w] - 1 && !onPath[v] {
                    onPath[v] = true
                    back.append(v)
                }
            }
        }
        // Successors on the path DAG, each with its smallest relationship, sorted by node.
        func successors(_ u: Int) -> [(node: Int32, rel: Int32)] {
            var best: [Int32: Int32] = [:]
            for i in forward.range(u) {
                let v = forward.targets[i]
                guard onPath[Int(v)], distance[Int(v)] == distance[u] + 1 else { continue }
                let r = forward.relationships[i]
                if let old = best[v], old <= r { continue }
                best[v] = r
            }
            return best.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        var cache: [Int: [(node: Int32, rel: Int32)]] = [:]
        var routes: [Route] = []
        var nodes: [Int32] = [Int32(source)], rels: [Int32] = []
        var frames: [(choices: [(node: Int32, rel: Int32)], next: Int)] = []
        if source == target { return ([Route(nodes: nodes, relationships: [])], false) }
        frames.append((successors(source), 0))
        var steps = 0
        while let top = frames.last {
            steps += 1
            if steps & 1023 == 0 { try checkpoint.check() }
            if top.next == top.choices.count {
                frames.removeLast()
                if !rels.isEmpty { rels.removeLast(); nodes.removeLast() }
                continue
            }
            frames[frames.count - 1].next += 1
            let step = top.choices[top.next]
            nodes.append(step.node)
            rels.append(step.rel)
            if Int(step.node) == target {
                routes.append(Route(nodes: nodes, relationships: rels))
                nodes.removeLast(); rels.removeLast()
                if routes.count >= limit { return (routes, true) }
                continue
            }
            let u = Int(step.node)
            if cache[u] == nil { cache[u] = successors(u) }
            frames.append((cache[u]!, 0))
        }
        return (routes, false)
    }

    /// The cheapest path from `source` to `target` following `lists` (with relationship ids),
    /// whose entries cost `weights` (aligned, ≥ 0), and its cost; nil when the target is not
    /// reachable. Ties go to the path found first (smaller relationship ids first).
    public static func dijkstra(_ lists: Adjacency, weights: [Double], from source: Int, to target: Int,
                                checkpoint: Checkpoint = .never) throws(AlgorithmStopped) -> (route: Route, cost: Double)? {
        let n = lists.nodeCount
        var cost = [Double](repeating: .infinity, count: n)
        var via = [Int](repeating: -1, count: n)   // the entry that reached each node
        var done = [Bool](repeating: false, count: n)
        var heap = MinHeap()
        cost[source] = 0
        heap.push(0, source)
        var steps = 0
        while let (c, u) = heap.pop() {
            if done[u] || c > cost[u] { continue }
            done[u] = true
            if u == target { break }
            steps += 1
            if steps & 1023 == 0 { try checkpoint.check() }
            for i in lists.range(u) {
                let v = Int(lists.targets[i])
                let candidate = c + weights[i]
                if candidate < cost[v] || (candidate == cost[v] && !done[v] && via[v] >= 0 && lists.relationships[i] < lists.relationships[via[v]]) {
                    cost[v] = candidate
                    via[v] = i
                    heap.push(candidate, v)
                }
            }
        }
        guard cost[target].isFinite else { return nil }
        var nodes: [Int32] = [Int32(target)], rels: [Int32] = []
        var v = target
        while v != source {
            let entry = via[v]
            rels.append(lists.relationships[entry])
            // The entry belongs to the list of the node it leaves from.
            var lo = 0, hi = n
            while lo + 1 < hi {
                let mid = (lo + hi) / 2
                if lists.offsets[mid] <= entry { lo = mid } else { hi = mid }
            }
            v = lo
            nodes.append(Int32(v))
        }
        return (Route(nodes: nodes.reversed(), relationships: rels.reversed()), cost[target])
    }
}

/// A binary min-heap of (cost, node) pairs.
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ cost: Double, _ node: Int) {
        items.append((cost, node))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if items[parent].0 <= items[i].0 { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < items.count && items[l].0 < items[smallest].0 { smallest = l }
                if r < items.count && items[r].0 < items[smallest].0 { smallest = r }
                if smallest == i { break }
                items.swapAt(i, smallest)
                i = smallest
            }
        }
        return first
    }
}
