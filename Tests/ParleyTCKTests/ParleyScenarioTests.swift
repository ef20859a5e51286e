import Foundation
import Testing

/// Parley's own scenarios in the TCK's notation (`Tests/ParleyTCKTests/Features`), run by the TCK
/// runner in every `make test`, with or without the openCypher TCK.
///
/// Environment: `PARLEY_TCK_FILTER`, `PARLEY_TCK_VERBOSE`, `PARLEY_TCK_JOBS` and
/// `PARLEY_TCK_TIMEOUT` as for the TCK; `PARLEY_TCK_UPDATE=1` rewrites the section of
/// docs/conformance.md that counts the scenarios per area.
@Suite("Parley's own scenarios in TCK notation")
struct ParleyScenarioTests {
    @Test("every scenario of Tests/ParleyTCKTests/Features passes")
    func everyScenarioPasses() async throws {
        let env = ProcessInfo.processInfo.environment
        let suite = ParleyScenarioReport.suite()
        let (features, parseErrors) = suite.loadFeatures()
        #expect(parseErrors.isEmpty, "feature files that could not be parsed: \(parseErrors)")
        #expect(!features.isEmpty, "no feature files under \(ParleyScenarioReport.featuresFolder)")
        let filter = env["PARLEY_TCK_FILTER"] ?? ""
        let scenarios = features.flatMap(\.scenarios).filter { filter.isEmpty || $0.id.contains(filter) }
        let ids = scenarios.map(\.id)
        #expect(Set(ids).count == ids.count, "scenario ids are unique")

        let jobs = env["PARLEY_TCK_JOBS"].flatMap { Int($0) } ?? 2
        let timeout = env["PARLEY_TCK_TIMEOUT"].flatMap { Double($0) } ?? 5
        let records = await suite.run(scenarios, jobs: jobs, timeout: .milliseconds(Int(timeout * 1000)), verbose: env["PARLEY_TCK_VERBOSE"] == "1")
        print(ParleyScenarioReport.summaryLine(records))
        for area in ParleyScenarioReport(features: features).areas {
            let mine = records.filter { $0.id.hasPrefix(area.name + ".feature:") }
            guard !mine.isEmpty else { continue }
            print("  \(area.name) | \(mine.count) | \(mine.count { $0.outcome.isPassed }) passed")
        }
        for r in records {
            switch r.outcome {
            case .passed: break
            case .failed(_, let reason, let detail): Issue.record("Parley scenario failed: \(r.id)\n\(reason)\n\(detail)")
            case .skipped(let reason): Issue.record("Parley scenario skipped (the runner lacks a step): \(r.id): \(reason)")
            }
        }
    }

    @Test("docs/conformance.md states the number of scenarios per area, as the feature files have them")
    func conformanceDocCounts() throws {
        let (features, _) = ParleyScenarioReport.suite().loadFeatures()
        let report = ParleyScenarioReport(features: features)
        #expect(report.total >= 150, "at least 150 scenarios")
        let url = TCKSuite.packageRoot().appendingPathComponent("docs/conformance.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        if ProcessInfo.processInfo.environment["PARLEY_TCK_UPDATE"] == "1" {
            try report.replacingSection(in: document).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let section = ParleyScenarioReport.section(in: document)
        #expect(section == report.markdown(), "docs/conformance.md's section on Parley's own scenarios is out of date; PARLEY_TCK_UPDATE=1 swift test --filter ParleyScenarioTests rewrites it")
    }
}
