import Foundation

/// Parley's own scenarios in the TCK's notation (`Tests/ParleyTCKTests/Features`, one feature
/// file per area of the language beyond the TCK): where they are, how many each area has, and
/// the section of docs/conformance.md that states those counts.
struct ParleyScenarioReport {
    /// The features folder, relative to the package root.
    static let featuresFolder = "Tests/ParleyTCKTests/Features"
    /// The first and last lines of the section in docs/conformance.md.
    static let beginMarker = "<!-- parley-scenarios:begin (generated; PARLEY_TCK_UPDATE=1 swift test --filter ParleyScenarioTests rewrites it) -->"
    static let endMarker = "<!-- parley-scenarios:end -->"

    /// One area: a feature file and its scenario count.
    struct Area: Equatable {
        /// The file name without `.feature` (`subqueries`).
        var name: String
        /// The `Feature:` title.
        var title: String
        var scenarios: Int
    }

    var areas: [Area]

    var total: Int { areas.reduce(0) { $0 + $1.scenarios } }

    /// The runner over the features folder (it needs no named graphs).
    static func suite() -> TCKSuite {
        let root = TCKSuite.packageRoot().appendingPathComponent(featuresFolder)
        return TCKSuite(tckRoot: root, featuresRoot: root)
    }

    /// The areas of `features`, sorted by file name.
    init(features: [Feature]) {
        areas = features.map { feature in
            let file = feature.path.split(separator: "/").last.map(String.init) ?? feature.path
            let name = file.hasSuffix(".feature") ? String(file.dropLast(".feature".count)) : file
            return Area(name: name, title: feature.name, scenarios: feature.scenarios.count)
        }.sorted { $0.name < $1.name }
    }

    /// The console line: `Parley scenarios: N passed, M failed, K skipped`.
    static func summaryLine(_ records: [ScenarioRecord]) -> String {
        let passed = records.count { $0.outcome.isPassed }
        let skipped = records.count { if case .skipped = $0.outcome { return true } else { return false } }
        return "Parley scenarios: \(passed) passed, \(records.count - passed - skipped) failed, \(skipped) skipped"
    }

    /// The section of docs/conformance.md, markers included.
    func markdown() -> String {
        var md = """
        \(Self.beginMarker)
        ## Parley's own scenarios

        The features Parley has beyond the TCK ([language.md](language.md): subqueries, FOREACH, label
        expressions, patterns with `WHERE`, quantified paths, path selectors, type predicates and
        newer functions) have scenarios of their own, written for Parley in the TCK's notation on
        small graphs each scenario creates, with results worked out from the semantics the Neo4j
        Cypher Manual documents. They live in `\(Self.featuresFolder)`, one feature file per area, and
        run in `make test` (and `swift test --filter ParleyTCKTests`) without the TCK, reported apart
        from it (`Parley scenarios: N passed, …`); every one must pass, so a failing scenario fails
        the test.

        | area | what it covers | scenarios |
        |---|---|---:|

        """
        for a in areas {
            let covers = a.title.firstRange(of: " - ").map { String(a.title[$0.upperBound...]) } ?? a.title
            md += "| [\(a.name)](../\(Self.featuresFolder)/\(a.name).feature) | \(covers.replacingAll("|", with: "\\|")) | \(a.scenarios) |\n"
        }
        md += "| **total** | | \(total) |\n"
        md += Self.endMarker + "\n"
        return md
    }

    /// The section as it stands in `document`, markers included; `nil` when it has none.
    static func section(in document: String) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker, range: begin.upperBound..<document.endIndex) else { return nil }
        var text = String(document[begin.lowerBound..<end.upperBound])
        if document[end.upperBound...].hasPrefix("\n") { text += "\n" }
        return text
    }

    /// `document` with its section replaced by this one (appended when it has none).
    func replacingSection(in document: String) -> String {
        if let old = Self.section(in: document), let range = document.range(of: old) {
            return document.replacingCharacters(in: range, with: markdown())
        }
        return document + (document.hasSuffix("\n") ? "\n" : "\n\n") + markdown()
    }
}
