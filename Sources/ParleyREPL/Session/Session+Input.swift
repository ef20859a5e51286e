extension Session {
    /// The prompt for a new statement.
    static let prompt = "parley> "
    /// The prompt while a statement continues.
    static let continuationPrompt = "   ...> "

    /// Reads `reader` to its end (or `:quit`), running every statement and meta-command.
    ///
    /// - Parameters:
    ///   - fileName: shown in error positions (`weekly.cypher`, `<command>`, `<stdin>`), nil
    ///     in an interactive session.
    ///   - stopOnError: stop at the first failing unit (scripts without `--continue-on-error`).
    /// - Returns: the number of units that failed.
    @discardableResult
    func runInput(_ reader: LineEditor, fileName: String?, stopOnError: Bool) -> Int {
        var splitter = StatementSplitter()
        var failures = 0
        var ended = false
        while !quitRequested && !ended {
            pendingText = splitter.pendingText
            let prompt = splitter.isPending ? Session.continuationPrompt : Session.prompt
            let units: [InputUnit]
            // A prompt on the screen keeps the results apart.
            if reader.isInteractive && fileOutput == nil { resultPrinted = false }
            switch reader.readLine(prompt: prompt) {
            case .line(let line):
                units = splitter.feed(line)
            case .interrupted:
                splitter.reset()
                continue
            case .endOfInput:
                ended = true
                units = splitter.finish().map { [$0] } ?? []
            }
            for unit in units {
                if reader.isInteractive { reader.addHistory(unit.historyEntry) }
                if !execute(unit, fileName: fileName) {
                    failures += 1
                    if stopOnError { return failures }
                }
                if quitRequested { break }
            }
        }
        return failures
    }
}
