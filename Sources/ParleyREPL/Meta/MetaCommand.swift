import Foundation

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
    /// Runs the command; returns whether it succeeded.
    let run: (Session, MetaArguments) -> Bool
}

/// The text after a meta-command's name, with its position in the source.
struct MetaArguments {
    /// The text after the name, trimmed.
    var text: String
    /// Where `text` starts.
    var origin: StatementOrigin

    /// The whitespace-separated words (quotes `'…'` and `"…"` group words).
    var words: [String] { MetaArguments.split(text).map(\.word) }

    /// The text after the first `count` words, and where it starts; a trailing `;` dropped.
    func rest(after count: Int) -> (text: String, origin: StatementOrigin) {
        let parts = MetaArguments.split(text)
        guard count < parts.count else { return ("", origin) }
        let startScalar = parts[count].start
        let scalars = Array(text.unicodeScalars)
        var rest = String(String.UnicodeScalarView(scalars[startScalar...])).trimmingTrailingWhitespace()
        if rest.hasSuffix(";") { rest.removeLast() }
        let bytes = scalars[..<startScalar].reduce(0) { $0 + $1.utf8Length }
        return (rest.trimmingTrailingWhitespace(), origin.shifted(columns: startScalar, bytes: bytes, prefix: 0))
    }

    /// A file name with a leading `~/` replaced by the home folder.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    /// Splits `text` into words with the scalar index where each starts.
    static func split(_ text: String) -> [(word: String, start: Int)] {
        var result: [(String, Int)] = []
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
                i += 1
            } else {
                while i < scalars.count, scalars[i] != " " && scalars[i] != "\t" { word.unicodeScalars.append(scalars[i]); i += 1 }
            }
            result.append((word, start))
        }
        return result
    }
}

/// Edit distance for "did you mean" suggestions.
enum EditDistance {
    /// The Levenshtein distance between `a` and `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, if close enough to be a likely typo.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, between(word, $0)) }.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        guard let (best, distance) = scored, distance <= max(2, word.count / 3) else { return nil }
        return best
    }
}
