/// Quoting and escaping for DOT: every ID Parley writes is a double-quoted string.
///
/// Inside a DOT quoted string only `\"` is an escape of the grammar, but Graphviz gives
/// `\n`, `\l`, `\r`, `\N`, `\G`, `\E`, `\T`, `\H` and `\L` special meanings in labels and
/// tooltips, and decodes HTML entities (`&amp;`) in labels and tooltips. So text is written as:
/// `\` → `\\`, `"` → `\"`, a line break (LF, CR or CR LF) → `\n`, a tab → a space, `&` → `&amp;`
/// (in ``label(_:)`` and ``tooltip(_:)``), and other control characters (C0, DEL, C1) and the XML
/// non-characters U+FFFE/U+FFFF are dropped. Everything else passes through as UTF-8.
/// Tooltips need `\` doubled once more (see ``tooltip(_:)``).
enum DOTText {
    /// A quoted DOT ID for a plain value (node IDs, colours, shapes: values that are not
    /// text shown to the reader).
    static func quoted(_ text: String) -> String {
        escape(text, entities: false)
    }

    /// A quoted DOT ID for text Graphviz shows as a label: like ``quoted(_:)``, and
    /// `&` is written as `&amp;` so that text such as `&lt;` is not decoded as an HTML entity.
    static func label(_ text: String) -> String {
        escape(text, entities: true, backslash: "\\\\")
    }

    /// A quoted DOT ID for a tooltip: like ``label(_:)``, but `\` is written `\\\\` because
    /// Graphviz reads tooltips twice (first turning `\n` into a line break and `\\` into `\`,
    /// then expanding `\N`, `\G`, ... and again `\\` into `\`).
    static func tooltip(_ text: String) -> String {
        escape(text, entities: true, backslash: "\\\\\\\\")
    }

    private static func escape(_ text: String, entities: Bool, backslash: String = "\\\\") -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\"": out.append("\\"); out.append("\"")
            case "\\": out.append(contentsOf: backslash.unicodeScalars)
            case "\n": if !afterCR { out.append("\\"); out.append("n") }
            case "\r": out.append("\\"); out.append("n")
            case "\t": out.append(" ")
            case "&" where entities: out.append(contentsOf: "&amp;".unicodeScalars)
            default:
                if isDropped(scalar) { continue }
                out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }

    /// Whether `scalar` is a control character or XML non-character that Parley drops.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}
