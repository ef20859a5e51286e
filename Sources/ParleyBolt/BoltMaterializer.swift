import ParleyGraph
import ParleyValues

/// Turns server values into Parley ``Value``s. Parley's values name nodes and relationships by
/// id in a ``GraphStore``; the materialiser copies each node and relationship a result
/// mentions into its own scratch store, once per element id, so that the table, JSON, Cypher and
/// DOT renderers draw remote results exactly as local ones.
///
/// Values Parley has no type for: a point becomes the map `{srid, x, y[, z]}`, a byte array a
/// list of integers, an unknown structure the map `{signature, fields}`. As a property (which
/// cannot hold a map) a point is its Cypher text, `point({srid: 4326, x: 2.5, y: 1.5})`.
public struct BoltMaterializer {
    /// The nodes and relationships seen so far.
    public private(set) var graph = GraphStore()
    private var nodeIDs: [String: NodeID] = [:]
    private var relIDs: [String: RelID] = [:]
    /// Relationship ends made as placeholders and not seen as nodes yet: element id → the
    /// legacy integer id (what `id(n)` returns).
    public private(set) var unseenNodes: [String: Int64] = [:]

    public init() {}

    /// The number of elements copied so far (to start a new scratch store per batch).
    public var elementCount: Int { nodeIDs.count + relIDs.count }

    /// A record's values.
    public mutating func row(_ values: [BoltValue]) throws(BoltError) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(values.count)
        for v in values { out.append(try value(v)) }
        return out
    }

    /// One value.
    public mutating func value(_ v: BoltValue) throws(BoltError) -> Value {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .list(b.map { .int(Int64($0)) })
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for i in items { out.append(try value(i)) }
            return .list(out)
        case .map(let m): return .map(try map(m))
        case .node(let n): return .node(try node(n))
        case .relationship(let r):
            let start = try placeholder(r.startKey, legacyID: r.startNodeID)
            let end = try placeholder(r.endKey, legacyID: r.endNodeID)
            return .relationship(try relationship(key: r.key, type: r.type, properties: r.properties, from: start, to: end))
        case .unboundRelationship(let r):
            return .map(["type": .string(r.type), "properties": .map(try map(r.properties))])
        case .path(let p):
            let steps = try p.steps()
            guard let first = p.nodes.first else { return .null }
            var nodes = [try node(first)]
            var rels: [RelID] = []
            for step in steps {
                let from = try node(step.from)
                let to = try node(step.to)
                let key = step.relationship.elementID ?? String(step.relationship.id)
                let r = step.relationship
                rels.append(try relationship(key: key, type: r.type, properties: r.properties, from: step.forward ? from : to, to: step.forward ? to : from))
                nodes.append(to)
            }
            return .path(Path(nodes: nodes, relationships: rels))
        case .date(let d): return .temporal(.date(d))
        case .time(let t): return .temporal(.time(t))
        case .localTime(let t): return .temporal(.localTime(t))
        case .dateTime(let z): return .temporal(.dateTime(z))
        case .localDateTime(let l): return .temporal(.localDateTime(l))
        case .duration(let d): return .temporal(.duration(d))
        case .point(let p):
            var m: [String: Value] = ["srid": .int(p.srid), "x": .double(p.x), "y": .double(p.y)]
            if let z = p.z { m["z"] = .double(z) }
            return .map(m)
        case .structure(let s):
            var fields: [Value] = []
            for f in s.fields { fields.append(try value(f)) }
            return .map(["signature": .int(Int64(s.signature)), "fields": .list(fields)])
        }
    }

    private mutating func map(_ m: BoltMap) throws(BoltError) -> [String: Value] {
        var out: [String: Value] = [:]
        for e in m.entries { out[e.key] = try value(e.value) }
        return out
    }

    /// Properties as the store can hold them (see the type's note on points).
    private mutating func properties(_ m: BoltMap) throws(BoltError) -> [String: Value] {
        var out: [String: Value] = [:]
        for e in m.entries {
            var v = try value(e.value)
            if !v.isStorableProperty { v = .string(Self.propertyText(e.value)) }
            out[e.key] = v
        }
        return out
    }

    /// The Cypher text of a value the store cannot hold as a property.
    static func propertyText(_ v: BoltValue) -> String {
        switch v {
        case .point(let p):
            let z = p.z.map { ", z: \(Value.double($0).cypherLiteral(in: nil))" } ?? ""
            return "point({srid: \(p.srid), x: \(Value.double(p.x).cypherLiteral(in: nil)), y: \(Value.double(p.y).cypherLiteral(in: nil))\(z)})"
        case .list(let items): return "[" + items.map(propertyText).joined(separator: ", ") + "]"
        default:
            var scratch = BoltMaterializer()
            return ((try? scratch.value(v)) ?? .null).cypherLiteral(in: nil)
        }
    }

    private mutating func node(_ n: BoltNode) throws(BoltError) -> NodeID {
        if let id = nodeIDs[n.key] {
            unseenNodes[n.key] = nil
            // A placeholder made for a relationship's end gets its labels and properties now.
            if graph.labels(of: id).isEmpty && graph.properties(of: id).isEmpty {
                for l in n.labels { graph.addLabel(id, named: l) }
                for (k, v) in try properties(n.properties) { _ = try? graph.setProperty(id, k, v) }
            }
            return id
        }
        let props = try properties(n.properties)
        do {
            let id = try graph.addNode(labels: n.labels, properties: props)
            nodeIDs[n.key] = id
            return id
        } catch {
            throw .unsupportedValue("a node from the server: \(error)")
        }
    }

    /// The node with this element id, or an empty one standing for it until it is seen.
    private mutating func placeholder(_ key: String, legacyID: Int64) throws(BoltError) -> NodeID {
        if let id = nodeIDs[key] { return id }
        let id = graph.createNode()
        nodeIDs[key] = id
        unseenNodes[key] = legacyID
        return id
    }

    private mutating func relationship(key: String, type: String, properties m: BoltMap, from: NodeID, to: NodeID) throws(BoltError) -> RelID {
        if let id = relIDs[key] { return id }
        let props = try properties(m)
        do {
            let id = try graph.addRelationship(type: type, from: from, to: to, properties: props)
            relIDs[key] = id
            return id
        } catch {
            throw .unsupportedValue("a relationship from the server: \(error)")
        }
    }
}
