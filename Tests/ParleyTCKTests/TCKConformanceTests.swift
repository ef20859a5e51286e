import Foundation
import Testing

/// Runs the whole openCypher TCK through the engine and guards against regressions.
///
/// Environment:
/// - `PARLEY_TCK_FEATURES=dir`: run the features under `dir` instead of `../shared/tck/features`.
/// - `PARLEY_TCK_REPORT=path`: write the markdown report there (relative to the package root).
/// - `PARLEY_TCK_UPDATE=1`: rewrite `passing.txt` with the scenarios that pass now.
/// - `PARLEY_TCK_VERBOSE=1`: print each scenario id (to stderr, unbuffered) before running it,
///   so a crash in the engine shows which scenario was running.
/// - `PARLEY_TCK_JOBS=n` (default 2), `PARLEY_TCK_TIMEOUT=seconds` (default 5, per query).
@Suite("openCypher TCK")
struct TCKConformanceTests {
    @Test("every TCK scenario runs; scenarios listed in passing.txt still pass")
    func conformance() async throws {
        let env = ProcessInfo.processInfo.environment
        guard let suite = TCKSuite.locate(environment: env) else {
            print("TCK: not found (expected ../shared/tck/features next to the package, or PARLEY_TCK_FEATURES); nothing to run")
            return
        }
        let (features, parseErrors) = suite.loadFeatures()
        #expect(parseErrors.isEmpty, "feature files that could not be parsed: \(parseErrors)")
        let scenarios = features.flatMap(\.scenarios)
        let jobs = env["PARLEY_TCK_JOBS"].flatMap { Int($0) } ?? 2
        let timeout = env["PARLEY_TCK_TIMEOUT"].flatMap { Double($0) } ?? 5
        let started = ContinuousClock.now
        let records = await suite.run(scenarios, jobs: jobs, timeout: .milliseconds(Int(timeout * 1000)), verbose: env["PARLEY_TCK_VERBOSE"] == "1")
        let elapsed = ContinuousClock.now - started

        let list = PassingList(url: TCKSuite.packageRoot().appendingPathComponent("Tests/ParleyTCKTests/passing.txt"))
        let (regressions, newlyPassing) = PassingList.compare(listed: list.load(), records: records)
        let report = TCKReport(records: records, regressions: regressions, newlyPassing: newlyPassing, parseErrors: parseErrors)
        print(report.consoleText())
        print("TCK ran \(records.count) scenarios from \(features.count) feature files in \(elapsed) on \(jobs) threads")
        let slowest = records.max { $0.seconds < $1.seconds }
        if let slowest { print("TCK slowest scenario: \(slowest.id) (\(slowest.seconds) s)") }

        if let path = env["PARLEY_TCK_REPORT"], !path.isEmpty {
            let url = URL(fileURLWithPath: path, relativeTo: TCKSuite.packageRoot())
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try report.markdown().write(to: url, atomically: true, encoding: .utf8)
            print("TCK report written to \(url.path)")
        }
        if env["PARLEY_TCK_UPDATE"] == "1" {
            try list.save(records.filter { $0.outcome.isPassed }.map(\.id))
            print("TCK passing.txt rewritten with \(report.passed) scenarios")
        } else {
            for id in newlyPassing.prefix(50) { print("TCK newly passing: \(id)") }
            if newlyPassing.count > 50 { print("TCK newly passing: ... and \(newlyPassing.count - 50) more (PARLEY_TCK_UPDATE=1 to record them)") }
            for id in regressions {
                let outcome = records.first { $0.id == id }?.outcome
                Issue.record("TCK regression: \(id) no longer passes: \(outcome.map { "\($0)" } ?? "scenario not found")")
            }
        }
    }
}
