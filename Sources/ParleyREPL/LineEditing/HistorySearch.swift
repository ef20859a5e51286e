/// Incremental backward search through the history (Ctrl-R), as a state machine that does not
/// touch the terminal: keys go in, the pattern, the match and the outcome come out.
///
/// libedit has its own incremental search, but it looks keys up in a 256-entry table by their
/// low byte, so a Cyrillic letter ends the search instead of extending the pattern; this one
/// takes any printable character.
struct HistorySearch {
    /// What a key did to the search.
    enum Outcome: Equatable {
        /// The search goes on; redraw.
        case continueSearch
        /// Enter: run the matched line.
        case accept
        /// Ctrl-G: give up and restore the line as it was before the search.
        case cancel
        /// Ctrl-C: abandon the line.
        case interrupt
        /// Any other key (arrows, Ctrl-A, Esc…): stop searching, keep the match, and let the
        /// editor handle this key.
        case finish
    }

    /// The entries searched, oldest first.
    let entries: [String]
    /// What is being looked for.
    private(set) var pattern = ""
    /// The index in `entries` of the current match.
    private(set) var matchIndex: Int?
    /// Whether the pattern matches nothing at or before the place searched.
    private(set) var failed = false
    /// The pattern of the previous search in this session, reused by Ctrl-R on an empty pattern.
    var previousPattern = ""

    /// Starts a search over `entries`.
    init(entries: [String], previousPattern: String = "") {
        self.entries = entries
        self.previousPattern = previousPattern
    }

    /// The current match, if any.
    var match: String? { matchIndex.map { entries[$0] } }

    /// The prompt shown while searching.
    var prompt: String {
        (failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`") + pattern + "': "
    }

    /// Applies one key (a Unicode scalar value).
    mutating func handle(_ key: UInt32) -> Outcome {
        switch key {
        case 0x12: // Ctrl-R: the next older match
            if pattern.isEmpty { pattern = previousPattern }
            search(from: matchIndex.map { $0 - 1 } ?? entries.count - 1, keepOnFailure: true)
            return .continueSearch
        case 0x08, 0x7F: // Backspace: shorten the pattern, search again from the newest
            if !pattern.isEmpty { pattern.removeLast() }
            matchIndex = nil
            failed = false
            if !pattern.isEmpty { search(from: entries.count - 1, keepOnFailure: false) }
            return .continueSearch
        case 0x07: // Ctrl-G
            return .cancel
        case 0x03: // Ctrl-C
            return .interrupt
        case 0x0A, 0x0D:
            return .accept
        default:
            guard key >= 0x20, let scalar = Unicode.Scalar(key) else { return .finish }
            pattern.unicodeScalars.append(scalar)
            // The current match stays while it still matches.
            search(from: matchIndex ?? entries.count - 1, keepOnFailure: true)
            return .continueSearch
        }
    }

    /// The pattern to remember for the next search.
    var patternToRemember: String { pattern.isEmpty ? previousPattern : pattern }

    /// Finds the newest entry at or before `start` containing `pattern`.
    private mutating func search(from start: Int, keepOnFailure: Bool) {
        guard !pattern.isEmpty else { return }
        var index = min(start, entries.count - 1)
        while index >= 0 {
            if entries[index].contains(pattern) {
                matchIndex = index
                failed = false
                return
            }
            index -= 1
        }
        failed = true
        if !keepOnFailure { matchIndex = nil }
    }
}
