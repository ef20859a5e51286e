import ParleyGraph
import ParleyValues

/// Builds a ``GraphStore`` from what the node-link and JGF readers find: nodes by their file
/// id, labels, types and keys interned once per name, relationships added in bulk at the end.
struct InterchangeGraphBuilder {
    /// The graph being built.
    var store = GraphStore()
    /// File id text → node (numbers are keyed by their decimal text, see ``idText(_:)``).
    private var nodeTable = ByteStringTable(capacity: 1024)
    private var labelTable = NameTable()
    private var typeTable = NameTable()
    private var keyTable = NameTable()
    /// The interned `id` key.
    let idKey: Int32
    /// The byte offset of each node's id in the file (for "first defined on line N").
    private var idOffsets: [Int] = []
    /// The declared temporal kind of each key, by key id (`propertyTypes` in the marker).
    private var declared: [TemporalKind?] = []
    /// Relationships, added at the end.
    private var relTypes: [Int32] = []
    private var relStarts: [Int32] = []
    private var relEnds: [Int32] = []
    /// Scratch bytes for the text of a numeric id.
    private var numberText: [UInt8] = []

    /// The type of a relationship whose file names none.
    static let defaultType = "RELATED"

    /// Creates an empty builder.
    init() {
        idKey = store.internKey(GraphStore.idKey)
    }

    /// The number of relationships so far (the id the next one gets).
    var relationshipCount: Int { relTypes.count }

    // MARK: Names

    /// The key id of `name`.
    mutating func key(_ name: ByteSpan) -> Int32 {
        if let k = keyTable.find(name) { return k }
        let k = store.internKey(name.string)
        keyTable.insert(name, value: k)
        return k
    }

    /// The label id of `name`.
    mutating func label(_ name: ByteSpan) -> Int32 {
        if let l = labelTable.find(name) { return l }
        let l = store.internLabel(name.string)
        labelTable.insert(name, value: l)
        return l
    }

    /// The type id of `name`.
    mutating func type(_ name: ByteSpan) -> Int32 {
        if let t = typeTable.find(name) { return t }
        let t = store.internType(name.string)
        typeTable.insert(name, value: t)
        return t
    }

    /// The type id of ``defaultType``.
    mutating func defaultTypeID() -> Int32 { store.internType(InterchangeGraphBuilder.defaultType) }

    /// Declares `name` a key of temporal `kind`.
    mutating func declare(_ name: String, _ kind: TemporalKind) {
        let k = Int(store.internKey(name))
        while declared.count <= k { declared.append(nil) }
        declared[k] = kind
    }

    /// Node and edge keys written under another name (written key id → property key id).
    private var nodeRenames: [Int32: Int32] = [:]
    private var edgeRenames: [Int32: Int32] = [:]

    /// Reads the property written as `written` (on nodes or edges) as `original`.
    mutating func rename(_ written: String, to original: String, onNodes: Bool) {
        let w = store.internKey(written), o = store.internKey(original)
        if onNodes { nodeRenames[w] = o } else { edgeRenames[w] = o }
    }

    /// The property key of node key `k` (itself unless renamed).
    @inline(__always) func nodeKey(_ k: Int32) -> Int32 { nodeRenames.isEmpty ? k : nodeRenames[k] ?? k }

    /// The property key of edge key `k` (itself unless renamed).
    @inline(__always) func edgeKey(_ k: Int32) -> Int32 { edgeRenames.isEmpty ? k : edgeRenames[k] ?? k }

    /// The declared kind of key `k`, if any.
    func declaredKind(_ k: Int32) -> TemporalKind? { Int(k) < declared.count ? declared[Int(k)] : nil }

    // MARK: Nodes and relationships

    /// A node id as the file gives it: a string, or a number (``idText(_:)`` gives its text).
    enum FileID {
        case string(ByteSpan)
        case number(Value)
    }

    /// Gives `node` the file id `id` (at byte `at`), or throws the duplicate-id error naming
    /// the line of the first definition.
    mutating func register(_ node: NodeID, id: FileID, at: Int, length: Int, path: @autoclosure () -> String, in walker: JSONWalker) throws(JSONSyntaxError) {
        let existing: Int32? = withIDBytes(id) { table, span in table.insert(span, value: Int32(node)) }
        if let first = existing {
            let line = JSONSyntaxError.location(of: idOffsets[Int(first)], in: UnsafeBufferPointer(start: walker.s.base, count: walker.s.count)).line
            throw JSONSyntaxError(at: at, length: length, "\(path()): duplicate node id \(describe(id)) (first defined on line \(line))")
        }
        while idOffsets.count <= node { idOffsets.append(0) }
        idOffsets[node] = at
        store.setNodePropertyUnindexed(node, idKey, .string(idString(id)))
    }

    /// The node with file id `id`, if any.
    mutating func node(_ id: FileID) -> Int32? {
        withIDBytes(id) { table, span in table.find(span) }
    }

    /// Adds a relationship (its properties are set on ``relationshipCount`` before this call).
    mutating func addRelationship(type: Int32, from start: Int32, to end: Int32) {
        relTypes.append(type)
        relStarts.append(start)
        relEnds.append(end)
    }

    /// The finished graph.
    mutating func finish() throws(JSONSyntaxError) -> GraphStore {
        store.rebuildPropertyIndexes()
        do {
            try store.appendRelationships(types: relTypes, starts: relStarts, ends: relEnds)
        } catch {
            throw JSONSyntaxError(at: nil, "internal error while adding relationships: \(error)")
        }
        return store
    }

    // MARK: Id text

    /// The text Parley keeps for a numeric id: `7`, `-3`, `2.5`.
    static func idText(_ number: Value) -> String {
        switch number {
        case .int(let i): return String(i)
        case .double(let d): return GraphWriter.format(d)
        default: return ""
        }
    }

    /// `"kz"` or `7`, for messages.
    func describe(_ id: FileID) -> String {
        switch id {
        case .string(let s): return "\"\(s.string)\""
        case .number(let v): return InterchangeGraphBuilder.idText(v)
        }
    }

    private func idString(_ id: FileID) -> String {
        switch id {
        case .string(let s): return s.string
        case .number(let v): return InterchangeGraphBuilder.idText(v)
        }
    }

    private mutating func withIDBytes<R>(_ id: FileID, _ body: (inout ByteStringTable, ByteSpan) -> R) -> R {
        switch id {
        case .string(let span): return body(&nodeTable, span)
        case .number(let v):
            numberText.removeAll(keepingCapacity: true)
            numberText.append(contentsOf: InterchangeGraphBuilder.idText(v).utf8)
            return numberText.withUnsafeBufferPointer { buffer in
                body(&nodeTable, ByteSpan(start: buffer.baseAddress!, count: buffer.count))
            }
        }
    }
}
