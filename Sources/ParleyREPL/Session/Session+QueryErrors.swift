import ParleyQuery
import ParleyValues

extension Session {
    /// Whether query errors are written as JSON: a script (not an interactive session) whose
    /// results are JSON or JSON Lines.
    var reportsErrorsAsJSON: Bool { !interactive && (mode == .json || mode == .jsonl) }

    /// Reports a failed query on standard error: the positioned diagnostic with its code
    /// (`error[SyntaxError.UndefinedVariable]`) and caret, or one line of JSON in a JSON
    /// script; a cancelled query as a note.
    func report(_ failure: QueryError, origin: StatementOrigin) {
        let cancelled = failure.kind == .cancelled
        let note = "Query cancelled; the graph is unchanged."
        if reportsErrorsAsJSON {
            let located = origin.located(failure.diagnostic)
            var location = located.range?.start
            location?.line += origin.lineOffset
            error(QueryErrorJSON(error: failure, message: cancelled ? note : failure.message, fileName: origin.fileName, location: location).text)
        } else {
            error(cancelled ? note : origin.render(failure.diagnostic, color: errorColor))
        }
    }
}
