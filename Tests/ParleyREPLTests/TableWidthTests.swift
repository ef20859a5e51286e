import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyREPL

/// Tables and records keep to the width they promise.
@Suite("Table width")
struct TableWidthTests {
    private func render(_ mode: OutputMode, width: Int?, columns: [String], rows: [[Value]], color: Bool = false) -> RenderedResult {
        ResultRenderer(mode: mode, options: RenderOptions(width: width, color: color))
            .render(columns: columns, rows: rows, graph: GraphStore())
    }

    private func widest(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).displayWidth }.max() ?? 0
    }

    @Test("15 columns at width 80 switch to records that fit, with every name whole")
    func manyColumns() {
        let columns = (0..<15).map { "n.prop\($0)" }
        let rows: [[Value]] = [columns.indices.map { .int(Int64($0)) }, columns.indices.map { _ in "Kazakhstan hosted the talks" }]
        let result = render(.table, width: 80, columns: columns, rows: rows)
        #expect(widest(result.text) <= 80)
        #expect(result.text.hasPrefix("-[ RECORD 1 ]---"))
        #expect(result.text.contains("\n-[ RECORD 2 ]---"))
        #expect(result.text.contains("n.prop14 | 14\n"))
        #expect(result.text.contains("n.prop0  | Kazakhstan hosted the talks\n"))
        #expect(!result.truncatedValues)
        let box = render(.box, width: 80, columns: columns, rows: rows)
        #expect(box.text.hasPrefix("─[ RECORD 1 ]───"))
        #expect(box.text.contains("n.prop14 │ 14\n"))
    }

    @Test("a table whose columns stay readable stays a table")
    func readableStaysTable() {
        let result = render(.table, width: 80, columns: ["name", "talks"], rows: [["Kazakhstan", 3]])
        #expect(result.text.hasPrefix("+------------+-------+\n"))
    }

    @Test(":mode vertical draws records whatever the width; names padded, values cut to the width")
    func explicitVertical() {
        let rows: [[Value]] = [["Kazakhstan", 3, nil], ["日本", 12, "x"]]
        #expect(render(.vertical, width: nil, columns: ["name", "talks", "note"], rows: rows).text == """
            -[ RECORD 1 ]-----
            name  | Kazakhstan
            talks | 3
            note  | null
            -[ RECORD 2 ]-----
            name  | 日本
            talks | 12
            note  | x

            """)
        let cut = render(.vertical, width: 14, columns: ["name"], rows: [["Kazakhstan hosted"]])
        #expect(cut.text == "-[ RECORD 1 ]-\nname | Kazakh…\n")
        #expect(cut.truncatedValues)
    }

    @Test("tiny widths: every line still fits (records are cut, the rule shortened)")
    func tinyWidths() {
        for width in 1...12 {
            let result = render(.box, width: width, columns: ["description", "n"], rows: [["Kazakhstan hosted the talks", 1]])
            #expect(widest(result.text) <= width, "width \(width):\n\(result.text)")
        }
        #expect(render(.table, width: 10, columns: ["description", "n"], rows: [["Kazakhstan", 1]]).text.hasPrefix("[1]\n"))
    }

    @Test("random shapes and widths: no line of a table, box or records is wider than the width")
    func randomShapes() {
        var rng = SplitMix64(seed: 8)
        let pieces = ["a", "Kazakhstan", "日本語のテキスト", "🇰🇿", "e\u{301}", "line\nbreak", "tab\there", "\u{1B}[31mred",
                      "\u{202E}rtl", String(repeating: "x", count: 300), "", " ", "n.…", "\u{85}"]
        for _ in 0..<300 {
            let columnCount = 1 + rng.below(20)
            let columns = (0..<columnCount).map { i in rng.below(4) == 0 ? rng.pick(pieces) : "n.c\(i)" }
            let rows: [[Value]] = (0..<rng.below(5)).map { _ in
                (0..<columnCount).map { _ -> Value in
                    switch rng.below(5) {
                    case 0: return .null
                    case 1: return .int(Int64(bitPattern: rng.next()))
                    case 2: return .list([.string(rng.pick(pieces)), .double(Double(bitPattern: rng.next()))])
                    default: return .string((0..<(1 + rng.below(3))).map { _ in rng.pick(pieces) }.joined())
                    }
                }
            }
            let width = rng.pick([1, 2, 5, 10, 20, 40, 80, 120, 200, 1 + rng.below(300)])
            for mode in [OutputMode.table, .box, .vertical] {
                let result = render(mode, width: width, columns: columns, rows: rows)
                #expect(widest(result.text) <= width, "\(mode) at width \(width):\n\(result.text)")
                #expect(!result.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "a control character got through")
            }
        }
    }
}
