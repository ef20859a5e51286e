/// `:last [MODE]`: the last result again.
extension Session {
    /// Shows the last query result again: in MODE when given (this once), in full width (no
    /// value is cut), and wherever results go now (`:output FILE` sends it to a file).
    func showLast(_ args: MetaArguments) -> Bool {
        if let failed = extraWords(args, "last", allowed: 1, "Expected at most one mode") { return failed }
        guard let last = lastResult else {
            report("No result yet: :last shows the last query's result again", origin: args.origin)
            return false
        }
        var shownMode = mode
        if let word = args.words.first {
            switch OutputMode.interactive(named: word) {
            case .success(let m): shownMode = m
            case .failure(let unknown): return usageError(args, "last", unknown.message)
            }
        }
        let (savedMode, savedWidth, savedRows) = (mode, width, displayRows)
        mode = shownMode
        width = 0
        displayRows = 0
        defer { (mode, width, displayRows) = (savedMode, savedWidth, savedRows) }
        return present(last, elapsed: .zero, graph: remoteCache.lastGraph)
    }
}
