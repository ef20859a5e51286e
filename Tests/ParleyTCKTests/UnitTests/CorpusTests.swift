import Testing


/// Checks the runner against the TCK files themselves (when they are present).
@Suite("The TCK corpus")
struct CorpusTests {
    @Test("every feature parses; outlines expand to the 3,897 scenarios SOURCE.md states")
    func scenarioCount() throws {
        guard let suite = TCKSuite.locate(environment: [:]) else { return }
        let (features, errors) = suite.loadFeatures()
        #expect(errors.isEmpty)
        #expect(features.count == 220)
        #expect(features.flatMap(\.scenarios).count == 3897)
        let ids = features.flatMap(\.scenarios).map(\.id)
        #expect(Set(ids).count == ids.count, "scenario ids are unique")
    }

    @Test("every expected-result, parameter and side-effect cell is readable")
    func everyCellParses() throws {
        guard let suite = TCKSuite.locate(environment: [:]) else { return }
        var unreadable: [String] = []
        var unknownSteps: Set<String> = []
        for scenario in suite.loadFeatures().features.flatMap(\.scenarios) {
            for step in scenario.steps {
                if step.text.hasPrefix("the result should be") {
                    for cell in (step.table ?? []).dropFirst().joined() where (try? TCKValueParser.parse(cell)) == nil {
                        unreadable.append("\(scenario.id): \(cell)")
                    }
                } else if step.text == "parameters are:" {
                    for row in step.table ?? [] where row.count != 2 || (try? TCKValueParser.parse(row[1]))?.parameterValue == nil {
                        unreadable.append("\(scenario.id): \(row)")
                    }
                } else if step.text == "the side effects should be:" {
                    for row in step.table ?? [] where row.count != 2 || !SideEffects.keys.contains(row[0]) || Int(row[1]) == nil {
                        unreadable.append("\(scenario.id): \(row)")
                    }
                } else if !Self.known(step.text) {
                    unknownSteps.insert(step.text)
                }
            }
        }
        #expect(unreadable.isEmpty, "\(unreadable.prefix(20))")
        #expect(unknownSteps.isEmpty, "\(unknownSteps.sorted().prefix(20))")
    }

    private static func known(_ text: String) -> Bool {
        ["an empty graph", "any graph", "having executed:", "no side effects", "parameters are:"].contains(text)
            || (text.hasPrefix("the ") && text.hasSuffix(" graph"))
            || text.hasPrefix("executing query:") || text.hasPrefix("executing control query:")
            || text.hasPrefix("there exists a procedure") || ErrorExpectation(step: text) != nil
    }
}
