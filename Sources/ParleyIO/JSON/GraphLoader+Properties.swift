import ParleyGraph
import ParleyValues

/// Property maps and values, and the paths that error messages use.
extension GraphLoader {
    // MARK: Properties

    /// Reads a property object and sets each non-null value on the node or relationship.
    mutating func readProperties(of entity: Int, onNode: Bool, _ owner: Owner) throws(JSONSyntaxError) {
        guard s.peek() == UInt8(ascii: "{"), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "\(owner).properties: expected an object but found \(s.foundValue(at: s.pos))")
        }
        seenCount = 0
        guard try openObject() else { return }
        repeat {
            let (name, keyAt) = try readKey("\(owner).properties")
            let key: Int32
            if let known = keyTable.find(name) {
                key = known
            } else {
                key = store.internKey(name.string)
                keyTable.insert(name, value: key)
            }
            if key == idKey {
                let what = onNode ? "the node id" : "the edge id"
                throw JSONSyntaxError(at: keyAt, length: 4, "\(owner).properties: \"id\" is reserved for \(what): expected it as the \"id\" key of the \(onNode ? "node" : "edge"), not among its properties")
            }
            if seenKeys[0..<seenCount].contains(key) {
                throw JSONSyntaxError(at: keyAt, length: name.count + 2, "\(owner).properties: duplicate property key \"\(store.keys.name(key))\"")
            }
            if seenCount == seenKeys.count { seenKeys.append(key) } else { seenKeys[seenCount] = key }
            seenCount += 1
            let value = try readPropertyValue(PropertyPath(owner: owner, key: key))
            if !value.isNull {
                if onNode { store.setNodePropertyUnindexed(entity, key, value) } else { store.setRelationshipProperty(entity, key, value) }
            }
        } while try nextMember("\(owner).properties")
    }

    /// Reads a property value: null, a boolean, a number, a string, a typed value, or a flat
    /// list of those.
    mutating func readPropertyValue(_ at: PropertyPath) throws(JSONSyntaxError) -> Value {
        if s.peek() == UInt8(ascii: "["), !s.atEnd {
            s.pos += 1
            var items: [Value] = []
            s.skipWhitespace()
            if s.peek() == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return .list(items) }
            while true {
                if !items.isEmpty && s.peek() == UInt8(ascii: "]") { throw s.unexpected("a value after ','") }
                let c = s.peek()
                if c == UInt8(ascii: "[") {
                    throw JSONSyntaxError(at: s.pos, "\(describe(at))[\(items.count)]: expected a boolean, number, string, typed value or null (property lists cannot hold lists) but found an array")
                }
                items.append(c == UInt8(ascii: "{") ? try readTypedValue(at, element: items.count) : try readScalar(at))
                s.skipWhitespace()
                let d = s.peek()
                if d == UInt8(ascii: ","), !s.atEnd { s.pos += 1; s.skipWhitespace(); continue }
                if d == UInt8(ascii: "]"), !s.atEnd { s.pos += 1; return .list(items) }
                throw s.unexpected("',' or ']' in a list")
            }
        }
        if s.peek() == UInt8(ascii: "{"), !s.atEnd { return try readTypedValue(at, element: nil) }
        return try readScalar(at)
    }

    /// Reads null, a boolean, a number or a string.
    @inline(__always) mutating func readScalar(_ at: PropertyPath) throws(JSONSyntaxError) -> Value {
        switch s.peek() {
        case UInt8(ascii: "\""):
            if let key = at.key, Int(key) < declaredTypes.count, let kind = declaredTypes[Int(key)] {
                return try readDeclared(kind, at)
            }
            return .string(try s.readString().string)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try s.readNumber()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard let b = try s.readLiteral() else { return .null }
            return .bool(b)
        default:
            throw s.unexpected("a value for \(describe(at))")
        }
    }

    // MARK: Errors

    /// A node or edge in error messages: `nodes[3]`.
    struct Owner: CustomStringConvertible {
        var section: StaticString
        var index: Int
        var description: String { "\(section)[\(index)]" }
    }

    /// A property value in error messages: `edges[3].properties.weight`, or the edge `id`.
    struct PropertyPath {
        var owner: Owner
        /// The property key, or `nil` for the edge's `"id"`.
        var key: Int32?
    }

    func describe(_ path: PropertyPath) -> String {
        guard let key = path.key else { return "\(path.owner).id" }
        return "\(path.owner).properties.\(store.keys.name(key))"
    }

    func duplicateKey(_ at: Int, _ key: String, _ owner: String) -> JSONSyntaxError {
        JSONSyntaxError(at: at, length: key.utf8.count + 2, "\(owner): duplicate key \"\(key)\"")
    }

    func missing(_ at: Int, _ owner: String, _ key: String) -> JSONSyntaxError {
        JSONSyntaxError(at: at, "\(owner): missing \"\(key)\"")
    }
}
