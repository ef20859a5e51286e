/// The words of the query language offered by completion: clause keywords and function names.
enum CypherVocabulary {
    /// Keywords, upper case. A first word that is never used alone appears only with the word
    /// that follows it (`ORDER BY`, `STARTS WITH`).
    static let keywords: [String] = [
        "MATCH", "OPTIONAL MATCH", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER BY", "BY", "SKIP", "LIMIT",
        "CREATE", "MERGE", "ON CREATE SET", "ON MATCH SET", "DELETE", "DETACH DELETE", "SET", "REMOVE",
        "UNION", "ALL", "DISTINCT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS NULL", "IS NOT NULL", "NULL",
        "STARTS WITH", "ENDS WITH", "CONTAINS", "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "ASCENDING",
        "DESC", "DESCENDING", "TRUE", "FALSE", "EXISTS", "FOREACH", "CALL", "YIELD", "EXPLAIN", "PROFILE",
    ]

    /// Upper-cased single words that are keywords (never offered as variables).
    static let reservedWords: Set<String> = {
        var words = Set<String>()
        for keyword in keywords {
            for part in keyword.split(separator: " ") { words.insert(String(part)) }
        }
        return words
    }()

    /// Function names in their usual spelling (scalar, aggregate, list, path and predicate functions).
    static let functions: [String] = [
        "abs", "acos", "all", "allShortestPaths", "any", "asin", "atan", "atan2", "avg", "ceil", "coalesce",
        "collect", "cos", "cot", "count", "degrees", "e", "endNode", "exp", "floor", "head", "id", "isEmpty",
        "keys", "labels", "last", "left", "length", "log", "log10", "ltrim", "max", "min", "nodes", "none",
        "percentileCont", "percentileDisc", "pi", "properties", "radians", "rand", "range", "reduce",
        "relationships", "replace", "reverse", "right", "round", "rtrim", "shortestPath", "sign", "sin",
        "single", "size", "split", "sqrt", "startNode", "stDev", "stDevP", "substring", "sum", "tail", "tan",
        "toBoolean", "toBooleanOrNull", "toFloat", "toFloatOrNull", "toInteger", "toIntegerOrNull", "toLower",
        "toString", "toStringOrNull", "toUpper", "trim", "type",
    ]
}
