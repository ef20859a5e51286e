import ParleyGraph
import Testing

@testable import ParleyQuery

/// The keyword lists live in one place (`Keywords`) and agree with each other and with what the
/// parser accepts.
@Suite("One vocabulary of keywords and functions")
struct KeywordsTests {
    /// The single words of the completion phrases (`ORDER BY` → `ORDER`, `BY`).
    static var phraseWords: Set<String> {
        Set(Keywords.phrases.flatMap { $0.split(separator: " ").map(String.init) })
    }

    @Test("every keyword the parser's hints know is offered by completion")
    func hintsAreOffered() {
        for word in Keywords.clauses + Keywords.others {
            #expect(Self.phraseWords.contains(word), "\(word) is not in a completion phrase")
        }
        #expect(Parser.clauseKeywords == Keywords.clauses)
        #expect(Parser.otherKeywords == Keywords.others)
    }

    @Test("a misspelt new keyword gets a did-you-mean hint")
    func hints() throws {
        let error = try #require(failure("UNWIND [1] AS x RETURN x OFSET 1"))
        #expect(error.hint == "did you mean OFFSET?")
    }

    @Test("every type name completion offers parses as a type")
    func typeNamesParse() throws {
        for name in Keywords.typeNames where name != "NOT NULL" {
            let text = name.hasSuffix("<") ? name + "INTEGER>" : name
            var parser = try Parser(text)
            _ = try parser.cypherType()
            #expect(parser.current.kind == .end, "\(name) left \(parser.current.text)")
        }
    }

    @Test("every scalar function the engine knows is in QueryVocabulary, and nothing unknown is")
    func functions() {
        let names = Set(QueryVocabulary.functions.map { $0.lowercased() })
        for function in BuiltinFunctions.Function.allCases {
            #expect(names.contains(function.rawValue.lowercased()), "\(function.rawValue)")
        }
        let specialForms: Set<String> = ["all", "any", "none", "single", "exists", "reduce", "shortestpath", "allshortestpaths"]
        for name in names where !specialForms.contains(name) {
            #expect(BuiltinFunctions.arity(of: name) != nil || Aggregator.isAggregate(name), "\(name) is offered but unknown")
        }
    }
}
