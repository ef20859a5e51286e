import Foundation
import Testing


@Suite("Report and passing list")
struct ReportTests {
    static let records = [
        ScenarioRecord(id: "a/A.feature:1: one", folder: "a", outcome: .passed, seconds: 0),
        ScenarioRecord(id: "a/A.feature:5: two", folder: "a", outcome: .failure("result mismatch", "expected 3 rows, got 0"), seconds: 0),
        ScenarioRecord(id: "b/B.feature:1: three", folder: "b", outcome: .failure("result mismatch", "expected 2 rows, got 1"), seconds: 0),
        ScenarioRecord(id: "b/B.feature:9: four", folder: "b", outcome: .skipped(reason: "procedures"), seconds: 0),
    ]

    @Test("the summary line is exactly what CI parses, and folders are tabulated")
    func summary() {
        let report = TCKReport(records: Self.records)
        #expect(report.summaryLine == "TCK: 1 passed, 2 failed, 1 skipped")
        let text = report.consoleText()
        #expect(text.hasPrefix("TCK: 1 passed, 2 failed, 1 skipped\n"))
        #expect(text.contains("a | 2 | 1 | 1 | 0 | 50.0"))
        #expect(text.contains("b | 2 | 0 | 1 | 1 | 0.0"))
        #expect(text.contains("  2  expected N rows, got N"))
        #expect(text.contains("  1  procedures"))
    }

    @Test("the markdown report lists every failure under its grouped reason")
    func markdown() {
        let md = TCKReport(records: Self.records).markdown()
        #expect(md.contains("**TCK: 1 passed, 2 failed, 1 skipped**"))
        #expect(md.contains("| a | 2 | 1 | 1 | 0 | 50.0 |"))
        #expect(md.contains("### 2 × expected N rows, got N\n\n- a/A.feature:5: two\n- b/B.feature:1: three\n"))
        #expect(md.contains("| procedures | 1 |"))
    }

    @Test("a listed scenario that no longer passes is a regression; unlisted passes are new")
    func passingList() throws {
        let listed = ["a/A.feature:5: two", "gone/G.feature:1: old"]
        let (regressions, newlyPassing) = PassingList.compare(listed: listed, records: Self.records)
        #expect(regressions == listed)
        #expect(newlyPassing == ["a/A.feature:1: one"])

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tck-passing-\(UInt64.random(in: 0...UInt64.max)).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let list = PassingList(url: url)
        #expect(list.load().isEmpty)
        try list.save(["b", "a"])
        #expect(list.load() == ["a", "b"])
    }
}
