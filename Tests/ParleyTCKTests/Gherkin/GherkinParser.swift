/// A problem in a `.feature` file the parser cannot get past.
struct GherkinError: Error, Sendable, CustomStringConvertible {
    /// The file (relative path) and 1-based line.
    var path: String
    var line: Int
    var message: String

    var description: String { "\(path):\(line): \(message)" }
}

/// Parses the subset of Gherkin the openCypher TCK uses: `Feature`, `Background`, `Scenario`,
/// `Scenario Outline` with one or more `Examples` tables, tags, comments, steps with doc
/// strings (`"""`) or tables (`| a | b |`, cells unescaped as Cucumber does: `\|`, `\\`, `\n`).
///
/// Outlines are expanded: every non-comment Examples row (after the header) gives one
/// ``Scenario`` whose steps have `<name>` replaced by the row's cell in step text, doc strings
/// and table cells. A commented-out row (`#| ... |`) is skipped and not numbered.
struct GherkinParser {
    /// The file path used in scenario ids and errors.
    let path: String

    private enum Block { case none, background, scenario }

    /// An outline or scenario being read.
    private struct Pending {
        var line: Int
        var name: String
        var tags: [String]
        var isOutline: Bool
        var steps: [Step] = []
        var examples: [[[String]]] = []
    }

    /// Parses a whole file.
    func parse(_ text: String) throws(GherkinError) -> Feature {
        // "\r\n" is one Character in Swift, so CRLF files need their own separator test.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        var featureName = ""
        var background: [Step] = []
        var pending: Pending?
        var scenarios: [Scenario] = []
        var block = Block.none
        var inExamples = false
        var tags: [String] = []
        var i = 0

        func finish(_ p: Pending?) throws(GherkinError) {
            guard let p else { return }
            scenarios += try expand(p, background: background)
        }

        while i < lines.count {
            let raw = lines[i]
            let lineNumber = i + 1
            let trimmed = raw.trimmingWhitespace()
            i += 1
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("@") {
                tags += trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
                    .filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
                continue
            }
            if let rest = trimmed.dropPrefix("Feature:") {
                featureName = String(rest.trimmingWhitespace())
                tags = []
                continue
            }
            if trimmed.hasPrefix("Background:") {
                block = .background
                tags = []
                continue
            }
            if let (name, outline) = Self.scenarioHeader(trimmed) {
                try finish(pending)
                pending = Pending(line: lineNumber, name: name, tags: tags, isOutline: outline)
                tags = []
                block = .scenario
                inExamples = false
                continue
            }
            if trimmed.hasPrefix("Examples:") || trimmed.hasPrefix("Scenarios:") {
                guard pending?.isOutline == true else {
                    throw GherkinError(path: path, line: lineNumber, message: "Examples outside a Scenario Outline")
                }
                pending!.examples.append([])
                inExamples = true
                tags = []
                continue
            }
            if trimmed.hasPrefix("|") {
                let cells = Self.cells(trimmed)
                if inExamples {
                    pending!.examples[pending!.examples.count - 1].append(cells)
                } else if block == .scenario, !(pending?.steps.isEmpty ?? true) {
                    pending!.steps[pending!.steps.count - 1].table = (pending!.steps.last!.table ?? []) + [cells]
                } else if block == .background, !background.isEmpty {
                    background[background.count - 1].table = (background.last!.table ?? []) + [cells]
                } else {
                    throw GherkinError(path: path, line: lineNumber, message: "table row without a step")
                }
                continue
            }
            if trimmed.hasPrefix("\"\"\"") || trimmed.hasPrefix("```") {
                let delimiter = trimmed.hasPrefix("\"\"\"") ? "\"\"\"" : "```"
                let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
                var content: [String] = []
                var closed = false
                while i < lines.count {
                    let line = lines[i]
                    i += 1
                    if line.trimmingWhitespace() == delimiter { closed = true; break }
                    var dropped = 0
                    var rest = line[...]
                    while dropped < indent, let c = rest.first, c == " " || c == "\t" {
                        rest = rest.dropFirst()
                        dropped += 1
                    }
                    content.append(String(rest).replacingAll("\\\"\\\"\\\"", with: "\"\"\""))
                }
                guard closed else {
                    throw GherkinError(path: path, line: lineNumber, message: "unterminated doc string")
                }
                let doc = content.joined(separator: "\n")
                if block == .scenario, !(pending?.steps.isEmpty ?? true) {
                    pending!.steps[pending!.steps.count - 1].docString = doc
                } else if block == .background, !background.isEmpty {
                    background[background.count - 1].docString = doc
                } else {
                    throw GherkinError(path: path, line: lineNumber, message: "doc string without a step")
                }
                continue
            }
            if let (keyword, text) = Self.step(trimmed) {
                let step = Step(keyword: keyword, text: text, line: lineNumber)
                switch block {
                case .background: background.append(step)
                case .scenario:
                    if inExamples {
                        throw GherkinError(path: path, line: lineNumber, message: "step after Examples")
                    }
                    pending!.steps.append(step)
                case .none:
                    throw GherkinError(path: path, line: lineNumber, message: "step outside a scenario")
                }
                continue
            }
            // Free description text under Feature/Scenario: ignored.
        }
        try finish(pending)
        return Feature(path: path, name: featureName, scenarios: scenarios)
    }

