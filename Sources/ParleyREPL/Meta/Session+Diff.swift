import ParleyGraph
import ParleyIO

extension Session {
    /// `:diff FILE`: what changed from the graph in FILE (old) to the session's graph (new),
    /// so that after `:load g.json` and some edits, `:diff g.json` answers "what did I change?".
    /// FILE is loaded on the side; the session's graph is untouched. Under an as-of view the
    /// whole graph is compared, not the view (the view cannot be edited).
    func diff(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard words.count == 1 else {
            // `:diff DATE1 DATE2` (two as-of views of the session's graph) goes here: build
            // the two views as GraphStores (`GraphStore.view(during:)` of the whole graph,
            // `timeView?.base ?? engine.graph`) and call `showDiff(old:new:)`.
            return usageError(args, "diff", "Expected one file name", word: min(words.count, 1))
        }
        guard let path = filePath(words[0], args, "diff", word: 0) else { return false }
        let file: GraphStore
        do {
            file = try GraphFile.load(path: path)
        } catch {
            self.error(Session.renderLoadError(error, color: errorColor))
            return false
        }
        showDiff(old: file, new: timeView?.base ?? engine.graph)
        return true
    }

    /// Prints the diff from `old` to `new` as text (one line per change, then a summary),
    /// coloured on a colour terminal. Any two graphs: a file and the session, two as-of views.
    func showDiff(old: GraphStore, new: GraphStore) {
        let diff = GraphDiff(old: old, new: new)
        emit(diff.text(color: color && fileOutput == nil))
    }
}
