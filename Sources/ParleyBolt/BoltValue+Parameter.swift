import ParleyValues

extension BoltValue {
    /// A Parley value as a query parameter. Nodes, relationships and paths live in the local
    /// store and mean nothing to the server, so they are refused.
    public init(parameter value: Value) throws(BoltError) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .float(d)
        case .string(let s): self = .string(s)
        case .list(let items):
            var out: [BoltValue] = []
            for i in items { out.append(try BoltValue(parameter: i)) }
            self = .list(out)
        case .map(let m):
            var entries: [(key: String, value: BoltValue)] = []
            for k in m.keys.sorted() { entries.append((key: k, value: try BoltValue(parameter: m[k]!))) }
            self = .map(BoltMap(entries))
        case .temporal(let t):
            switch t {
            case .date(let d): self = .date(d)
            case .time(let x): self = .time(x)
            case .localTime(let x): self = .localTime(x)
            case .dateTime(let x): self = .dateTime(x)
            case .localDateTime(let x): self = .localDateTime(x)
            case .duration(let x): self = .duration(x)
            }
        case .node, .relationship, .path:
            throw .unsupportedValue("a \(value.typeName.lowercased()) of the local graph cannot be a parameter of a server query")
        }
    }
}
