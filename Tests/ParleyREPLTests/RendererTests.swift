import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyREPL

/// A small result with a string, a number, a null and a CJK string.
private let columns = ["name", "talks", "note"]
private let rows: [[Value]] = [["Kazakhstan", 3, nil], ["日本", 12, "x"]]

private func render(_ mode: OutputMode, width: Int? = nil, color: Bool = false, maxRows: Int = 0,
                    columns: [String] = columns, rows: [[Value]] = rows) -> RenderedResult {
    ResultRenderer(mode: mode, options: RenderOptions(width: width, color: color, maxRows: maxRows))
        .render(columns: columns, rows: rows, graph: GraphStore())
}

@Suite("Result renderers")
struct RendererTests {
    @Test("table: ASCII borders, numbers right-aligned, CJK aligned by display width")
    func asciiTable() {
        #expect(render(.table).text == """
            +------------+-------+------+
            | name       | talks | note |
            +------------+-------+------+
            | Kazakhstan |     3 | null |
            | 日本       |    12 | x    |
            +------------+-------+------+

            """)
    }

    @Test("box: Unicode box drawing")
    func boxTable() {
        #expect(render(.box).text == """
            ┌────────────┬───────┬──────┐
            │ name       │ talks │ note │
            ├────────────┼───────┼──────┤
            │ Kazakhstan │     3 │ null │
            │ 日本       │    12 │ x    │
            └────────────┴───────┴──────┘

            """)
    }

    @Test("table: null is dimmed when colours are on, and padding ignores the escapes")
    func dimNull() {
        let text = render(.table, color: true).text
        #expect(text.contains("| \u{1B}[2mnull\u{1B}[0m |"))
        #expect(text.contains("| \u{1B}[1mname\u{1B}[0m       |"))
    }

    @Test("table: too wide values are cut with … to fit the width, and the cut is reported")
    func truncation() {
        let long: [[Value]] = [["Kazakhstan will host talks on the Syrian crisis", 1]]
        let result = render(.table, width: 30, columns: ["evidence", "n"], rows: long)
        #expect(result.truncatedValues)
        #expect(result.text == """
            +------------------------+---+
            | evidence               | n |
            +------------------------+---+
            | Kazakhstan will host…  | 1 |
            +------------------------+---+

            """)
        for line in result.text.split(separator: "\n") { #expect(String(line).displayWidth <= 30) }
        #expect(!render(.table, width: 200).truncatedValues)
    }

    @Test("table: cutting CJK text never splits a wide character or overflows")
    func cjkTruncation() {
        let result = render(.table, width: 12, columns: ["s"], rows: [["日本語のテキスト"]])
        #expect(result.text.contains("| 日本語…  |"))
        #expect(result.text.split(separator: "\n").allSatisfy { String($0).displayWidth == 12 })
    }

    @Test("table: newlines, tabs and escapes inside values are shown as control pictures")
    func controlCharacters() {
        #expect(render(.table, columns: ["s"], rows: [["a\nb\tc\u{1B}\r\u{7F}"]]).text.contains("| a␊b␉c␛␍␡ |"))
        #expect(render(.table, columns: ["s"], rows: [["\u{9B}31m\u{202E}x"]]).text.contains("| �31m�x |"))
    }

    @Test("a real newline and the two characters backslash-n look different in every mode")
    func newlineVersusBackslashN() {
        let rows: [[Value]] = [["a\nb"], [#"a\nb"#]]
        #expect(render(.table, columns: ["s"], rows: rows).text.contains("| a␊b  |\n| a\\nb |"))
        #expect(render(.box, columns: ["s"], rows: rows).text.contains("│ a␊b  │\n│ a\\nb │"))
        #expect(render(.vertical, columns: ["s"], rows: rows).text.contains("s | a␊b\n"))
        #expect(render(.csv, columns: ["s"], rows: rows).text == "s\r\n\"a\nb\"\r\na\\nb\r\n")
        #expect(render(.tsv, columns: ["s"], rows: rows).text == "s\na\\nb\na\\\\nb\n")
        #expect(render(.markdown, columns: ["s"], rows: rows).text == "| s |\n| --- |\n| a<br>b |\n| a\\\\nb |\n")
        #expect(render(.cypher, columns: ["s"], rows: rows).text == "{s: 'a\\nb'}\n{s: 'a\\\\nb'}\n")
        #expect(render(.jsonl, columns: ["s"], rows: rows).text == "{\"s\":\"a\\nb\"}\n{\"s\":\"a\\\\nb\"}\n")
    }

    @Test("markdown: CR and CRLF are line breaks too, the text <br> stays text, a | before a combining mark is escaped")
    func markdownBreaks() {
        let rows: [[Value]] = [["a\rb\r\nc"], ["<br>"], ["|\u{301}"]]
        #expect(render(.markdown, columns: ["s"], rows: rows).text == "| s |\n| --- |\n| a<br>b<br>c |\n| \\<br> |\n| \\|\u{301} |\n")
    }

    @Test("csv: a quote followed by a combining mark is still doubled")
    func csvCombiningQuote() {
        #expect(render(.csv, columns: ["s"], rows: [["\"\u{301}"]]).text == "s\r\n\"\"\"\u{301}\"\r\n")
    }

    @Test("table: maxRows limits the rows drawn")
    func maxRowsLimit() {
        let result = render(.table, maxRows: 1)
        #expect(result.shownRows == 1)
        #expect(!result.text.contains("日本"))
    }

    @Test("csv: RFC 4180 quoting, CRLF line ends, null as an empty field")
    func csv() {
        let text = render(.csv, columns: ["a", "b", "c"], rows: [["x,y", "say \"hi\"", nil], [1.5, true, "line\nbreak"]]).text
        #expect(text == "a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\r\n1.5,true,\"line\nbreak\"\r\n")
    }

    @Test("tsv: tabs, newlines and backslashes escaped")
    func tsv() {
        let text = render(.tsv, columns: ["a", "b"], rows: [["x\ty", "p\\q\nr"], [nil, 2]]).text
        #expect(text == "a\tb\nx\\ty\tp\\\\q\\nr\n\t2\n")
    }

    @Test("json: one array of row objects keyed by column name")
    func json() {
        #expect(render(.json).text == """
            [
              {"name":"Kazakhstan","talks":3,"note":null},
              {"name":"日本","talks":12,"note":"x"}
            ]

            """)
        #expect(render(.json, rows: []).text == "[]\n")
    }

    @Test("json: strings escaped, lists and maps nested, maps with sorted keys")
    func jsonEscapes() {
        let text = render(.jsonl, columns: ["v"], rows: [["q\"\\\n\u{1}"], [["a": [1, 2.5], "0": nil]]]).text
        #expect(text == "{\"v\":\"q\\\"\\\\\\n\\u0001\"}\n{\"v\":{\"0\":null,\"a\":[1,2.5]}}\n")
    }

    @Test("json: nodes, relationships and paths as objects, nodes known by their id property")
    func jsonGraphElements() throws {
        let g = try REPLFixture.graph()
        let text = ResultRenderer(mode: .jsonl, options: RenderOptions()).render(
            columns: ["p", "r", "path"], rows: [[.node(3), .relationship(2), .path(Path(nodes: [3, 2], relationships: [2]))]], graph: g).text
        let person = #"{"id":"mistura","labels":["Person"],"properties":{"id":"mistura","name":"Staffan de Mistura"}}"#
        let attended = #"{"id":2,"type":"ATTENDED","start":"mistura","end":"astana-1","properties":{}}"#
        let talk = #"{"id":"astana-1","labels":["Talk"],"properties":{"date":"2015-05-25","id":"astana-1","name":"Astana talks"}}"#
        #expect(text == #"{"p":"# + person + #","r":"# + attended + #","path":{"nodes":["# + person + "," + talk + #"],"relationships":["# + attended + "]}}\n")
    }

    @Test("jsonl: one object per line")
    func jsonl() {
        #expect(render(.jsonl).text == "{\"name\":\"Kazakhstan\",\"talks\":3,\"note\":null}\n{\"name\":\"日本\",\"talks\":12,\"note\":\"x\"}\n")
    }

    @Test("markdown: pipe table, | escaped, numeric columns right-aligned")
    func markdown() {
        let text = render(.markdown, columns: ["name", "n"], rows: [["a|b", 1], ["two\nlines", 20]]).text
        #expect(text == """
            | name | n |
            | --- | ---: |
            | a\\|b | 1 |
            | two<br>lines | 20 |

            """)
    }

    @Test("cypher: one map literal per row, strings quoted and escaped, odd keys backquoted")
    func cypher() {
        let text = render(.cypher, columns: ["s.name", "n", "l"], rows: [["it's", 1, [1.0, nil, ["k": "v"]]]]).text
        #expect(text == "{`s.name`: 'it\\'s', n: 1, l: [1.0, null, {k: 'v'}]}\n")
    }

    @Test("the table fits columns by narrowing only the widest")
    func fit() {
        #expect(TableRenderer.fit([5, 40, 10], into: 35) == [5, 20, 10])
        #expect(TableRenderer.fit([5, 10], into: nil) == [5, 10])
        #expect(TableRenderer.fit([5, 10], into: 100) == [5, 10])
    }
}
