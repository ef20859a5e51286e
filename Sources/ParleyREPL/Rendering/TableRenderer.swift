import ParleyGraph
import ParleyValues

/// Draws results as aligned tables: ASCII (`+---+`) or Unicode box drawing.
///
/// Columns are sized by display width (CJK and emoji count two), numbers are right-aligned,
/// `null` is dimmed on terminals, and when the table is wider than the allowed width the
/// widest columns are narrowed and their values cut with `…`. When the columns cannot all
/// keep ``readableWidth`` columns, the result is drawn as records instead
/// (``RecordRenderer``, like psql's `\x`). No line is ever wider than the width.
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
    /// Draw records (`-[ RECORD 1 ]-`) whatever the width (`:mode vertical`).
    var vertical = false

    /// The narrowest a column is cut to.
    static let minimumColumnWidth = 3
    /// A column narrower than this (and than its content) is unreadable: the table is then
    /// drawn as records.
    static let readableWidth = 8

    /// One cell: its printable text and how it is drawn.
    struct Cell {
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
                default: return Cell(text: TableRenderer.printable(value.cellText(in: graph)), isNumber: value.isNumber)
                }
            }
        }
        var natural = header.map { $0.text.displayWidth }
        for row in body {
            for (i, cell) in row.enumerated() where i < natural.count { natural[i] = max(natural[i], cell.text.displayWidth) }
        }
        let available = options.width.map { $0 - (3 * natural.count + 1) }
        if vertical || !TableRenderer.isReadable(natural, in: available) {
            return RecordRenderer(style: style, options: options).render(header: header, body: body)
        }
        let widths = TableRenderer.fit(natural, into: available)

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
                text = TableRenderer.styled(text, cell, color: options.color)
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

    /// Whether every column can keep ``readableWidth`` columns (or its whole content, when
    /// narrower) within `available` (nil: no limit).
    static func isReadable(_ natural: [Int], in available: Int?) -> Bool {
        guard let available else { return true }
        return available >= 0 && natural.reduce(0, { $0 + min($1, readableWidth) }) <= available
    }

    /// The text with the ANSI styling of its cell (dimmed `null`, bold header) when `color`.
    static func styled(_ text: String, _ cell: Cell, color: Bool) -> String {
        guard color else { return text }
        if cell.isNull { return "\u{1B}[2m" + text + "\u{1B}[0m" }
        if cell.isHeader { return "\u{1B}[1m" + text + "\u{1B}[0m" }
        return text
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

    /// The text with control characters made visible, so a cell stays on one line and a real
    /// newline cannot be mistaken for the two characters `\n`: C0 controls and DEL become
    /// their control pictures (`␊` newline, `␍` carriage return, `␉` tab, `␛` escape, `␡`),
    /// C1 controls and bidirectional overrides (which would reorder the line) become `�`.
    static func printable(_ text: String) -> String {
        // Fast path over the bytes: C0 and DEL are single bytes, C1 starts with 0xC2, the
        // bidirectional controls with 0xE2.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
              text.unicodeScalars.contains(where: isInvisibleControl) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            if c.value < 0x20 {
                out.unicodeScalars.append(Unicode.Scalar(0x2400 + c.value)!)
            } else if c.value == 0x7F {
                out += "\u{2421}"
            } else if isInvisibleControl(c) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether `c` is a control character or a bidirectional embedding/override/isolate.
    static func isInvisibleControl(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return c.isControlCharacter || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }
}
