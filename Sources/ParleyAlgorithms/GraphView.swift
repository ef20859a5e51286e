import Dispatch
import ParleyGraph
import ParleyValues

/// The part of a graph an algorithm runs on: the kept nodes, numbered densely in load order,
/// and the kept relationships as adjacency lists in both directions.
///
/// A relationship is kept when its type is selected and both its ends are kept nodes, so a
/// view is always a subgraph (what NetworkX builds from the same nodes and relationships).
public struct GraphView: Sendable {
    /// Which nodes and relationships a view keeps; `nil` means no restriction.
    public struct Selection: Sendable {
        /// Keep nodes carrying any of these label ids.
        public var labels: [Int32]?
        /// Keep relationships of these type ids.
        public var types: [Int32]?
        /// Keep only these nodes.
        public var nodes: [NodeID]?
        /// Keep only these relationships (and, unless `nodes` is given, only their ends).
        public var relationships: [RelID]?

        /// A selection (everything by default).
        public init(labels: [Int32]? = nil, types: [Int32]? = nil, nodes: [NodeID]? = nil, relationships: [RelID]? = nil) {
            self.labels = labels
            self.types = types
            self.nodes = nodes
            self.relationships = relationships
        }
    }

    /// The store's node id of each dense index, increasing.
    public let nodes: [Int32]
    /// The dense index of each store node id, or -1 for a node the view does not keep.
    public let index: [Int32]
    /// Outgoing relationships (start → end) of each node, with their ids.
    public let outgoing: Adjacency
    /// Incoming relationships (end ← start) of each node, with their ids (only in a view
    /// built with both directions).
    public var incoming: Adjacency {
        guard let incomingLists else { preconditionFailure("this view was built with its outgoing lists only") }
        return incomingLists
    }
    private let incomingLists: Adjacency?

    /// The number of kept nodes.
    @inlinable public var nodeCount: Int { nodes.count }
    /// The number of kept relationships.
    @inlinable public var relationshipCount: Int { outgoing.targets.count }

