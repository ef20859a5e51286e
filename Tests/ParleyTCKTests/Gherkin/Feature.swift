/// One `.feature` file after parsing: its scenarios with Scenario Outlines already expanded.
struct Feature: Sendable {
    /// The path of the file relative to the features folder (`clauses/match/Match1.feature`).
    var path: String
    /// The text after `Feature:`.
    var name: String
    /// Every runnable scenario, in file order (one per Examples row for an outline).
    var scenarios: [Scenario]
}

/// One runnable scenario: a plain `Scenario`, or one row of a `Scenario Outline`'s Examples.
struct Scenario: Sendable {
    /// The feature file path relative to the features folder.
    var featurePath: String
    /// The line of the `Scenario:` / `Scenario Outline:` keyword (1-based).
    var line: Int
    /// The scenario name as written (placeholders are not substituted, so the id stays stable).
    var name: String
    /// For an outline expansion, the 1-based number of the Examples row (commented-out rows
    /// are not counted); `nil` for a plain scenario.
    var example: Int?
    /// Tags on the scenario (`@ignore`, ...), without the `@`. Informational only.
    var tags: [String]
    /// Background steps followed by the scenario's steps, placeholders substituted.
    var steps: [Step]

    /// The stable id used in reports and in `passing.txt`:
    /// `clauses/match/Match1.feature:33: [1] Match non-existent nodes returns empty [example 2]`.
    var id: String {
        let base = "\(featurePath):\(line): \(name)"
        return example.map { "\(base) [example \($0)]" } ?? base
    }

    /// The folder of the feature, relative to the features folder (`clauses/match`).
    var folder: String {
        guard let slash = featurePath.lastIndex(of: "/") else { return "." }
        return String(featurePath[..<slash])
    }
}

/// One step: `Given an empty graph`, `When executing query:` with its doc string, a table, ...
struct Step: Sendable, Equatable {
    /// `Given`, `When`, `Then`, `And`, `But` or `*` (the meaning comes from ``text`` alone).
    var keyword: String
    /// The text after the keyword, trimmed.
    var text: String
    /// The 1-based line of the step in its file.
    var line: Int
    /// The `"""` argument, with the opening delimiter's indentation removed.
    var docString: String?
    /// The table argument: rows of unescaped, trimmed cells.
    var table: [[String]]?
}
