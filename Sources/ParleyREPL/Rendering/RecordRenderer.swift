import ParleyGraph

/// Draws rows as records, one `column | value` line per column (like psql's `\x`):
///
/// ```
/// -[ RECORD 1 ]------
/// name  | Kazakhstan
/// talks | 3
/// ```
///
/// Used for `:mode vertical` and when a table's columns would be too narrow to read. Names
/// take at most half the width, values are cut with `…` to the rest, and no line is wider
/// than the width (at tiny widths every line is cut).
struct RecordRenderer {
    var style: TableRenderer.Style
    var options: RenderOptions

    /// Renders the header cells as names and each row of `body` as a record.
    func render(header: [TableRenderer.Cell], body: [[TableRenderer.Cell]]) -> RenderedResult {
        let width = options.width
        var truncated = false
        /// `text` cut to `limit` columns (nil: no limit), noting the cut.
        func fitted(_ text: String, _ limit: Int?) -> String {
            guard let limit, text.displayWidth > limit else { return text }
            truncated = true
            return TableRenderer.cut(text, to: limit)
        }
        let widestName = header.map { $0.text.displayWidth }.max() ?? 0
        let nameWidth = width.map { min(widestName, max(1, ($0 - 3) / 2)) } ?? widestName
        let valueWidth = width.map { max(0, $0 - nameWidth - 3) }
        let names = header.map { fitted($0.text, nameWidth) }
        var widestValue = 0
        let values = body.map { row in
            row.map { cell -> String in
                let text = fitted(cell.text, valueWidth)
                widestValue = max(widestValue, text.displayWidth)
                return text
            }
        }
        // The record rule spans the widest line (psql style), within the width.
        var ruleWidth = nameWidth + 3 + widestValue
        if let width { ruleWidth = min(ruleWidth, width) }

        var out = ""
        for (r, row) in values.enumerated() {
            out += rule(number: r + 1, width: ruleWidth, limit: width) + "\n"
            for (i, name) in names.enumerated() {
                let cell = i < body[r].count ? body[r][i] : TableRenderer.Cell(text: "")
                let value = i < row.count ? row[i] : ""
                let pad = String(repeating: " ", count: max(0, nameWidth - name.displayWidth))
                var line = name + pad + " " + style.vertical + " " + value
                if let width, line.displayWidth > width {
                    line = TableRenderer.cut(line, to: width)
                    truncated = true
                } else if options.color {
                    var headerCell = header[i]
                    headerCell.text = name
                    line = TableRenderer.styled(name, headerCell, color: true) + pad + " " + style.vertical + " "
                        + TableRenderer.styled(value, cell, color: true)
                }
                out += line + "\n"
            }
        }
        return RenderedResult(text: out, truncatedValues: truncated, shownRows: body.count)
    }

    /// `-[ RECORD n ]---` padded to `width` columns; shorter forms (`[n]`) when `limit` is
    /// too small for it.
    func rule(number: Int, width: Int, limit: Int?) -> String {
        let label = style.horizontal + "[ RECORD \(number) ]"
        if let limit, label.displayWidth > limit {
            let short = "[\(number)]"
            return short.displayWidth <= limit ? short : TableRenderer.cut(short, to: limit)
        }
        var total = max(width, label.displayWidth + 1)
        if let limit { total = min(total, limit) }
        return label + String(repeating: style.horizontal, count: total - label.displayWidth)
    }
}
