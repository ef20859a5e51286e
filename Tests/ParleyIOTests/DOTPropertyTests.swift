import Foundation
import ParleyGraph
@testable import ParleyIO
import Testing

/// Hostile names — quotes, backslashes, line breaks, DOT punctuation, Cyrillic, emoji,
/// HTML-like text — must come out of Graphviz exactly as they went in.
@Suite("DOT hostile names survive Graphviz")
struct DOTPropertyTests {
    /// SplitMix64: a small seeded generator, so every run tests the same cases.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments: [String] = [
        "\"", "\\", "\n", "\r\n", "\r", "\t", "}", "{", "->", "--", ";", "[", "]", "=", ",", ":",
        "<html>", "</b>", "<br/>", "&", "&amp;", "&lt;", "&#45;", "'", "`", "%", "#", "/*", "*/", "//",
        "digraph", "node", "edge", "subgraph", "strict", "\\N", "\\l", "\\G", "\\n", "\\\"", "\\\\",
        "Казахстан", "Астана", "Назарбаев", "中文", "é", "e\u{301}", "🇰🇿", "😀", "👩‍👩‍👧", "∑", "x", "abc", " ", "a b",
        "\u{7}", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}",
    ]

    static func hostile(_ rng: inout SeededGenerator) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 1...6, using: &rng) { s += fragments.randomElement(using: &rng)! }
        return s
    }

    /// The lines Graphviz should show for `text`: line breaks split lines, a tab is a space,
    /// dropped control characters vanish, and empty lines are not drawn.
    static func expectedLines(_ text: String) -> [String] {
        var lines: [String] = [], line = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            if scalar == "\n" || scalar == "\r" { lines.append(String(line)); line = .init(); continue }
            if scalar == "\t" { line.append(" "); continue }
            if DOTText.isDropped(scalar) { continue }
            line.append(scalar)
        }
        lines.append(String(line))
        return lines.filter { !$0.isEmpty }
    }

    /// `text` as Graphviz should keep it in a tooltip: CR LF and CR become LF, a tab a space,
    /// and dropped control characters vanish.
    static func normalised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            if scalar == "\r" { out.append("\n"); continue }
            if scalar == "\t" { out.append(" "); continue }
            if scalar != "\n" && DOTText.isDropped(scalar) { continue }
            out.append(scalar)
        }
        return String(out)
    }

    /// The SVG text lines with Graphviz's non-breaking spaces (for runs of spaces) undone.
    static func shown(_ texts: [String]) -> [String] {
        texts.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
    }

    @Test("300 seeded random graphs with hostile names, types, labels, cluster titles and tooltips render unchanged")
    func hostileNamesSurvive() throws {
        var rng = SeededGenerator(state: 20_150_508)
        var failures = 0
        for caseNumber in 0..<300 {
            let names = [DOTPropertyTests.hostile(&rng), DOTPropertyTests.hostile(&rng)]
            let type = DOTPropertyTests.hostile(&rng)
            let label = DOTPropertyTests.hostile(&rng)
            let city = DOTPropertyTests.hostile(&rng)
            var g = GraphStore()
            let a = try g.addNode(labels: [label], properties: ["name": .string(names[0]), "city": .string(city), "note": .string(type)])
            let b = try g.addNode(labels: ["Talk"], properties: ["name": .string(names[1]), "status": "postponed"])
            try g.addRelationship(type: type, from: a, to: b, properties: ["evidence": .string(names[1])])
            var options = DOTOptions()
            options.clusterBy = caseNumber % 2 == 0 ? "city" : "label"
            let text = DOTExporter.export(g, options: options)
            let run = try DOTFixture.runDot(text)
            #expect(run.status == 0, "case \(caseNumber): dot failed: \(run.stderr)\n\(text)")
            guard run.status == 0 else { failures += 1; continue }

            let groups = SVGReader.groups(run.svg)
            func texts(_ kind: String, _ title: String) -> [String]? {
                groups.first { $0.kind == kind && $0.title == title }.map { DOTPropertyTests.shown($0.texts) }
            }
            let checks: [(what: String, kind: String, title: String, expected: String, prefix: String)] = [
                ("first node name", "node", "n0", names[0], ""),
                ("second node name", "node", "n1", names[1], ""),
                ("relationship type", "edge", "n0->n1", type, ""),
                ("legend label", "node", "legend_label_\(label < "Talk" ? 0 : 1)", label, ""),
                ("cluster title", "cluster", caseNumber % 2 == 0 || label < "Talk" ? "cluster_1" : "cluster_2",
                 caseNumber % 2 == 0 ? "city: " + city : label, ""),
            ]
            for check in checks {
                let expected = DOTPropertyTests.expectedLines(check.expected)
                let actual = texts(check.kind, check.title)
                if check.kind == "cluster" && expected.isEmpty { continue }
                #expect(actual == expected, "case \(caseNumber): \(check.what) \(check.expected.debugDescription) came out as \(actual.debugDescription)")
                if actual != expected { failures += 1 }
            }
            // Tooltips keep every line (empty ones too): only line breaks, tabs and control
            // characters are normalised.
            let tooltipA = ":\(label)\ncity: \(city)\nname: \(names[0])\nnote: \(type)"
            let shownTooltip = groups.first { $0.kind == "node" && $0.title == "n0" }?.tooltip.map { DOTPropertyTests.shown([$0])[0] }
            let expectedTooltip = DOTPropertyTests.normalised(tooltipA)
            #expect(shownTooltip == expectedTooltip, "case \(caseNumber): tooltip \(tooltipA.debugDescription) came out as \(shownTooltip.debugDescription)")
            if shownTooltip != expectedTooltip { failures += 1 }
            if failures > 5 { break }
        }
        #expect(failures == 0)
    }

    @Test("the same hostile graph always gives the same DOT bytes")
    func hostileDeterministic() throws {
        var rng = SeededGenerator(state: 7)
        var g = GraphStore()
        for _ in 0..<20 {
            try g.addNode(labels: [DOTPropertyTests.hostile(&rng)], properties: [
                "name": .string(DOTPropertyTests.hostile(&rng)), DOTPropertyTests.hostile(&rng): .string(DOTPropertyTests.hostile(&rng)),
            ])
        }
        for i in 0..<19 { try g.addRelationship(type: DOTPropertyTests.hostile(&rng), from: i, to: i + 1) }
        let first = DOTExporter.export(g)
        for _ in 0..<3 { #expect(DOTExporter.export(g) == first) }
        try DOTFixture.expectValid(first)
    }
}
