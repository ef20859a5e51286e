import ParleyGraph
import ParleyValues

/// Types, as type predicates name them: `INTEGER`, `LIST<STRING NOT NULL>`, `INTEGER | FLOAT`,
/// `ANY<BOOLEAN | DATE>`, with every synonym the Cypher manual lists.
extension Parser {
    /// A type: one or more members separated by `|` (a closed dynamic union).
    mutating func cypherType() throws(QueryError) -> CypherType {
        let start = current.range.start
        var members = [try typeMember()]
        while current.isSymbol("|"), Parser.startsType(peek(), after: peek(2)) {
            advance()
            members.append(try typeMember())
        }
        if members.count == 1 { return members[0] }
        return try union(members, range(from: start))
    }

    /// A closed dynamic union of `members`, which must agree on nullability.
    private func union(_ members: [CypherType], _ r: SourceRange) throws(QueryError) -> CypherType {
        let nullable = members.map { $0.nullable || $0.kind == .null }
        if Set(nullable).count > 1 {
            throw error(.invalidTypeUnion, "All types in a closed dynamic union must be nullable, or be appended with NOT NULL", r)
        }
        return CypherType(.union(members), nullable: nullable[0])
    }

    /// One member of a union: a simple type, optionally `NOT NULL`, then any number of
    /// postfix `LIST` / `ARRAY` (each optionally `NOT NULL`).
    private mutating func typeMember() throws(QueryError) -> CypherType {
        var t = try simpleType()
        t.nullable = !acceptNotNull() && t.nullable
        while current.isKeyword("LIST") || current.isKeyword("ARRAY") {
            advance()
            t = CypherType(.list(t))
            if acceptNotNull() { t.nullable = false }
        }
        return t
    }

    /// `NOT NULL` after a type (consumed only as the pair).
    private mutating func acceptNotNull() -> Bool {
        guard current.isKeyword("NOT"), peek().isKeyword("NULL") else { return false }
        advance(); advance()
        return true
    }

    /// A type name without `NOT NULL` or postfix `LIST`.
    private mutating func simpleType() throws(QueryError) -> CypherType {
        guard current.kind == .word else { throw unexpected(expected: "a type") }
        let word = current.text.uppercased()
        switch word {
        case "NOTHING": advance(); return CypherType(.nothing, nullable: false)
        case "NULL": advance(); return CypherType(.null)
        case "BOOL", "BOOLEAN": advance(); return CypherType(.boolean)
        case "STRING", "VARCHAR": advance(); return CypherType(.string)
        case "INT", "INTEGER": advance(); return CypherType(.integer)
        case "SIGNED":
            advance()
            try expect("INTEGER")
            return CypherType(.integer)
        case "FLOAT": advance(); return CypherType(.float)
        case "DATE": advance(); return CypherType(.date)
        case "DURATION": advance(); return CypherType(.duration)
        case "POINT": advance(); return CypherType(.point)
        case "PATH": advance(); return CypherType(.path)
        case "LOCAL", "ZONED":
            advance()
            let zoned = word == "ZONED"
            if accept("TIME") { return CypherType(zoned ? .zonedTime : .localTime) }
            if accept("DATETIME") { return CypherType(zoned ? .zonedDateTime : .localDateTime) }
            throw unexpected(expected: "TIME or DATETIME")
        case "TIME", "TIMESTAMP":
            advance()
            let with: Bool
            if accept("WITH") { with = true } else if accept("WITHOUT") { with = false } else {
                throw unexpected(expected: "WITH or WITHOUT")
            }
            if !accept("TIMEZONE") {
                try expect("TIME")
                try expect("ZONE")
            }
            if word == "TIME" { return CypherType(with ? .zonedTime : .localTime) }
            return CypherType(with ? .zonedDateTime : .localDateTime)
        case "LIST", "ARRAY":
            advance()
            return CypherType(.list(try angleBracketed()))
        case "ANY":
            advance()
            _ = accept("VALUE")
            if current.isSymbol("<") {
                let inner = try angleBracketed()
                return inner
            }
            if let kind = anyQualified() { return CypherType(kind) }
            return CypherType(.any)
        default:
            if let kind = anyQualified() { return CypherType(kind) }
            throw unexpected(expected: "a type (INTEGER, STRING, LIST<...>, ...)")
        }
    }

    /// The words that may follow `ANY` (or stand alone): `NODE`, `VERTEX`, `RELATIONSHIP`,
    /// `EDGE`, `MAP`, `PROPERTY VALUE`.
    private mutating func anyQualified() -> CypherType.Kind? {
        guard current.kind == .word else { return nil }
        switch current.text.uppercased() {
        case "NODE", "VERTEX": advance(); return .node
        case "RELATIONSHIP", "EDGE": advance(); return .relationship
        case "MAP": advance(); return .map
        case "PROPERTY" where peek().isKeyword("VALUE"): advance(); advance(); return .propertyValue
        default: return nil
        }
    }

    /// `< type >`.
    private mutating func angleBracketed() throws(QueryError) -> CypherType {
        try expectSymbol("<")
        let inner = try cypherType()
        try expectSymbol(">")
        return inner
    }

    /// Whether `token` (followed by `next`) can start a type, to tell `x :: INTEGER | FLOAT`
    /// from `[x IN l WHERE x :: INTEGER | x]`.
    static func startsType(_ token: Token, after next: Token) -> Bool {
        guard token.kind == .word else { return false }
        if next.isSymbol("(") || next.isSymbol(".") { return false }
        return typeWords.contains(token.text.uppercased())
    }

    /// The first words of every type name.
    static let typeWords: Set<String> = [
        "NOTHING", "NULL", "BOOL", "BOOLEAN", "STRING", "VARCHAR", "INT", "INTEGER", "SIGNED", "FLOAT",
        "DATE", "DURATION", "POINT", "PATH", "LOCAL", "ZONED", "TIME", "TIMESTAMP", "LIST", "ARRAY", "ANY",
        "NODE", "VERTEX", "RELATIONSHIP", "EDGE", "MAP", "PROPERTY",
    ]
}

extension Parser {
    /// `::` or `TYPED` after `IS [NOT]`.
    mutating func acceptTypeMarker() -> Bool {
        acceptSymbol("::") || accept("TYPED")
    }
}
