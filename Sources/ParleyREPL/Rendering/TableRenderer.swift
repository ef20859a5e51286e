import ParleyGraph

/// Draws results as aligned tables: ASCII (`+---+`) or Unicode box drawing.
///
/// Columns are sized by display width (CJK and emoji count two), numbers are right-aligned,
/// `null` is dimmed on terminals, and when the table is wider than the allowed width the
/// widest columns are narrowed and their values cut with `…`.
struct TableRenderer {
    /// The characters a table is drawn with.
    struct Style {
        var horizontal: String, vertical: String
        var topLeft: String, topMid: String, topRight: String
        var midLeft: String, midMid: String, midRight: String
        var bottomLeft: String, bottomMid: String, bottomRight: String

        static let ascii = Style(horizontal: "-", vertical: "|", topLeft: "+", topMid: "+", topRight: "+",
                                 midLeft: "+", midMid: "+", midRight: "+", bottomLeft: "+", bottomMid: "+", bottomRight: "+")
        static let box = Style(horizontal: "─", vertical: "│", topLeft: "┌", topMid: "┬", topRight: "┐",
                               midLeft: "├", midMid: "┼", midRight: "┤", bottomLeft: "└", bottomMid: "┴", bottomRight: "┘")
    }

    var style: Style
    var options: RenderOptions

    /// The narrowest a column is cut to.
    static let minimumColumnWidth = 3

    private struct Cell {
        var text: String
        var isNull = false
        var isNumber = false
        var isHeader = false
    }

    /// Renders the header and the rows (at most `options.maxRows`).
    func render(columns: [String], rows: [[Value]], graph: GraphStore) -> RenderedResult {
        let shown = options.maxRows > 0 ? Array(rows.prefix(options.maxRows)) : rows
        let header = columns.map { Cell(text: TableRenderer.printable($0), isHeader: true) }
        let body = shown.map { row in
            row.map { value -> Cell in
                switch value {
                case .null: return Cell(text: "null", isNull: true)
                default: return Cell(text: TableRenderer.printable(ValueText.plain(value, in: graph)), isNumber: ValueText.isNumber(value))
                }
            }
        }
        var widths = header.map { $0.text.displayWidth }
        for row in body {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.text.displayWidth) }
        }
        widths = TableRenderer.fit(widths, into: options.width.map { $0 - (3 * widths.count + 1) })

        var truncated = false
        var out = ""
        func rule(_ left: String, _ mid: String, _ right: String) {
            out += left + widths.map { String(repeating: style.horizontal, count: $0 + 2) }.joined(separator: mid) + right + "\n"
        }
        func line(_ cells: [Cell]) {
            out += style.vertical
            for (i, width) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : Cell(text: "")
                var text = cell.text
                if text.displayWidth > width {
                    text = TableRenderer.cut(text, to: width)
                    truncated = true
                }
                let pad = String(repeating: " ", count: max(0, width - text.displayWidth))
                if cell.isNull && options.color { text = "\u{1B}[2m" + text + "\u{1B}[0m" }
                if cell.isHeader && options.color { text = "\u{1B}[1m" + text + "\u{1B}[0m" }
                out += " " + (cell.isNumber ? pad + text : text + pad) + " " + style.vertical
            }
            out += "\n"
        }
        rule(style.topLeft, style.topMid, style.topRight)
        line(header)
        rule(style.midLeft, style.midMid, style.midRight)
        for row in body { line(row) }
        rule(style.bottomLeft, style.bottomMid, style.bottomRight)
        return RenderedResult(text: out, truncatedValues: truncated, shownRows: shown.count)
    }

    /// Narrows the widest columns until their sum fits `available` (nil: no limit).
    static func fit(_ natural: [Int], into available: Int?) -> [Int] {
        guard let available, natural.reduce(0, +) > available else { return natural }
        // The largest cap c with sum(min(w, c)) <= available.
        var lo = minimumColumnWidth, hi = natural.max() ?? minimumColumnWidth
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if natural.reduce(0, { $0 + min($1, mid) }) <= available { lo = mid } else { hi = mid - 1 }
        }
        var widths = natural.map { min($0, lo) }
        // Give what is left to the cut columns, left to right.
        var spare = available - widths.reduce(0, +)
        for i in widths.indices where spare > 0 && widths[i] < natural[i] {
            let extra = min(spare, natural[i] - widths[i])
            widths[i] += extra
            spare -= extra
        }
        return widths
    }

    /// Cuts `text` to at most `width` columns, ending with `…`.
    static func cut(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let w = scalar.displayWidth
            if used + w > width - 1 { break }
            out.unicodeScalars.append(scalar)
            used += w
        }
        while let last = out.unicodeScalars.last, last == " " || last == "\t" { out.unicodeScalars.removeLast() }
        return out + "…"
    }

    /// The text with control characters made visible, so a cell stays on one line.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || c.value == 0x7F { out += "\\u{\(String(c.value, radix: 16))}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
