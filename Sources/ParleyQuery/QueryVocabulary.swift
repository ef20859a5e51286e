/// The words of the query language for tools outside the engine (the REPL's completion):
/// keywords, function names and type names, from the same lists the parser and the function
/// library use.
public enum QueryVocabulary {
    /// Keywords and keyword phrases, upper case (`MATCH`, `ORDER BY`, `IS NOT ::`).
    public static var keywords: [String] { Keywords.phrases }

    /// Upper-cased single words of the keyword phrases (never offered as variables), except
    /// `FIRST` and `LAST`, which are keywords only after `NULLS` and common variable names.
    public static let reservedWords: Set<String> = {
        var words = Set<String>()
        for phrase in Keywords.phrases {
            for part in phrase.split(separator: " ") where part.allSatisfy(\.isLetter) { words.insert(String(part)) }
        }
        return words.subtracting(["FIRST", "LAST"])
    }()

    /// Every function in its usual spelling: scalar, aggregate, temporal (`date`,
    /// `datetime.truncate`, `duration.between`, ...), list (`coll.sort`) and the special forms
    /// the parser knows (`exists`, `reduce`, the list quantifiers, `shortestPath`).
    public static let functions: [String] = {
        let specialForms = ["all", "any", "none", "single", "exists", "reduce", "shortestPath", "allShortestPaths"]
        var seen = Set<String>()
        return (BuiltinFunctions.allNames + specialForms).filter { seen.insert($0.lowercased()).inserted }
            .sorted { $0.lowercased() < $1.lowercased() }
    }()

    /// Type names for type predicates (`x IS :: INTEGER`), canonical spellings first.
    public static var typeNames: [String] { Keywords.typeNames }
}
