import ParleyGraph
import ParleyIO

extension Session {
    /// `:diff FILE`: what changed from the graph in FILE (old) to the session's graph (new),
    /// so that after `:load g.json` and some edits, `:diff g.json` answers "what did I change?".
    /// FILE is loaded on the side; the session's graph is untouched. Under an as-of view the
    /// whole graph is compared, not the view (the view cannot be edited).
    func diff(_ args: MetaArguments) -> Bool {
        let words = args.words
        if words.count == 2 { return diffDates(args) }
        guard words.count == 1 else {
            return usageError(args, "diff", "Expected one file name, or two dates", word: min(words.count, 1))
        }
        guard let path = filePath(words[0], args, "diff", word: 0) else { return false }
        let file: GraphStore
        do {
            file = try Interchange.load(path: path)
        } catch {
            self.error(Session.renderLoadError(error, color: errorColor))
            return false
        }
        showDiff(old: file, new: timeView?.base ?? engine.graph)
        return true
    }

    /// `:diff DATE1 DATE2`: what changed between two as-of views of the whole graph (each a
    /// day `YYYY-MM-DD`, a month or a year, as for `:asof`): elements that start or stop
    /// holding are added or removed.
    func diffDates(_ args: MetaArguments) -> Bool {
        let words = args.words
        var windows: [ValidPeriod] = []
        for (i, word) in words.enumerated() {
            guard let window = TimeView.window(asOf: word) else {
                report("Expected a date YYYY-MM-DD, YYYY-MM or YYYY (or one file name), but found '\(word)'", args, word: i)
                return false
            }
            windows.append(window)
        }
        let whole = wholeGraph
        showDiff(old: whole.view(during: windows[0]).graph, new: whole.view(during: windows[1]).graph)
        return true
    }

    /// Prints the diff from `old` to `new` as text (one line per change, then a summary),
    /// coloured on a colour terminal. Any two graphs: a file and the session, two as-of views.
    func showDiff(old: GraphStore, new: GraphStore) {
        let diff = GraphDiff(old: old, new: new)
        emit(diff.text(color: color && fileOutput == nil))
    }
}
