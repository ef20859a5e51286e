/// The edit distance behind every "did you mean" (keywords, functions, procedures,
/// meta-commands, modes): Levenshtein on Unicode scalars, ignoring letter case, with a swap of
/// two adjacent letters counted as one edit (`MACTH` is one edit from `MATCH`).
public enum EditDistance {
    /// The distance between `a` and `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows: the one before the previous is needed for transpositions.
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, if close enough to be a likely typo: at most
    /// `maxDistance` edits (default: 2, or a third of the word's length if that is more).
    /// Ties go to the candidate first in name order.
    public static func nearest(to word: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
        let limit = maxDistance ?? max(2, word.unicodeScalars.count / 3)
        let scored = candidates.map { ($0, between(word, $0)) }.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        guard let (best, distance) = scored, distance <= limit else { return nil }
        return best
    }
}
