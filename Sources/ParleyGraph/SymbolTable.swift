/// Interned strings: labels, relationship types or property keys, each given a dense `Int32` id.
public struct SymbolTable: Sendable {
    /// The names, indexed by id.
    public private(set) var names: [String] = []
    private var ids: [String: Int32] = [:]

    /// Creates an empty table.
    public init() {}

    /// The id of `name`, adding it if new.
    @discardableResult
    public mutating func intern(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    /// The id of `name`, or `nil` if it was never interned.
    @inlinable public func id(of name: String) -> Int32? { lookup(name) }

    @usableFromInline func lookup(_ name: String) -> Int32? { ids[name] }

    /// The name with this id.
    @inlinable public func name(_ id: Int32) -> String { names[Int(id)] }

    /// How many names are interned.
    public var count: Int { names.count }
}
