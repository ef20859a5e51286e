/// The keywords of the query language, in one place: the parser's "did you mean" hints, the
/// REPL's completion and its list of reserved words all read these lists (through
/// ``QueryVocabulary`` outside this module).
enum Keywords {
    /// The words that start a clause, for "expected ..." messages and hints.
    static let clauses = ["MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CREATE", "MERGE", "SET", "REMOVE", "DELETE", "DETACH", "UNION", "CALL", "FOREACH", "LET", "FILTER", "FINISH"]

    /// The other keywords considered for "did you mean" hints.
    static let others = [
        "WHERE", "ORDER", "BY", "SKIP", "LIMIT", "AS", "DISTINCT", "AND", "OR", "XOR", "NOT", "IN", "IS", "NULL",
        "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "DESC", "ASCENDING", "DESCENDING", "CONTAINS", "STARTS", "ENDS",
        "ON", "ALL", "EXPLAIN", "PROFILE", "TRUE", "FALSE", "OFFSET", "NULLS", "FIRST", "LAST", "TYPED",
        "ANY", "SHORTEST", "GROUPS",
    ]

    /// Keywords and keyword phrases as completion offers them, upper case. A first word that
    /// is never used alone appears only with the word that follows it (`ORDER BY`, `STARTS WITH`).
    static let phrases = [
        "MATCH", "OPTIONAL MATCH", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER BY", "BY", "SKIP", "OFFSET", "LIMIT",
        "CREATE", "MERGE", "ON CREATE SET", "ON MATCH SET", "DELETE", "DETACH DELETE", "SET", "REMOVE",
        "UNION", "ALL", "DISTINCT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS NULL", "IS NOT NULL", "NULL",
        "IS ::", "IS NOT ::", "IS TYPED", "IS NOT TYPED", "NULLS FIRST", "NULLS LAST",
        "STARTS WITH", "ENDS WITH", "CONTAINS", "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "ASCENDING",
        "DESC", "DESCENDING", "TRUE", "FALSE", "EXISTS", "FOREACH", "CALL", "YIELD", "EXPLAIN", "PROFILE",
        "ANY", "ANY SHORTEST", "ALL SHORTEST", "SHORTEST", "SHORTEST GROUPS", "LET", "FILTER", "FINISH",
    ]

    /// The type names a type predicate accepts (`x IS :: INTEGER`), canonical spellings first,
    /// then synonyms.
    static let typeNames = [
        "ANY", "NOTHING", "NULL", "BOOLEAN", "STRING", "INTEGER", "FLOAT", "DATE", "LOCAL TIME", "ZONED TIME",
        "LOCAL DATETIME", "ZONED DATETIME", "DURATION", "POINT", "NODE", "RELATIONSHIP", "PATH", "MAP", "LIST<",
        "PROPERTY VALUE", "NOT NULL",
        "BOOL", "VARCHAR", "INT", "SIGNED INTEGER", "TIME WITHOUT TIME ZONE", "TIME WITH TIME ZONE",
        "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP WITH TIME ZONE", "VERTEX", "EDGE", "ARRAY<", "ANY VALUE",
        "ANY NODE", "ANY RELATIONSHIP", "ANY MAP", "ANY PROPERTY VALUE",
    ]
}
