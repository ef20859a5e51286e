import Foundation
import ParleyGraph
import ParleyValues

/// Turns result rows into text in one of the ``OutputMode``s (DOT excepted: it needs the
/// exporter and is handled by the session).
struct ResultRenderer {
    var mode: OutputMode
    var options: RenderOptions

    /// Renders the rows of a result with its columns.
    func render(columns: [String], rows: [[Value]], graph: GraphStore) -> RenderedResult {
        let shown = options.maxRows > 0 ? Array(rows.prefix(options.maxRows)) : rows
        switch mode {
        case .table, .dot, .nodeLink, .jgf, .mermaid, .graphml: return TableRenderer(style: .ascii, options: options).render(columns: columns, rows: rows, graph: graph)
        case .box: return TableRenderer(style: .box, options: options).render(columns: columns, rows: rows, graph: graph)
        case .vertical: return TableRenderer(style: .ascii, options: options, vertical: true).render(columns: columns, rows: rows, graph: graph)
        case .csv: return RenderedResult(text: csv(columns, shown, graph), shownRows: shown.count)
        case .tsv: return RenderedResult(text: tsv(columns, shown, graph), shownRows: shown.count)
        case .json: return RenderedResult(text: json(columns, shown, graph), shownRows: shown.count)
        case .jsonl: return RenderedResult(text: jsonl(columns, shown, graph), shownRows: shown.count)
        case .markdown: return RenderedResult(text: markdown(columns, shown, graph), shownRows: shown.count)
        case .cypher: return RenderedResult(text: cypher(columns, shown, graph), shownRows: shown.count)
        }
    }

    /// RFC 4180: CRLF line ends, fields quoted when they hold `,`, `"`, CR or LF; `null` is
    /// an empty field.
    func csv(_ columns: [String], _ rows: [[Value]], _ graph: GraphStore) -> String {
        func field(_ s: String) -> String {
            if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                var quoted = "\""
                for c in s.unicodeScalars {
                    if c == "\"" { quoted += "\"" }
                    quoted.unicodeScalars.append(c)
                }
                return quoted + "\""
            }
            return s
        }
        var out = columns.map(field).joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map { $0.isNull ? "" : field($0.cellText(in: graph)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Tab-separated: tabs, newlines and backslashes escaped as `\t`, `\n`, `\\`; `null` empty.
    func tsv(_ columns: [String], _ rows: [[Value]], _ graph: GraphStore) -> String {
        func field(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                if c == "\t" || c == "\n" || c == "\r" || c == "\\", let letter = BackslashEscape.letter(for: c) {
                    out += "\\"
                    out.unicodeScalars.append(letter)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
            return out
        }
        var out = columns.map(field).joined(separator: "\t") + "\n"
        for row in rows {
            out += row.map { $0.isNull ? "" : field($0.cellText(in: graph)) }.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// One JSON array of row objects keyed by column name.
    func json(_ columns: [String], _ rows: [[Value]], _ graph: GraphStore) -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let objects = rows.map { "  " + ResultRenderer.jsonObject(columns, $0, graph) }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// One JSON object per row, one per line.
    func jsonl(_ columns: [String], _ rows: [[Value]], _ graph: GraphStore) -> String {
        rows.map { ResultRenderer.jsonObject(columns, $0, graph) + "\n" }.joined()
    }

    /// A row as one JSON object keyed by column name, in column order.
    static func jsonObject(_ columns: [String], _ row: [Value], _ graph: GraphStore) -> String {
        "{" + zip(columns, row).map { Value.jsonString($0) + ":" + $1.jsonText(in: graph) }.joined(separator: ",") + "}"
    }

    /// A Markdown pipe table; `\\`, `|` and `<` escaped with a backslash (so the text `<br>`
    /// stays text), line breaks (LF, CRLF, CR) as `<br>`, other control characters as their
    /// control pictures, numeric columns right-aligned.
    func markdown(_ columns: [String], _ rows: [[Value]], _ graph: GraphStore) -> String {
        func cell(_ s: String) -> String {
            // Scalar by scalar: a `|` followed by a combining mark is still a `|` to Markdown.
            var out = ""
            var scalars = s.unicodeScalars[...]
            while let c = scalars.popFirst() {
                switch c {
                case "\\", "|", "<": out += "\\"; out.unicodeScalars.append(c)
                case "\r":
                    if scalars.first == "\n" { scalars.removeFirst() }
                    out += "<br>"
                case "\n": out += "<br>"
                default: out.unicodeScalars.append(c)
                }
            }
            return TableRenderer.printable(out)
        }
        let numeric = columns.indices.map { i in
            let values = rows.compactMap { i < $0.count && !$0[i].isNull ? $0[i] : nil }
            return !values.isEmpty && values.allSatisfy(\.isNumber)
        }
        var out = "| " + columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
            out += "| " + row.map { cell($0.cellText(in: graph)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// One Cypher map literal per row: `{name: 'Kazakhstan', talks: 3}`.
    func cypher(_ columns: [String], _ rows: [[Value]], _ graph: GraphStore) -> String {
        rows.map { row in
            "{" + zip(columns, row).map { "\(Value.symbolicName($0)): \($1.cypherExpression(in: graph))" }.joined(separator: ", ") + "}\n"
        }.joined()
    }
}
