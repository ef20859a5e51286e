/// Where a server's error message says the problem is: Neo4j ends the first line of a syntax
/// error with `(line 1, column 11 (offset: 10))` and follows it with the statement's line in
/// quotes and a caret line, which Parley replaces with its own (docs/bolt.md).
public struct BoltErrorPosition: Sendable, Equatable {
    /// The 1-based line within the statement.
    public var line: Int
    /// The 1-based column as the server counts it (UTF-16 code units on Neo4j).
    public var column: Int
    /// The message without the position and without the server's quoted line and caret.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The position a server message gives, or nil when it gives none.
    public init?(message full: String) {
        var lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let open = first.range(of: " (line ", options: .backwards) else { return nil }
        // "(line L, column C (offset: O))" at the end of the first line.
        let tail = first[open.upperBound...]
        let parts = tail.split(separator: ",", maxSplits: 1)
        guard parts.count == 2, let line = Int(parts[0]) else { return nil }
        let rest = parts[1].trimmingPrefix(" ")
        guard rest.hasPrefix("column ") else { return nil }
        let digits = rest.dropFirst("column ".count).prefix(while: \.isNumber)
        guard let column = Int(digits), line >= 1, column >= 1, tail.hasSuffix("))") || tail.hasSuffix(")") else { return nil }
        lines[0] = String(first[..<open.lowerBound])
        // Drop the server's echo of the statement line and its caret line.
        if lines.count >= 3, lines[1].hasPrefix("\""), lines[2].trimmingCharacters(in: " ") == "^" {
            lines.removeSubrange(1...2)
        }
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        self.init(line: line, column: column, message: lines.joined(separator: "\n"))
    }

    /// The column in Unicode scalars within `lineText` (the statement's line `line`), for a
    /// column counted in UTF-16 code units as Neo4j counts it.
    public func scalarColumn(in lineText: String) -> Int {
        var units = 0
        var scalars = 0
        for scalar in lineText.unicodeScalars {
            if units >= column - 1 { break }
            units += scalar.utf16.count
            scalars += 1
        }
        return scalars + 1 + max(0, column - 1 - units)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