    /// The view of `graph` that `selection` keeps, with the outgoing lists and, unless
    /// `directions` is `.outgoing`, the incoming ones.
    public init(_ graph: GraphStore, selection: Selection = Selection(), directions: Direction = .both,
                checkpoint: Checkpoint = .never) throws(AlgorithmStopped) {
        let capacity = graph.nodeCapacity
        var keepType: [Bool]? = nil
        if let types = selection.types {
            var keep = [Bool](repeating: false, count: graph.types.names.count)
            for t in types where t >= 0 && Int(t) < keep.count { keep[Int(t)] = true }
            keepType = keep
        }
        var keepRel: [Bool]? = nil
        if let rels = selection.relationships {
            var keep = [Bool](repeating: false, count: graph.relationshipCapacity)
            for r in rels where graph.contains(relationship: r) { keep[r] = true }
            keepRel = keep
        }

        // Nodes.
        var keepNode = [Bool](repeating: false, count: capacity)
        if let chosen = selection.nodes {
            for n in chosen where graph.contains(node: n) { keepNode[n] = true }
        } else if let rels = selection.relationships {
            for r in rels where graph.contains(relationship: r) {
                if keepType == nil || keepType![Int(graph.typeID(of: r))] {
                    keepNode[graph.startNode(of: r)] = true
                    keepNode[graph.endNode(of: r)] = true
                }
            }
        } else {
            for n in graph.nodeIDs { keepNode[n] = true }
        }
        if let labels = selection.labels {
            for n in 0..<capacity where keepNode[n] {
                keepNode[n] = labels.contains { graph.hasLabel(n, $0) }
            }
        }
        var index = [Int32](repeating: -1, count: capacity)
        var nodes: [Int32] = []
        for n in 0..<capacity where keepNode[n] {
            index[n] = Int32(nodes.count)
            nodes.append(Int32(n))
        }

        self.nodes = nodes
        self.index = index
        let filtered = keepType != nil || keepRel != nil
        let keptNodes = nodes, denseIndex = index, typeFilter = keepType, relFilter = keepRel
        @Sendable func lists(_ direction: Direction) throws(AlgorithmStopped) -> Adjacency {
            var offsets = [Int](repeating: 0, count: keptNodes.count + 1)
            var bound = 0
            for node in keptNodes { bound += graph.degree(of: Int(node), direction) }
            var filled = 0
            var stopped = false
            var rels = [Int32](repeating: 0, count: bound)
            let targets = [Int32](unsafeUninitializedCapacity: bound) { targetBuffer, initialized in
                rels.withUnsafeMutableBufferPointer { relBuffer in
                    denseIndex.withUnsafeBufferPointer { index in
                        for (u, node) in keptNodes.enumerated() {
                            if u & 4095 == 0 && checkpoint.stopRequested {
                                stopped = true
                                break
                            }
                            graph.adjacency(of: Int(node), direction).withUnsafeBufferPointer { entries in
                                for e in entries {
                                    let other = index[Int(e.other)]
                                    guard other >= 0 else { continue }
                                    if filtered {
                                        if let typeFilter, !typeFilter[Int(e.type)] { continue }
                                        if let relFilter, !relFilter[Int(e.rel)] { continue }
                                    }
                                    targetBuffer[filled] = other
                                    relBuffer[filled] = e.rel
                                    filled += 1
                                }
                            }
                            offsets[u + 1] = filled
                        }
                    }
                }
                initialized = filled
            }
            if stopped { throw AlgorithmStopped() }
            rels.removeLast(bound - filled)
            return Adjacency(offsets: offsets, targets: targets, relationships: rels)
        }
        if directions == .outgoing {
            self.outgoing = try lists(.outgoing)
            self.incomingLists = nil
        } else {
            // The two directions are independent: build them on two cores.
            let built = UnsafeMutableBufferPointer<Adjacency?>.allocate(capacity: 2)
            built.initialize(repeating: nil)
            defer { built.deinitialize(); built.deallocate() }
            let shared = SendableBuffer(built)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                shared.buffer[k] = try? lists(k == 0 ? .outgoing : .incoming)
            }
            guard let out = built[0], let inc = built[1] else { throw AlgorithmStopped() }
            self.outgoing = out
            self.incomingLists = inc
        }
    }

    /// The adjacency of each node when relationships are followed in `direction`: for `.both`
    /// the outgoing entries then the incoming ones (a self-loop appears twice).
    public func adjacency(_ direction: Direction) -> Adjacency {
        switch direction {
        case .outgoing: return outgoing
        case .incoming: return incoming
        case .both: return .merging(outgoing, incoming)
        }
    }

    /// ``adjacency(_:)`` without parallel entries and self-loops: the neighbours in NetworkX's
    /// `nx.Graph(G)` (`.both`) or `nx.DiGraph(G)`, each node's in the order first met.
    public func simpleAdjacency(_ direction: Direction) -> Adjacency {
        switch direction {
        case .outgoing: return outgoing.simplified()
        case .incoming: return incoming.simplified()
        case .both: return Adjacency.simplifiedUnion(outgoing, incoming)
        }
    }

    /// The weight of each relationship of `list` (an adjacency of this view), read from the
    /// relationship property `key`; every relationship must have a usable weight.
    public func weights(of list: Adjacency, key: Int32, in graph: GraphStore, allowNegative: Bool = false) throws(WeightProblem) -> [Double] {
        var weights = [Double](repeating: 0, count: list.relationships.count)
        for (i, r) in list.relationships.enumerated() {
            weights[i] = try Self.weight(of: Int(r), key: key, in: graph, allowNegative: allowNegative)
        }
        return weights
    }

    /// The weight of relationship `rel`: its property `key`, a finite number.
    public static func weight(of rel: RelID, key: Int32, in graph: GraphStore, allowNegative: Bool) throws(WeightProblem) -> Double {
        let value = graph.property(of: rel, relationshipKey: key)
        let w: Double
        switch value {
        case .int(let i): w = Double(i)
        case .double(let d): w = d
        case .null: throw WeightProblem(relationship: rel, value: value, reason: .missing)
        default: throw WeightProblem(relationship: rel, value: value, reason: .notNumeric)
        }
        guard w.isFinite else { throw WeightProblem(relationship: rel, value: value, reason: .notFinite) }
        if w < 0 && !allowNegative { throw WeightProblem(relationship: rel, value: value, reason: .negative) }
        return w
    }
}

/// A relationship whose weight property cannot be used.
public struct WeightProblem: Error, Sendable {
    /// What is wrong with the weight.
    public enum Reason: Sendable { case missing, notNumeric, notFinite, negative }
    /// The relationship.
    public let relationship: RelID
    /// The property's value.
    public let value: Value
    /// What is wrong.
    public let reason: Reason

    /// Describes a relationship's unusable weight.
    public init(relationship: RelID, value: Value, reason: Reason) {
        self.relationship = relationship
        self.value = value
        self.reason = reason
    }
}
