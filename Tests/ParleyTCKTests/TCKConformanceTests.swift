import Foundation
import Testing

/// Runs the whole openCypher TCK through the engine and guards against regressions.
///
/// Environment:
/// - `PARLEY_TCK_FEATURES=dir`: run the features under `dir` instead of `../shared/tck/features`.
/// - `PARLEY_TCK_REPORT=path`: write the markdown report there (relative to the package root).
/// - `PARLEY_TCK_UPDATE=1`: rewrite `passing.txt` with the scenarios that pass now.
/// - `PARLEY_TCK_VERBOSE=1`: print each scenario id (to stderr, unbuffered) before running it,
///   so a crash in the engine shows which scenario was running, and every failure's details.
/// - `PARLEY_TCK_FILTER=text`: run only scenarios whose id contains `text` (`clauses/match`,
///   `Match4.feature`); the regression check and `PARLEY_TCK_UPDATE` then cover only those.
/// - `PARLEY_TCK_JOBS=n` (default 2), `PARLEY_TCK_TIMEOUT=seconds` (default 5, per query).
@Suite("openCypher TCK")
struct TCKConformanceTests {
    /// The openCypher commit the TCK scenarios and passing.txt were taken from.
    static let pinnedCommit = "677cbafabb8c3c5eed458fd3b1ec0daec8d67d23"

    @Test("every TCK scenario runs; scenarios listed in passing.txt still pass")
    func conformance() async throws {
        let env = ProcessInfo.processInfo.environment
        guard let suite = TCKSuite.locate(environment: env) else {
            // Loud, on standard error: a clone without the TCK must not look like a conformance pass.
            FileHandle.standardError.write(Data("WARNING: openCypher conformance NOT checked: the TCK was not found; set PARLEY_TCK_FEATURES to the tck/features folder of github.com/opencypher/openCypher at commit \(TCKConformanceTests.pinnedCommit) (see `make tck`)\n".utf8))
            return
        }
        let (features, parseErrors) = suite.loadFeatures()
        #expect(parseErrors.isEmpty, "feature files that could not be parsed: \(parseErrors)")
        let filter = env["PARLEY_TCK_FILTER"] ?? ""
        let scenarios = features.flatMap(\.scenarios).filter { filter.isEmpty || $0.id.contains(filter) }
        let jobs = env["PARLEY_TCK_JOBS"].flatMap { Int($0) } ?? 2
        let timeout = env["PARLEY_TCK_TIMEOUT"].flatMap { Double($0) } ?? 5
        let started = ContinuousClock.now
        let records = await suite.run(scenarios, jobs: jobs, timeout: .milliseconds(Int(timeout * 1000)), verbose: env["PARLEY_TCK_VERBOSE"] == "1")
        let elapsed = ContinuousClock.now - started

        let list = PassingList(url: TCKSuite.packageRoot().appendingPathComponent("Tests/ParleyTCKTests/passing.txt"))
        let listed = list.load()
        let ran = Set(records.map(\.id))
        let (regressions, newlyPassing) = PassingList.compare(listed: listed.filter { filter.isEmpty || $0.contains(filter) }, records: records)
        let report = TCKReport(records: records, regressions: regressions, newlyPassing: newlyPassing, parseErrors: parseErrors)
        if env["PARLEY_TCK_VERBOSE"] == "1" {
            for r in records { if case .failed(_, let reason, let detail) = r.outcome { print("TCK FAILED \(r.id)\n  \(reason)\n  " + detail.split(separator: "\n").joined(separator: "\n  ")) } }
        }
        print(report.consoleText())
        print("TCK ran \(records.count) scenarios from \(features.count) feature files in \(elapsed) on \(jobs) threads")
        let slowest = records.max { $0.seconds < $1.seconds }
        if let slowest { print("TCK slowest scenario: \(slowest.id) (\(slowest.seconds) s)") }

        if let path = env["PARLEY_TCK_REPORT"], !path.isEmpty {
            let url = URL(fileURLWithPath: path, relativeTo: TCKSuite.packageRoot())
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // The section on Parley's own scenarios (counted from their files) follows the TCK's.
            let own = ParleyScenarioReport(features: ParleyScenarioReport.suite().loadFeatures().features)
            try (report.markdown() + "\n" + own.markdown()).write(to: url, atomically: true, encoding: .utf8)
            print("TCK report written to \(url.path)")
        }
        if env["PARLEY_TCK_UPDATE"] == "1" {
            let kept = listed.filter { !ran.contains($0) }
            try list.save(kept + records.filter { $0.outcome.isPassed }.map(\.id))
            print("TCK passing.txt rewritten with \(kept.count + report.passed) scenarios")
        } else {
            for id in newlyPassing.prefix(50) { print("TCK newly passing: \(id)") }
            if newlyPassing.count > 50 { print("TCK newly passing: ... and \(newlyPassing.count - 50) more (PARLEY_TCK_UPDATE=1 to record them)") }
            let outcomes = Dictionary(records.map { ($0.id, $0.outcome) }, uniquingKeysWith: { a, _ in a })
            for id in regressions {
                let why: String
                switch outcomes[id] {
                case .failed(_, let reason, let detail)?: why = "\(reason)\n\(detail)"
                case .skipped(let reason)?: why = "skipped: \(reason)"
                case .passed?: why = "passed"
                case nil: why = "the scenario no longer exists (PARLEY_TCK_UPDATE=1 to refresh the list)"
                }
                Issue.record("TCK regression: \(id) no longer passes: \(why)")
            }
        }
    }
}
