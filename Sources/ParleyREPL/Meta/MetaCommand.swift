import Foundation
import ParleyGraph
import ParleyValues

/// A meta-command (`:schema`): its name, how to call it, what it does, and its action.
struct MetaCommand {
    /// The name without `:`.
    let name: String
    /// Other names (`exit` for `quit`).
    var aliases: [String] = []
    /// The call pattern shown by `:help` (`:mode table|box|csv|…`).
    let usage: String
    /// One line for the `:help` list.
    let summary: String
    /// The text `:help CMD` adds below the usage.
    var details: String = ""
    /// Whether `:NAME!` is accepted too (``MetaArguments/forced`` then tells which was typed).
    var acceptsBang = false
    /// Runs the command; returns whether it succeeded.
    let run: (Session, MetaArguments) -> Bool
}

/// The text after a meta-command's name, with its position in the source.
struct MetaArguments {
    /// The text after the name, trimmed.
    var text: String
    /// Where `text` starts.
    var origin: StatementOrigin
    /// Where the command's name (its `:`) starts.
    var commandOrigin: StatementOrigin? = nil
    /// Whether the command was typed with `!` (`:load! FILE`).
    var forced = false

    /// The whitespace-separated words (quotes `'…'` and `"…"` group words).
    var words: [String] { MetaArguments.split(text).map(\.word) }

    /// The text after the first `count` words, and where it starts; a trailing `;` dropped.
    func rest(after count: Int) -> (text: String, origin: StatementOrigin) {
        let parts = MetaArguments.split(text)
        guard count < parts.count else { return ("", origin) }
        return rest(fromScalar: parts[count].start)
    }

    /// The text from scalar `startScalar` on, and where it starts; a trailing `;` dropped.
    func rest(fromScalar startScalar: Int) -> (text: String, origin: StatementOrigin) {
        let scalars = Array(text.unicodeScalars)
        guard startScalar < scalars.count else { return ("", origin.shifted(columns: scalars.count, bytes: text.utf8.count)) }
        var rest = String(String.UnicodeScalarView(scalars[startScalar...])).trimmingTrailingWhitespace()
        if rest.hasSuffix(";") { rest.removeLast() }
        let bytes = scalars[..<startScalar].reduce(0) { $0 + $1.utf8Length }
        return (rest.trimmingTrailingWhitespace(), origin.shifted(columns: startScalar, bytes: bytes))
    }

    /// Where word `index` is (its quotes included), in the coordinates of ``origin``; the
    /// end of the text when there are fewer words (where the missing word would go).
    func range(ofWord index: Int) -> SourceRange {
        let parts = MetaArguments.split(text)
        let scalars = Array(text.unicodeScalars)
        guard index < parts.count else {
            let end = SourceLocation(line: 1, column: scalars.count + 1, offset: text.utf8.count)
            return SourceRange(at: end)
        }
        let start = parts[index].start
        let end = parts[index].end
        let startBytes = scalars[..<start].reduce(0) { $0 + $1.utf8Length }
        let endBytes = startBytes + scalars[start..<end].reduce(0) { $0 + $1.utf8Length }
        return SourceRange(start: SourceLocation(line: 1, column: start + 1, offset: startBytes),
                           end: SourceLocation(line: 1, column: end + 1, offset: endBytes))
    }

    /// A file name with a leading `~/` replaced by the home folder.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    /// Splits `text` into words with the scalar indexes where each starts and ends (quotes
    /// included).
    static func split(_ text: String) -> [(word: String, start: Int, end: Int)] {
        var result: [(String, Int, Int)] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            guard i < scalars.count else { break }
            let start = i
            var word = ""
            if scalars[i] == "'" || scalars[i] == "\"" {
                let quote = scalars[i]
                i += 1
                while i < scalars.count, scalars[i] != quote { word.unicodeScalars.append(scalars[i]); i += 1 }
                i = min(i + 1, scalars.count)
            } else {
                while i < scalars.count, scalars[i] != " " && scalars[i] != "\t" { word.unicodeScalars.append(scalars[i]); i += 1 }
            }
            result.append((word, start, i))
        }
        return result
    }
}
