import ParleyQuery

/// The text of `:help cypher` (the clauses and pattern forms, one line each) and
/// `:help functions` (every function name), for a reminder without leaving the REPL.
enum CypherHelp {
    /// The clauses and forms, as (syntax, what it does).
    static let forms: [(String, String)] = [
        ("MATCH pattern [WHERE p]", "find every match of the pattern"),
        ("OPTIONAL MATCH pattern [WHERE p]", "the matches, or one row of nulls"),
        ("WITH [DISTINCT] items [ORDER BY …] [OFFSET n] [LIMIT n] [WHERE p]", "project, aggregate, page, then go on"),
        ("RETURN [DISTINCT] items [ORDER BY … [NULLS FIRST|LAST]] [OFFSET n] [LIMIT n]", "the result"),
        ("UNWIND list AS x", "a row per element"),
        ("LET x = e, y = e", "bind new variables, keeping the others"),
        ("FILTER [WHERE] p", "keep the rows where p is true"),
        ("ORDER BY … | OFFSET n | LIMIT n", "order or page the rows between clauses"),
        ("FINISH", "end a query that returns nothing"),
        ("q UNION [ALL] q", "the rows of both queries"),
        ("CREATE pattern", "add nodes and relationships"),
        ("MERGE pattern [ON CREATE SET …] [ON MATCH SET …]", "match, or create when there is no match"),
        ("SET n.k = e | n = {…} | n += {…} | n:Label", "change properties and labels"),
        ("REMOVE n.k | n:Label", "remove properties and labels"),
        ("[DETACH] DELETE n", "delete (DETACH: with its relationships)"),
        ("FOREACH (x IN list | updates)", "run update clauses per element"),
        ("CALL name(args) [YIELD cols]", "run a procedure (:help procedures)"),
        ("[OPTIONAL] CALL [(x, y) | (*)] { query }", "a subquery per row"),
        ("EXISTS { … }  COUNT { … }  COLLECT { … }", "subquery expressions"),
        ("(n:A|B&!C WHERE p)-[r:R|S WHERE p]->(m)", "label and type expressions, WHERE inside a pattern"),
        ("-[:R*1..3]-   -[:R]->{1,3}   ((a)-[:R]->(b)){2,}", "variable length, quantified relationship and path pattern"),
        ("MATCH p = SHORTEST k | ALL SHORTEST | ANY (a)-[:R]-+(b)", "path selectors"),
        ("shortestPath((a)-[*]-(b))   allShortestPaths(…)", "shortest paths, in MATCH or as an expression"),
        ("x IS [NOT] :: TYPE [NOT NULL]", "type predicates"),
        ("EXPLAIN query | PROFILE query", "the plan; with rows and time per step"),
    ]

    /// `:help cypher`.
    static var text: String {
        let width = forms.map { $0.0.count }.max() ?? 0
        var text = "Cypher in Parley (docs/language.md has each with examples):\n"
        for (syntax, summary) in forms {
            text += "  " + syntax + String(repeating: " ", count: width - syntax.count + 2) + summary + "\n"
        }
        return text + "\n:help functions lists the functions.\n"
    }

    /// `:help functions`: every function name, wrapped to `width` columns.
    static func functions(width: Int = 96) -> String {
        var text = "Functions (docs/language.md explains each):\n"
        var line = " "
        for name in QueryVocabulary.functions {
            if line.count + name.count + 1 > width {
                text += line + "\n"
                line = " "
            }
            line += " " + name
        }
        return text + line + "\n"
    }
}
