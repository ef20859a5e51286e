/// Turns scenario records into the console summary and the markdown report.
struct TCKReport {
    var records: [ScenarioRecord]
    /// Scenario ids in `passing.txt` that did not pass this time (regressions).
    var regressions: [String] = []
    /// Passing scenarios not yet in `passing.txt`.
    var newlyPassing: [String] = []
    /// Feature files that could not be parsed.
    var parseErrors: [String] = []

    var passed: Int { records.count { $0.outcome.isPassed } }
    var failed: Int { records.count { if case .failed = $0.outcome { return true } else { return false } } }
    var skipped: Int { records.count { if case .skipped = $0.outcome { return true } else { return false } } }

    /// The line CI reads: `TCK: N passed, M failed, K skipped`.
    var summaryLine: String { "TCK: \(passed) passed, \(failed) failed, \(skipped) skipped" }

    /// Counts per folder: (folder, scenarios, passed, failed, skipped), sorted by folder.
    var folders: [(folder: String, total: Int, passed: Int, failed: Int, skipped: Int)] {
        var table: [String: (Int, Int, Int, Int)] = [:]
        for r in records {
            var row = table[r.folder] ?? (0, 0, 0, 0)
            row.0 += 1
            switch r.outcome {
            case .passed: row.1 += 1
            case .failed: row.2 += 1
            case .skipped: row.3 += 1
            }
            table[r.folder] = row
        }
        return table.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1, $0.value.2, $0.value.3) }
    }

    /// A failure reason with digits replaced by `N`, so `expected 3 rows, got 0` and
    /// `expected 2 rows, got 1` group together.
    static func groupKey(_ reason: String) -> String {
        var out = ""
        var lastWasDigit = false
        for c in reason {
            if c.isASCII, c.isNumber {
                if !lastWasDigit { out.append("N") }
                lastWasDigit = true
            } else {
                out.append(c)
                lastWasDigit = false
            }
        }
        return out
    }

    /// (key, count, ids) sorted by count, then key.
    private func grouped(_ key: (ScenarioOutcome) -> String?) -> [(key: String, ids: [String])] {
        var groups: [String: [String]] = [:]
        for r in records { if let k = key(r.outcome) { groups[k, default: []].append(r.id) } }
        return groups.map { ($0.key, $0.value) }.sorted { $0.ids.count != $1.ids.count ? $0.ids.count > $1.ids.count : $0.key < $1.key }
    }

    /// Failures grouped by normalized first line.
    var failureReasons: [(key: String, ids: [String])] {
        grouped { if case .failed(_, let reason, _) = $0 { return TCKReport.groupKey(reason) } else { return nil } }
    }

    /// Failures grouped by kind: the reason up to its first `: ` (the error class without its
    /// message, or the mismatch without its values), digits as `N`.
    var failureKinds: [(key: String, ids: [String])] {
        grouped { outcome in
            guard case .failed(_, let reason, _) = outcome else { return nil }
            let kind = reason.firstRange(of: ": ").map { String(reason[..<$0.lowerBound]) } ?? reason
            return TCKReport.groupKey(kind)
        }
    }

    /// Failures grouped by category.
    var failureCategories: [(key: String, ids: [String])] {
        grouped { if case .failed(let category, _, _) = $0 { return category } else { return nil } }
    }

    /// Skips grouped by reason.
    var skipReasons: [(key: String, ids: [String])] {
        grouped { if case .skipped(let reason) = $0 { return reason } else { return nil } }
    }

    /// `part / whole` in percent with one decimal, rounded to nearest but never up to 100.0
    /// while something is missing.
    private static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "0.0" }
        var tenths = (part * 1000 + whole / 2) / whole
        if part < whole { tenths = min(tenths, 999) }
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The console text: summary line, folder table, skip reasons, top failure reasons.
    func consoleText(topReasons: Int = 25) -> String {
        var lines = [summaryLine, "", "folder | scenarios | passed | failed | skipped | %"]
        for f in folders {
            lines.append("\(f.folder) | \(f.total) | \(f.passed) | \(f.failed) | \(f.skipped) | \(TCKReport.percent(f.passed, f.total))")
        }
        lines.append("total | \(records.count) | \(passed) | \(failed) | \(skipped) | \(TCKReport.percent(passed, records.count))")
        if !skipReasons.isEmpty {
            lines.append("")
            lines.append("skipped by reason:")
            for g in skipReasons { lines.append("  \(g.ids.count)  \(g.key)") }
        }
        if !failureCategories.isEmpty {
            lines.append("")
            lines.append("failures by category:")
            for g in failureCategories { lines.append("  \(g.ids.count)  \(g.key)") }
            lines.append("top failure kinds:")
            for g in failureKinds.prefix(topReasons) { lines.append("  \(g.ids.count)  \(g.key)") }
            lines.append("top failure reasons:")
            for g in failureReasons.prefix(topReasons) { lines.append("  \(g.ids.count)  \(g.key)") }
        }
        for e in parseErrors { lines.append("feature parse error: \(e)") }
        return lines.joined(separator: "\n")
    }

    /// The markdown report written to `PARLEY_TCK_REPORT` (docs/conformance.md).
    func markdown() -> String {
        var md = """
        # openCypher TCK conformance

        Generated by `make tck` (Tests/ParleyTCKTests) from the openCypher TCK at commit
        677cbafabb8c3c5eed458fd3b1ec0daec8d67d23 of github.com/opencypher/openCypher (`tck/features`;
        `PARLEY_TCK_FEATURES` points the runner at a checkout, see `make tck`). A scenario passes when every step passes: results compared in the
        TCK's notation, side effects diffed from the graph, expected errors matched strictly on
        type, detail and phase. Skipped means the runner lacks a step the scenario needs.

        How it compares: types are strict (`1` ≠ `1.0`); floats match when equal, both NaN, or
        within a relative 1e-15; lists keep their order unless the step says *ignoring element
        order for lists*; rows keep their order only for *in order*; columns are matched by name.
        Side effects diff the graph before and after the query: nodes and relationships by id,
        labels as the set of label names in use, properties as (entity, key, value) triples (a
        changed value is `-properties 1` and `+properties 1`). An expected error must have the
        same type and detail (`*` = any) and phase (`any time` = either), and leave the graph as
        it was.

        Run it with `make tck` (or `swift test --filter ParleyTCKTests`); environment:
        `PARLEY_TCK_FILTER=clauses/match` runs a subset, `PARLEY_TCK_VERBOSE=1` prints each
        scenario before it runs and every failure's details, `PARLEY_TCK_UPDATE=1` rewrites
        `Tests/ParleyTCKTests/passing.txt` (the regression list), `PARLEY_TCK_TIMEOUT=5` is the
        per-query limit in seconds, `PARLEY_TCK_JOBS=2` the number of worker threads.

        **\(summaryLine)** (\(records.count) scenarios, \(TCKReport.percent(passed, records.count))% passing)

        | folder | scenarios | passed | failed | skipped | % |
        |---|---:|---:|---:|---:|---:|

        """
        for f in folders {
            md += "| \(f.folder) | \(f.total) | \(f.passed) | \(f.failed) | \(f.skipped) | \(TCKReport.percent(f.passed, f.total)) |\n"
        }
        md += "| **total** | \(records.count) | \(passed) | \(failed) | \(skipped) | \(TCKReport.percent(passed, records.count)) |\n"
        if !skipReasons.isEmpty {
            md += "\n## Skipped, by reason\n\n| reason | scenarios |\n|---|---:|\n"
            for g in skipReasons { md += "| \(TCKReport.cell(g.key)) | \(g.ids.count) |\n" }
        }
        if !failureCategories.isEmpty {
            md += "\n## Failures, by category\n\n| category | scenarios |\n|---|---:|\n"
            for g in failureCategories { md += "| \(TCKReport.cell(g.key)) | \(g.ids.count) |\n" }
            md += "\n## Failures, by kind\n\nThe reason without its message or values.\n\n| kind | scenarios |\n|---|---:|\n"
            for g in failureKinds { md += "| \(TCKReport.cell(g.key)) | \(g.ids.count) |\n" }
            md += "\n## Failures, by reason\n\nDigits in reasons are shown as `N` so similar failures group together; the details\n"
            md += "of the first scenario of each group follow its heading.\n"
            let details = Dictionary(records.compactMap { r -> (String, String)? in
                if case .failed(_, _, let detail) = r.outcome { return (r.id, detail) } else { return nil }
            }, uniquingKeysWith: { a, _ in a })
            for g in failureReasons {
                md += "\n### \(g.ids.count) × \(TCKReport.cell(g.key))\n\n"
                if let first = g.ids.first, let detail = details[first], !detail.isEmpty {
                    let lines = detail.split(separator: "\n", omittingEmptySubsequences: false)
                    md += "```text\n" + lines.prefix(16).joined(separator: "\n").replacingAll("```", with: "'''") + (lines.count > 16 ? "\n..." : "") + "\n```\n\n"
                }
                for id in g.ids { md += "- \(TCKReport.cell(id))\n" }
            }
        }
        if !parseErrors.isEmpty {
            md += "\n## Feature files that could not be parsed\n\n"
            for e in parseErrors { md += "- \(e)\n" }
        }
        return md
    }

    /// Text safe inside a markdown table cell or heading.
    private static func cell(_ s: String) -> String {
        s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
}
