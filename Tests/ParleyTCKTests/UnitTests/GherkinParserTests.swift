import Testing


@Suite("Gherkin parser")
struct GherkinParserTests {
    static let outline = """
        #encoding: utf-8

        Feature: Demo - outlines

          Background:
            Given an empty graph

          @ignore
          Scenario Outline: [1] Return <x>
            When executing query:
              \"\"\"
              RETURN <x> AS v,
                [1 | 2] AS l
              \"\"\"
            Then the result should be, in any order:
              | v   |
              | <y> |
            And no side effects

            Examples:
              | x | y   |
              | 1 | 1   |
              #| 2 | 2   | # commented out
              | 3 | 3.0 |

            Examples:
              | x     | y       |
              | 'a\\|b' | 'a\\|b' |

          Scenario: [2] Plain
            Given any graph
            When executing query: RETURN 1 AS x
            Then the result should be empty
        """

    @Test("an outline expands to one scenario per Examples row; commented rows are skipped, not numbered")
    func expandsOutlines() throws {
        let feature = try GherkinParser(path: "dir/Demo.feature").parse(Self.outline)
        #expect(feature.name == "Demo - outlines")
        #expect(feature.scenarios.count == 4)
        let ids = feature.scenarios.map(\.id)
        #expect(ids == [
            "dir/Demo.feature:9: [1] Return <x> [example 1]",
            "dir/Demo.feature:9: [1] Return <x> [example 2]",
            "dir/Demo.feature:9: [1] Return <x> [example 3]",
            "dir/Demo.feature:30: [2] Plain",
        ])
        #expect(feature.scenarios[0].tags == ["ignore"])
        #expect(feature.scenarios[0].folder == "dir")
        // Example 2 is the row after the commented one.
        let second = feature.scenarios[1]
        #expect(second.steps[1].docString == "RETURN 3 AS v,\n  [1 | 2] AS l")
        #expect(second.steps[2].table == [["v"], ["3.0"]])
        // A `\|` in an Examples cell is a literal bar.
        #expect(feature.scenarios[2].steps[1].docString?.hasPrefix("RETURN 'a|b' AS v") == true)
    }

    @Test("background steps come first in every scenario; inline query text is kept in the step")
    func background() throws {
        let feature = try GherkinParser(path: "Demo.feature").parse(Self.outline)
        for scenario in feature.scenarios.prefix(3) {
            #expect(scenario.steps.first?.text == "an empty graph")
            #expect(scenario.steps.first?.keyword == "Given")
        }
        let plain = feature.scenarios[3]
        #expect(plain.steps.map(\.text) == ["an empty graph", "any graph", "executing query: RETURN 1 AS x", "the result should be empty"])
        #expect(plain.example == nil)
    }

    @Test("table cells unescape \\|, \\\\ and \\n as Cucumber does, and keep other backslashes")
    func cellEscapes() {
        #expect(GherkinParser.cells("| a\\|b | c\\\\d | e\\nf | g\\'h |") == ["a|b", "c\\d", "e\nf", "g\\'h"])
        #expect(GherkinParser.cells("|  spaced  ||") == ["spaced", ""])
    }

    @Test("CRLF files parse like LF files")
    func crlf() throws {
        let text = "Feature: F\r\n  Scenario: [1] s\r\n    Given any graph\r\n    When executing query:\r\n      \"\"\"\r\n      RETURN 1\r\n      \"\"\"\r\n"
        let feature = try GherkinParser(path: "F.feature").parse(text)
        #expect(feature.scenarios.count == 1)
        #expect(feature.scenarios[0].steps[1].docString == "RETURN 1")
    }

    @Test("an unterminated doc string is an error with its line")
    func unterminatedDocString() {
        let text = "Feature: F\n  Scenario: s\n    When executing query:\n      \"\"\"\n      RETURN 1\n"
        #expect(throws: GherkinError.self) { try GherkinParser(path: "F.feature").parse(text) }
        do {
            _ = try GherkinParser(path: "F.feature").parse(text)
        } catch {
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("F.feature:4:"))
        }
    }

    @Test("a table row before any step is an error")
    func tableWithoutStep() {
        #expect(throws: GherkinError.self) { try GherkinParser(path: "F.feature").parse("Feature: F\n  Scenario: s\n    | a |\n") }
    }
}
