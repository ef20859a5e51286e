import Testing

/// The section of docs/conformance.md on Parley's own scenarios: counting, finding, replacing.
@Suite("Parley scenario report")
struct ParleyScenarioReportTests {
    private static func feature(_ path: String, _ name: String, scenarios: Int) -> Feature {
        let steps = [Step(keyword: "Given", text: "any graph", line: 2)]
        return Feature(path: path, name: name, scenarios: (0..<scenarios).map {
            Scenario(featurePath: path, line: 3 + $0, name: "[\($0 + 1)] s", example: nil, tags: [], steps: steps)
        })
    }

    private let report = ParleyScenarioReport(features: [
        feature("zeta.feature", "Zeta - last area", scenarios: 2),
        feature("alpha.feature", "Alpha - first | area", scenarios: 3),
    ])

    @Test("areas are sorted by file name and counted; the total adds them up")
    func counts() {
        #expect(report.areas.map(\.name) == ["alpha", "zeta"])
        #expect(report.areas.map(\.scenarios) == [3, 2])
        #expect(report.total == 5)
    }

    @Test("the section links each feature file, escapes | and ends with a total row")
    func markdown() {
        let md = report.markdown()
        #expect(md.hasPrefix(ParleyScenarioReport.beginMarker))
        #expect(md.hasSuffix(ParleyScenarioReport.endMarker + "\n"))
        #expect(md.contains("| [alpha](../Tests/ParleyTCKTests/Features/alpha.feature) | first \\| area | 3 |"))
        #expect(md.contains("| **total** | | 5 |"))
    }

    @Test("a document without the section gets it appended; one with it gets it replaced in place")
    func replacing() {
        let appended = report.replacingSection(in: "# Title\n\ntext\n")
        #expect(appended == "# Title\n\ntext\n\n" + report.markdown())
        let stale = "# Title\n\n" + ParleyScenarioReport.beginMarker + "\nold\n" + ParleyScenarioReport.endMarker + "\n\nafter\n"
        let replaced = report.replacingSection(in: stale)
        #expect(replaced == "# Title\n\n" + report.markdown() + "\nafter\n")
        #expect(ParleyScenarioReport.section(in: replaced) == report.markdown())
        #expect(ParleyScenarioReport.section(in: "no markers") == nil)
    }
}
