/// Lays out completion candidates in columns for a terminal, like a shell does.
enum CompletionListing {
    /// The most candidates shown; the rest are counted.
    static let shownLimit = 120

    /// `items` in columns filling `width`, ordered down the columns, each row ending with a newline.
    static func format(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "" }
        let shown = Array(items.prefix(shownLimit))
        let widths = shown.map(displayWidth)
        let cell = (widths.max() ?? 0) + 2
        let columns = max(1, min(shown.count, max(1, width) / max(1, cell)))
        let rows = (shown.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let isLast = column == columns - 1 || (column + 1) * rows + row >= shown.count
                line += shown[index]
                if !isLast { line += String(repeating: " ", count: cell - widths[index]) }
            }
            out += line + "\n"
        }
        if items.count > shown.count {
            out += "… and \(items.count - shown.count) more\n"
        }
        return out
    }

    /// Columns `text` takes on a terminal: one per character, two for wide (CJK) characters.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0: continue
            case 0x300..<0x370, 0x200B..<0x2010, 0xFE00..<0xFE10: continue
            case 0x1100..<0x1160, 0x2E80..<0xA4D0, 0xAC00..<0xD7A4, 0xF900..<0xFB00, 0xFF00..<0xFF61, 0x1F300..<0x1FAFF:
                width += 2
            default:
                width += 1
            }
        }
        return width
    }
}
