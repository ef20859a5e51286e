/// Text inside a Mermaid label (`n0["..."]`, `-->|"..."|`): characters Mermaid would read as
/// syntax become its entity codes (`#quot;`, `#35;`), line breaks `<br>`.
enum MermaidText {
    /// `text` ready to go between the double quotes of a Mermaid label.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#38;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "|": out += "#124;"
            case "`": out += "#96;"
            case "\n": out += "<br>"
            case "\r": break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
