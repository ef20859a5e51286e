import ParleyGraph
import ParleyQuery
@testable import ParleyREPL
import Testing

/// Completion reads the engine's own vocabulary: temporal and new functions, the new keywords,
/// and namespaced names after their dot.
@Suite("Completion from the engine's vocabulary")
struct VocabularyCompletionTests {
    /// A completer over an empty graph.
    func completer() -> Completer {
        Completer(context: CompletionContext(graph: GraphStore(), parameterNames: [], metaCommands: [], pendingText: ""),
                  workingDirectory: nil)
    }

    @Test("the function list is the engine's: temporal, coll.* and the Cypher 5 functions are there")
    func functionList() {
        let functions = Set(CypherVocabulary.functions)
        for name in ["date", "datetime", "duration", "localtime", "localdatetime", "time", "date.truncate",
                     "duration.between", "valueType", "elementId", "timestamp", "randomUUID", "btrim", "normalize",
                     "char_length", "character_length", "isEmpty", "coll.sort", "coll.distinct", "coll.indexOf",
                     "count", "collect", "exists", "reduce", "shortestPath"] {
            #expect(functions.contains(name), "\(name) missing")
        }
        #expect(CypherVocabulary.functions == QueryVocabulary.functions)
        #expect(CypherVocabulary.keywords == QueryVocabulary.keywords)
    }

    @Test("date, datetime and duration complete as functions, with their namespaced forms listed")
    func temporal() {
        let datetime = completer().complete("RETURN datet")
        #expect(datetime.replacement == "datetime")
        #expect(datetime.candidates.contains("datetime.truncate"))
        #expect(completer().complete("RETURN duration.betw").replacement == "between(")
        #expect(completer().complete("RETURN localdatet").replacement == "localdatetime")
        #expect(Set(completer().complete("RETURN date").candidates).isSuperset(of: ["date", "datetime"]))
    }

    @Test("the new functions complete with an opening parenthesis")
    func newFunctions() {
        #expect(completer().complete("RETURN valuet").replacement == "valueType(")
        #expect(completer().complete("RETURN randomU").replacement == "randomUUID(")
        #expect(completer().complete("RETURN btr").replacement == "btrim(")
        #expect(completer().complete("RETURN normali").replacement == "normalize(")
        #expect(completer().complete("RETURN timest").replacement == "timestamp(")
        #expect(Set(completer().complete("RETURN char").candidates) == ["char_length", "character_length"])
    }

    @Test("after a namespace's dot, its functions complete: coll.so → coll.sort(, date.tru → date.truncate(")
    func namespaced() {
        let sort = completer().complete("RETURN coll.so")
        #expect(sort.typed == "so")
        #expect(sort.replacement == "sort(")
        #expect(Set(completer().complete("RETURN coll.").candidates)
                == ["distinct", "flatten", "indexOf", "insert", "max", "min", "remove", "sort"])
        #expect(completer().complete("RETURN date.tru").replacement == "truncate(")
        #expect(Set(completer().complete("RETURN date.tr").candidates) == ["truncate", "transaction"])
        // A variable's dot still completes property keys, not functions.
        #expect(completer().complete("WITH {a: 1} AS coll RETURN coll.so").candidates.isEmpty)
    }

    @Test("the new keywords complete: OFFSET, NULLS FIRST, NULLS LAST, IS :: and IS TYPED")
    func keywords() {
        #expect(completer().complete("MATCH (n) RETURN n OFFS").replacement == "OFFSET ")
        #expect(Set(completer().complete("MATCH (n) RETURN n ORDER BY n NULLS").candidates) == ["NULLS FIRST", "NULLS LAST"])
        #expect(Set(completer().complete("MATCH (n) RETURN n ORDER BY n NUL").candidates) == ["NULL", "NULLS FIRST", "NULLS LAST"])
        #expect(Set(completer().complete("RETURN 1 IS").candidates).isSuperset(of: ["IS ::", "IS NOT ::", "IS TYPED", "IS NULL"]))
    }

    @Test("after :: and TYPED, type names complete; a label still completes after a single colon")
    func typeNames() {
        #expect(completer().complete("RETURN 1 IS :: INTEG").replacement == "INTEGER ")
        #expect(completer().complete("RETURN 1 :: str").replacement == "STRING ")
        #expect(completer().complete("RETURN 1 IS TYPED DUR").replacement == "DURATION ")
        #expect(completer().complete("RETURN [1] IS :: LI").replacement == "LIST<")
        #expect(Set(completer().complete("RETURN 1 IS :: LOCAL").candidates) == ["LOCAL TIME", "LOCAL DATETIME"])
        #expect(completer().complete("RETURN 1 IS :: ").candidates == QueryVocabulary.typeNames)
        #expect(!completer().complete("MATCH (n:INT").candidates.contains("INTEGER"))
    }

    @Test("first and last stay usable as variable names")
    func notReserved() {
        #expect(!CypherVocabulary.reservedWords.contains("LAST"))
        #expect(!CypherVocabulary.reservedWords.contains("FIRST"))
        #expect(CypherVocabulary.reservedWords.contains("OFFSET"))
        #expect(completer().complete("WITH 1 AS lastly RETURN las").candidates.contains("lastly"))
    }
}
