import ParleyBolt
import ParleyQuery

/// Explicit transactions on a Bolt server, as in cypher-shell: `:begin`, `:commit`,
/// `:rollback` (docs/bolt.md). Between `:begin` and `:commit` the statements run in the
/// transaction and the prompt shows `#` (`parley@bolt://db:7687#> `). A statement the server
/// fails, a Ctrl-C (RESET) or a dropped connection ends the transaction, rolled back, with a
/// note. Leaving the server with a transaction open (`:disconnect`, `:connect` elsewhere,
/// `:quit`, the end of a script) rolls it back with a warning.
///
/// On the local graph there are no transactions: each statement applies when it succeeds
/// and a failing one changes nothing, so the three commands say they apply to servers.
extension Session {
    /// Whether a transaction is open on the server statements run on.
    var inRemoteTransaction: Bool { remote?.inTransaction == true }

    /// `:begin`: starts a transaction on the server.
    func beginTransaction(_ args: MetaArguments) -> Bool {
        guard args.words.isEmpty else { return usageError(args, "begin", "Expected no arguments", word: 0) }
        guard remoteTarget != nil else { return localTransactionError("begin", args) }
        if inRemoteTransaction {
            report("A transaction is already open; :commit or :rollback it first.", origin: args.commandOrigin ?? args.origin)
            return false
        }
        guard let remote = liveRemote() else { return false }
        do {
            try remote.begin()
        } catch {
            reportTransactionError(error, "begin")
            return false
        }
        if interactive { say("Transaction open: statements run in it until :commit or :rollback.") }
        return true
    }

    /// `:commit`: commits the open transaction.
    func commitTransaction(_ args: MetaArguments) -> Bool {
        finishTransaction(args, "commit") { remote throws(BoltError) in
            try remote.commit()
            if self.interactive { self.say("Committed.") }
        }
    }

    /// `:rollback`: rolls the open transaction back.
    func rollbackTransaction(_ args: MetaArguments) -> Bool {
        finishTransaction(args, "rollback") { remote throws(BoltError) in
            try remote.rollback()
            if self.interactive { self.say("Rolled back.") }
        }
    }

    /// What `:commit` and `:rollback` share: the checks, then `step`; a failure ends the
    /// transaction too (the server rolls it back), and the message says so.
    private func finishTransaction(_ args: MetaArguments, _ command: String, _ step: (BoltSession) throws(BoltError) -> Void) -> Bool {
        guard args.words.isEmpty else { return usageError(args, command, "Expected no arguments", word: 0) }
        guard remoteTarget != nil else { return localTransactionError(command, args) }
        guard let remote, inRemoteTransaction else {
            report("No transaction is open (:begin starts one); statements run in autocommit, each on its own.", origin: args.commandOrigin ?? args.origin)
            return false
        }
        do {
            try step(remote)
        } catch {
            reportTransactionError(error, command)
            if command == "commit" { self.error("note: the transaction was not committed; the server rolled it back.") }
            return false
        }
        return true
    }

    /// The error for `:begin`, `:commit`, `:rollback` on the local graph.
    private func localTransactionError(_ command: String, _ args: MetaArguments) -> Bool {
        report("':\(command)' works on a Bolt server (:connect bolt://HOST:PORT); the local graph has no transactions: each statement applies when it succeeds, a failing one changes nothing, and :load! FILE drops unsaved changes.",
               origin: args.commandOrigin ?? args.origin)
        return false
    }

    /// A failed BEGIN, COMMIT or ROLLBACK, and the connection closed when it cannot go on.
    private func reportTransactionError(_ error: BoltError, _ command: String) {
        reportRemote(error)
        if !error.isRecoverable {
            remote?.close()
            remote = nil
            if interactive { self.error("note: the connection is closed; the next statement connects again.") }
        }
    }

    /// Rolls back the transaction open on the server before the session leaves it, with a
    /// warning (or, at the end of a script, an error) that starts with `why` (`:disconnect`);
    /// returns whether one was open.
    @discardableResult
    func rollBackBeforeLeaving(_ why: String, level: String = "warning") -> Bool {
        guard let remote, remote.inTransaction else { return false }
        do {
            try remote.rollback()
            error("\(level): \(why) with a transaction open: it was rolled back (:commit first keeps its changes).")
        } catch {
            self.error("\(level): \(why) with a transaction open: ROLLBACK failed (\(error.description)); the server rolls it back when the connection closes.")
        }
        return true
    }

    /// At the end of a session: rolls back a transaction left open, with a warning after a
    /// prompt, an error after a script (then true: the script failed).
    func rollBackAtEnd(afterPrompt: Bool) -> Bool {
        if afterPrompt {
            rollBackBeforeLeaving("quitting")
            return false
        }
        return rollBackBeforeLeaving("the script ended", level: "error")
    }

    /// A statement on the server: `:explain`/`:profile` put their keyword before it; a
    /// statement that ends the open transaction (a server error, Ctrl-C, a dropped
    /// connection) is followed by a note that says so.
    func runRemoteStatement(_ text: String, origin: StatementOrigin, mode: QueryEngine.PlanMode?) -> Bool {
        var statement = text
        if let mode { statement = (mode == .explain ? "EXPLAIN " : "PROFILE ") + text }
        let keyword = mode.map { $0 == .explain ? "EXPLAIN" : "PROFILE" } ?? Self.planKeyword(text)
        let wasInTransaction = inRemoteTransaction
        var succeeded = false
        if keyword == "EXPLAIN" {
            guard let remote = liveRemote() else { return false }
            if !remote.plansExplain() {
                report("This server does not plan EXPLAIN over Bolt: it runs the statement instead (FalkorDB 4.16 does, writes included), so Parley did not send it (docs/bolt.md).", origin: origin)
            } else {
                succeeded = runRemoteQuery(statement, origin: origin, planned: true)
            }
        } else {
            succeeded = runRemoteQuery(statement, origin: origin, planned: keyword != nil)
        }
        if wasInTransaction && !inRemoteTransaction {
            if remote == nil || remote?.isBroken == true {
                error("note: the transaction is lost with the connection; the server rolls back what it did not commit. The next statement runs in autocommit.")
            } else {
                error("note: the transaction was rolled back (Parley sent RESET after the error); statements run in autocommit again, :begin starts a new one.")
            }
        }
        return succeeded
    }

    /// `EXPLAIN` or `PROFILE` when the statement starts with one (after blanks and comments).
    static func planKeyword(_ text: String) -> String? {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("//") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*") {
                guard let end = rest.range(of: "*/") else { return nil }
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        let word = rest.prefix { $0.isLetter }.uppercased()
        guard word == "EXPLAIN" || word == "PROFILE" else { return nil }
        return word
    }

    /// The note for an EXPLAIN or PROFILE the server answered without a plan.
    static let noPlanNote = "note: the server sent no plan (FalkorDB 4.16 sends none over Bolt: it runs a PROFILE's statement as if PROFILE were not there; docs/bolt.md)."
}
