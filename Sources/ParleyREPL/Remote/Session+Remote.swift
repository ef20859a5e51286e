import Foundation
import ParleyBolt
import ParleyGraph
import ParleyQuery
import ParleyValues

extension Session {
    /// Meta-commands that mean the same over Bolt (the rest work on the local graph).
    static let remoteMetaCommands: Set<String> = [
        "help", "quit", "mode", "timing", "width", "set", "param", "params", "output", "pager", "history", "connect", "disconnect", "source", "push", "pull",
        "begin", "commit", "rollback", "explain", "profile",
    ]

    /// Rows rendered together when a result streams (csv, tsv, json, jsonl, cypher): each batch
    /// gets its own scratch store, so memory stays flat however long the result.
    static let remoteBatchRows = 1000

    /// Runs a statement on the Bolt server and prints its result like a local one.
    ///
    /// Server values are copied into a scratch ``GraphStore`` (``BoltMaterializer``) that the
    /// renderers read instead of the local graph. Line-per-row formats stream in batches;
    /// tables need every row to size their columns, so they hold the whole result. The
    /// server's plan (EXPLAIN, PROFILE) prints as a local one does; when the statement was
    /// `planned` and none came, a note says so. The graph formats (`--format dot`) draw the
    /// result from its scratch store.
    func runRemoteQuery(_ text: String, origin: StatementOrigin, planned: Bool = false) -> Bool {
        if mode == .dot || mode.graphFormat != nil { return runRemoteGraphQuery(text, origin: origin) }
        guard let remote = liveRemote() else { return false }
        remote.shouldInterrupt = catchesInterrupts ? { [cancellation] in
            guard cancellation.isCancelled else { return false }
            cancellation.reset()  // the next Ctrl-C is a new one
            return true
        } : nil
        remote.onInterruptSent = catchesInterrupts ? { [weak self] in
            self?.error("note: RESET sent; waiting for the server to stop the query (Ctrl-C again closes the connection).")
        } : nil
        defer {
            remote.shouldInterrupt = nil
            remote.onInterruptSent = nil
        }
        let clock = ContinuousClock()
        let started = clock.now
        do throws(BoltError) {
            var parameters = BoltMap()
            for name in self.parameters.keys.sorted() {
                parameters[name] = try BoltValue(parameter: self.parameters[name]!)
            }
            let result = try remote.run(text, parameters: parameters)
            if [.csv, .tsv, .json, .jsonl, .cypher].contains(mode) {
                let rows = try streamRemote(result)
                noteRemoteWrite(result.summary)
                if let plan = BoltPlan(summary: result.summary, runMetadata: result.runMetadata) {
                    error(plan.render())
                } else if planned {
                    error(Self.noPlanNote)
                }
                if let stats = Self.statistics(result.summary).map(ResultSummary.statistics) ?? nil { error(stats) }
                if timing { error("-- \(rows) row\(rows == 1 ? "" : "s"), " + String(format: "%.3f ms", milliseconds(clock.now - started))) }
                return true
            }
            var materializer = BoltMaterializer()
            var rows: [[Value]] = []
            while let record = try result.next() { rows.append(try materializer.row(record)) }
            noteRemoteWrite(result.summary)
            let statistics = Self.statistics(result.summary) ?? QueryStatistics()
            let plan = BoltPlan(summary: result.summary, runMetadata: result.runMetadata)
            let queryResult = QueryResult(columns: result.keys, rows: rows, statistics: statistics, plan: plan?.render())
            if !result.keys.isEmpty && plan == nil {
                lastResult = QueryResult(columns: result.keys, rows: rows)
                remoteCache.lastGraph = materializer.graph  // what :last draws the values from
            }
            let presented = present(queryResult, elapsed: clock.now - started, origin: origin, graph: materializer.graph)
            if planned && plan == nil { error(Self.noPlanNote) }
            return presented
        } catch {
            reportRemote(error, origin: origin)
            if !error.isRecoverable {
                remote.close()
                self.remote = nil
                if interactive { self.error("note: the connection is closed; the next statement connects again.") }
            }
            return false
        }
    }

