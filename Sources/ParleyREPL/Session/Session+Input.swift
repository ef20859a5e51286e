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
        while !quitRequested && !ended && !scriptInterrupted {
            pendingText = splitter.pendingText
            let prompt = splitter.isPending ? String(repeating: " ", count: max(0, currentPrompt.count - Session.continuationPrompt.count)) + Session.continuationPrompt : currentPrompt
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
                if reader.isInteractive {
                    units = []
                    endTerminalInput(reader, pending: splitter.isPending ? splitter.pendingText : nil)
                } else {
                    // A script's last statement may lack its `;`.
                    units = splitter.finish().map { [$0] } ?? []
                }
            }
            for unit in units {
                if reader.isInteractive && !Session.holdsPassword(unit) { reader.addHistory(unit.historyEntry) }
                let succeeded = execute(unit, fileName: fileName)
                if !succeeded { failures += 1 }
                let interrupted = stopForInterrupt()
                if !succeeded && stopOnError { return failures }
                if quitRequested || interrupted { break }
            }
        }
        return failures
    }

    /// Ctrl-D at a prompt: ends the line it was typed on (so what follows starts on a new
    /// line); an unfinished statement is not run but kept in the history, with a note.
    private func endTerminalInput(_ reader: LineEditor, pending: String?) {
        standardOutput.write("\n")
        guard let pending, !pending.trimmed().isEmpty else { return }
        reader.addHistory(pending.trimmingTrailingWhitespace())
        error("note: the unfinished statement (no ';') was not run; it is in the history (Up recalls it).")
    }

    /// In an ``interruptible`` session (the script part of `-i`), or in a file `:source`d at
    /// the prompt, whether a Ctrl-C came: the input then stops, with a note, and the session
    /// goes on to the prompt.
    private func stopForInterrupt() -> Bool {
        guard interruptible || (interactive && sourceDepth > 0), !scriptInterrupted,
              InterruptHandling.received.isCancelled else { return scriptInterrupted }
        scriptInterrupted = true
        error("note: Ctrl-C stopped the script; the rest of it was not run.")
        return true
    }
}
