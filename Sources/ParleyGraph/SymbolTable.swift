/// Interned strings: labels, relationship types or property keys, each given a dense `Int32` id.
///
/// Names are told apart by their Unicode scalars, as Cypher compares strings: `é` (U+00E9)
/// and `e` + U+0301 are two names, although Swift's `String` equality would merge them.
public struct SymbolTable: Sendable {
    /// The names, indexed by id.
    public private(set) var names: [String] = []
    private var ids: [ScalarKey: Int32] = [:]

    /// Creates an empty table.
    public init() {}

    /// The id of `name`, adding it if new.
    @discardableResult
    public mutating func intern(_ name: String) -> Int32 {
        if let id = ids[ScalarKey(name)] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[ScalarKey(name)] = id
        return id
    }

    /// The id of `name`, or `nil` if it was never interned.
    @inlinable public func id(of name: String) -> Int32? { lookup(name) }

    @usableFromInline func lookup(_ name: String) -> Int32? { ids[ScalarKey(name)] }

    /// The name with this id.
    @inlinable public func name(_ id: Int32) -> String { names[Int(id)] }

    /// How many names are interned.
    public var count: Int { names.count }
}

/// A string compared and hashed by its UTF-8 bytes (exact Unicode scalars), not by canonical
/// equivalence.
struct ScalarKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ScalarKey, b: ScalarKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