    /// Expands one scenario or outline into runnable scenarios.
    private func expand(_ p: Pending, background: [Step]) throws(GherkinError) -> [Scenario] {
        guard p.isOutline else {
            return [Scenario(featurePath: path, line: p.line, name: p.name, example: nil, tags: p.tags, steps: background + p.steps)]
        }
        var result: [Scenario] = []
        var number = 0
        for table in p.examples {
            guard let header = table.first else { continue }
            for row in table.dropFirst() {
                guard row.count == header.count else {
                    throw GherkinError(path: path, line: p.line, message: "Examples row has \(row.count) cells, header has \(header.count)")
                }
                number += 1
                let bindings = Array(zip(header.map { "<\($0)>" }, row))
                let steps = (background + p.steps).map { Self.substitute($0, bindings) }
                result.append(Scenario(featurePath: path, line: p.line, name: p.name, example: number, tags: p.tags, steps: steps))
            }
        }
        return result
    }

    /// Replaces `<name>` placeholders in a step's text, doc string and table.
    static func substitute(_ step: Step, _ bindings: [(String, String)]) -> Step {
        func apply(_ s: String) -> String {
            guard s.contains("<") else { return s }
            return bindings.reduce(s) { $0.replacingAll($1.0, with: $1.1) }
        }
        var out = step
        out.text = apply(step.text)
        out.docString = step.docString.map(apply)
        out.table = step.table?.map { $0.map(apply) }
        return out
    }

    /// `Scenario: name` / `Scenario Outline: name` → (name, isOutline).
    static func scenarioHeader(_ line: Substring) -> (String, Bool)? {
        for (prefix, outline) in [("Scenario Outline:", true), ("Scenario Template:", true), ("Scenario:", false), ("Example:", false)] {
            if let rest = line.dropPrefix(prefix) { return (String(rest.trimmingWhitespace()), outline) }
        }
        return nil
    }

    /// `And having executed:` → ("And", "having executed:").
    static func step(_ line: Substring) -> (String, String)? {
        for keyword in ["Given", "When", "Then", "And", "But", "*"] {
            if let rest = line.dropPrefix(keyword), rest.isEmpty || rest.first == " " {
                return (keyword, String(rest.trimmingWhitespace()))
            }
        }
        return nil
    }

    /// The cells of a table row, unescaped (`\|` → `|`, `\\` → `\`, `\n` → newline) and trimmed.
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var chars = line.dropFirst().makeIterator() // drop the leading `|`
        while let c = chars.next() {
            if c == "\\" {
                switch chars.next() {
                case "|": current.append("|")
                case "\\": current.append("\\")
                case "n": current.append("\n")
                case let other?: current.append("\\"); current.append(other)
                case nil: current.append("\\")
                }
            } else if c == "|" {
                cells.append(String(current[...].trimmingWhitespace()))
                current = ""
            } else {
                current.append(c)
            }
        }
        return cells
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }

    /// The rest after `prefix`, or `nil` when the text does not start with it.
    func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