    /// Prints a result batch by batch; returns the number of rows.
    private func streamRemote(_ result: BoltResult) throws(BoltError) -> Int {
        // A statement without columns (CREATE without RETURN) is no result: no separator.
        if result.keys.isEmpty {
            while try result.next() != nil {}
            return 0
        }
        let options = RenderOptions(width: effectiveWidth, color: false, maxRows: 0)
        let renderer = ResultRenderer(mode: mode, options: options)
        var total = 0
        var first = true
        while true {
            var materializer = BoltMaterializer()
            var rows: [[Value]] = []
            while rows.count < Self.remoteBatchRows, let record = try result.next() {
                rows.append(try materializer.row(record))
            }
            if rows.isEmpty && !first { break }
            var text: String
            switch mode {
            case .json:
                let objects = rows.map { "  " + ResultRenderer.jsonObject(result.keys, $0, materializer.graph) }.joined(separator: ",\n")
                if first { text = rows.isEmpty ? "[]\n" : "[\n" + objects } else { text = ",\n" + objects }
            case .csv, .tsv:
                text = renderer.render(columns: result.keys, rows: rows, graph: materializer.graph).text
                // The header is the first line (CSV ends it with CRLF, one Character in Swift).
                if !first, let newline = text.unicodeScalars.firstIndex(of: "\n") {
                    text = String(text.unicodeScalars[text.unicodeScalars.index(after: newline)...])
                }
            default:
                text = renderer.render(columns: result.keys, rows: rows, graph: materializer.graph).text
            }
            emit(first ? separated(text, isResult: true) : text)
            total += rows.count
            first = false
            if rows.count < Self.remoteBatchRows { break }
        }
        if mode == .json && total > 0 { emit("\n]\n") }
        return total
    }

    /// A server error as Parley prints errors: the server's code, then its message; when the
    /// message gives a position (Neo4j's `(line L, column C (offset: O))`) and the statement's
    /// origin is known, positioned like a local error, `FILE:L:C: error[CODE]: …`, with the
    /// statement's line and a caret in place of the server's own.
    func reportRemote(_ error: BoltError, origin: StatementOrigin? = nil) {
        switch error {
        case .server(let code, let message):
            if let origin, !reportsErrorsAsJSON, let position = BoltErrorPosition(message: message), position.line <= origin.lines.count {
                var lineText = origin.lines[position.line - 1]
                if position.line == 1 { lineText = String(String.UnicodeScalarView(lineText.unicodeScalars.dropFirst(origin.start.column - 1))) }
                let column = position.scalarColumn(in: lineText)
                let at = SourceLocation(line: position.line, column: column, offset: 0)
                self.error(origin.render(Diagnostic(.error, position.message, at: SourceRange(at: at), code: code), color: errorColor))
            } else {
                self.error("error: \(code): \(message)")
            }
            if Self.isUnknownProcedure(code: code, message: message), let hint = unknownProcedureHint(message: message) { self.error(hint) }
        case .interrupted:
            self.error("Query interrupted (Ctrl-C sent RESET); the session goes on.")
        default:
            self.error("error: \(error.description)")
        }
    }

    /// The summary's `stats` map as Parley's counts, when the server changed anything.
    static func statistics(_ summary: BoltMap?) -> QueryStatistics? {
        guard let stats = summary?["stats"]?.mapValue else { return nil }
        var s = QueryStatistics()
        func count(_ names: String...) -> Int {
            for n in names { if let v = stats[n]?.intValue { return Int(v) } }
            return 0
        }
        s.nodesCreated = count("nodes-created", "nodes_created")
        s.nodesDeleted = count("nodes-deleted", "nodes_deleted")
        s.relationshipsCreated = count("relationships-created", "relationships_created")
        s.relationshipsDeleted = count("relationships-deleted", "relationships_deleted")
        s.propertiesSet = count("properties-set", "properties_set")
        s.propertiesRemoved = count("properties-removed", "properties_removed")
        s.labelsAdded = count("labels-added", "labels_added")
        s.labelsRemoved = count("labels-removed", "labels_removed")
        return s.isEmpty ? nil : s
    }
}
