import ParleyQuery

/// The words of the query language offered by completion: the engine's own keyword, function
/// and type-name lists (``QueryVocabulary``), so a keyword or function the engine gains is
/// offered without a change here.
enum CypherVocabulary {
    /// Keywords and keyword phrases, upper case. A first word that is never used alone appears
    /// only with the word that follows it (`ORDER BY`, `STARTS WITH`).
    static var keywords: [String] { QueryVocabulary.keywords }

    /// Upper-cased single words that are keywords (never offered as variables).
    static var reservedWords: Set<String> { QueryVocabulary.reservedWords }

    /// Function names in their usual spelling (scalar, aggregate, temporal, list, path and
    /// predicate functions).
    static var functions: [String] { QueryVocabulary.functions }
}
