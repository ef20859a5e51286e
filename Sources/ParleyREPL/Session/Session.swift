import Foundation
import ParleyBolt
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

/// One Parley session: the graph and its file, the query engine, parameters and output
/// settings. The REPL and the script runner feed it statements and meta-commands.
public final class Session {
    /// The engine, which owns the current graph.
    public internal(set) var engine: QueryEngine
    /// The file the graph was loaded from (the default for `:save`).
    public internal(set) var graphPath: String?
    /// The format of ``graphPath`` (what `:save` without a file writes).
    public internal(set) var graphFormat: GraphFormat = .json
    /// Values for `$name` parameters.
    public internal(set) var parameters: [String: Value] = [:]
    /// How results are printed.
    public var mode: OutputMode = .table
    /// Whether to show how long each statement took.
    public var timing = false
    /// Whether long output on a terminal goes through `less -FRX`.
    public var pager = false
    /// Show at most this many rows per result (0: all); the rest are counted, not printed.
    public var displayRows = 0
    /// Whether `:set display` chose ``displayRows`` (an interactive session then keeps it).
    var displayRowsChosen = false
    /// The memory budget a new session's queries get: 4 GiB of kept rows.
    public static let defaultMaxMemory = 4 << 30
    /// The widest a table may be (nil: the terminal's width, or 120 off a terminal; 0: no limit).
    public var width: Int?
    /// Whether to use ANSI colours on terminals.
    public var color: Bool
    /// Whether the session is interactive (table footers carry the timing; relative lines).
    public var interactive: Bool
    /// Whether `--quiet` turned progress lines off.
    public var quiet = false
    /// Whether long loads show a progress line (standard error is a terminal, not `--quiet`).
    var showsProgress: Bool { !quiet && standardError.isTerminal }
    /// The text of the last statement run (what `:edit` opens).
    var lastStatement: String?
    /// The last result with columns a statement returned (`:last`).
    var lastResult: QueryResult?
    /// The as-of view, when one is on (`:asof`, `:between`, `--as-of`).
    var timeView: TimeView?
    /// Whether a query changed the graph since it was loaded or saved.
    public internal(set) var isModified = false
    /// Set by `:quit`.
    public internal(set) var quitRequested = false
    /// Whether Ctrl-C cancels the running unit and stops the input even though the session is
    /// not interactive: the script part of `-i` on a terminal, which then goes on to the prompt.
    var interruptible = false
    /// Set when Ctrl-C stopped the input of an ``interruptible`` session.
    var scriptInterrupted = false
    /// Whether Ctrl-C cancels (rather than ends the process): interactive or ``interruptible``.
    var catchesInterrupts: Bool { interactive || interruptible }
    /// Cancels the running query (the SIGINT handler calls it).
    public let cancellation = InterruptHandling.token
    /// Where history comes from (the line editor's).
    public var historyProvider: () -> [String] = { [] }
    /// Options for DOT output (`--induced`).
    public var dotOptions = DOTOptions()
    /// The DOT style (`--style FILE`).
    var dotStyle = DOTStyle.default
    /// Whether scripts (and `:source`) go on after a failing statement.
    public var continueOnError = false
    /// The unfinished statement typed so far (for completion).
    public internal(set) var pendingText = ""
    /// Whether results are only collected, not printed (`--export dot` to standard output).
    var suppressResults = false
    /// When set, every result's nodes and relationships are added here (`--export dot`).
    var collectedSubgraph: Subgraph?
    /// With ``collectedSubgraph``, every result's columns, read per node (`--export dot`).
    var collectedColumns = NodeColumns()
    /// What the session keeps about the Bolt server it runs on (its schema for completion, the
    /// scratch store of the last result for `:last`).
    var remoteCache = RemoteCache()

    let standardOutput: TextOutput
    let standardError: TextOutput
    var fileOutput: FileOutput?
    var fileOutputPath: String?
    var sourceDepth = 0
    /// The Bolt server statements run on instead of the local graph (`parley bolt://…`,
    /// `:connect`); nil after a dropped connection until the next statement reconnects.
    var remote: BoltSession?
    /// Where ``remote`` connects (kept across a drop, so the next statement can reconnect).
    var remoteTarget: RemoteTarget?
    /// Whether a result was printed on the current output since it was opened (or since the
    /// last prompt): the next result is then preceded by the mode's separator.
    var resultPrinted = false

    /// Creates a session over `graph`, loaded from `path` (if any).
    public init(graph: GraphStore, path: String?, output: TextOutput = FileOutput.standardOutput,
                errors: TextOutput = FileOutput.standardError, interactive: Bool = false, color: Bool = false) {
        self.engine = QueryEngine(graph: graph)
        engine.budget.maxMemory = Session.defaultMaxMemory
        self.graphPath = path
        if let path { self.graphFormat = GraphFormat.detect(reading: path) ?? .json }
        self.standardOutput = output
        self.standardError = errors
        self.interactive = interactive
        self.color = color
    }

    /// The current graph.
    public var graph: GraphStore { engine.graph }

    /// Where results go now: the `:output` file or standard output.
    var output: TextOutput { fileOutput ?? standardOutput }

    /// Writes an error or note to standard error.
    /// Ends `:output FILE`: the file appears, complete, in place of the old one (or, when a
    /// write failed, the old file stays and the reason is reported). False if it failed.
    @discardableResult
    public func finishOutput() -> Bool {
        // Whatever comes next (a new file, or the screen) starts without a separator.
        resultPrinted = false
        guard let file = fileOutput else { return true }
        let path = fileOutputPath ?? "the output file"
        fileOutput = nil
        fileOutputPath = nil
        guard let reason = file.finish() else { return true }
        error("\(path): error: cannot write the results: \(reason)")
        return false
    }

    func error(_ text: String) { standardError.write(text.hasSuffix("\n") ? text : text + "\n") }

    /// Writes an informational line to the results output.
    func say(_ text: String) { output.write(text.hasSuffix("\n") ? text : text + "\n") }

    /// Whether errors may be coloured.
    var errorColor: Bool { color && standardError.isTerminal }

    /// Replaces the parameter set (`--param`).
    public func setParameter(_ name: String, _ value: Value) { parameters[name] = value }

    // MARK: Running input

    /// Runs one unit read by the splitter; returns whether it succeeded.
    @discardableResult
    ///
    /// In an interactive session Ctrl-C never ends the process while a unit runs: SIGINT only
    /// sets ``cancellation`` for the whole unit — not just while its query runs, but also while
    /// its result is laid out (so ``emit(_:)`` then prints the note instead of the result).
    public func execute(_ unit: InputUnit, fileName: String?) -> Bool {
        let origin = StatementOrigin(unit: unit, fileName: fileName, relativeLines: interactive && fileName == nil)
        // A Ctrl-C from before this unit must not stop it.
        cancellation.reset()
        let succeeded = InterruptHandling.catching(interactive: catchesInterrupts) { () -> Bool in
            switch unit.kind {
            case .statement: runQuery(unit.text, origin: origin)
            case .meta: runMeta(unit.text, origin: origin)
            }
        }
        return resultsWritten() && succeeded
    }

    /// Reports a failed write of results (a full disk, a closed pipe); false if one failed.
    func resultsWritten() -> Bool {
        guard let file = output as? FileOutput, let reason = file.takeWriteError() else { return true }
        error("\(fileOutputPath ?? "standard output"): error: cannot write the results: \(reason)")
        return false
    }

    /// Runs a Cypher statement and prints its result; returns whether it succeeded.
    @discardableResult
    func runQuery(_ text: String, origin: StatementOrigin, mode: QueryEngine.PlanMode? = nil) -> Bool {
        lastStatement = text
        if remoteTarget != nil { return runRemoteStatement(text, origin: origin, mode: mode) }
        cancellation.reset()
        let clock = ContinuousClock()
        let started = clock.now
        let result: QueryResult
        do throws(QueryError) {
            result = try InterruptHandling.whileRunning(cancellation, interactive: catchesInterrupts) { () throws(QueryError) -> QueryResult in
                try self.engine.run(text, parameters: self.parameters, cancellation: self.cancellation, mode: mode)
            }
        } catch {
            // The engine leaves the graph as it was when a query fails or is cancelled.
            report(error, origin: origin)
            return false
        }
        let elapsed = clock.now - started
        if !result.statistics.isEmpty { isModified = true }
        if !result.columns.isEmpty && result.plan == nil {
            lastResult = QueryResult(columns: result.columns, rows: result.rows)
            remoteCache.lastGraph = nil
        }
        if collectedSubgraph != nil {
            let part = Subgraph(collecting: result.rows, graph: engine.graph)
            collectedSubgraph!.nodes.formUnion(part.nodes)
            collectedSubgraph!.relationships.formUnion(part.relationships)
            collectedColumns.add(columns: result.columns, rows: result.rows)
        }
        if suppressResults {
            if timing { error("-- \(result.rows.count) row\(result.rows.count == 1 ? "" : "s"), " + String(format: "%.3f ms", milliseconds(elapsed))) }
        } else {
            return present(result, elapsed: elapsed, origin: origin)
        }
        return true
    }

    /// Prints a result in the current mode, with its statistics, footer and timing; false
    /// (error printed) when the DOT drawing of it fails.
    @discardableResult
    func present(_ result: QueryResult, elapsed: Duration, origin: StatementOrigin? = nil, graph: GraphStore? = nil) -> Bool {
        let ms = milliseconds(elapsed)
        var text = ""
        let plan = result.plan.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }
        // EXPLAIN: the plan alone (its empty table says nothing).
        let showRows = !result.columns.isEmpty && !(plan != nil && result.rows.isEmpty)
        var notes: [String] = []
        var footer = ""
        if showRows {
            if mode == .dot {
                guard let dot = dotText(for: result, origin: origin, graph: graph) else { return false }
                text += dot
            } else if let format = mode.graphFormat {
                guard let document = graphDocument(for: result, format: format, graph: graph) else { return false }
                text += document
            } else {
                let options = RenderOptions(width: effectiveWidth, color: color && output.isTerminal, maxRows: displayRows)
                let rendered = ResultRenderer(mode: mode, options: options).render(columns: result.columns, rows: result.rows, graph: graph ?? engine.graph)
                text += rendered.text
                let count = result.rows.count
                footer = "\(count) row\(count == 1 ? "" : "s")"
                if rendered.shownRows < count {
                    notes.append("Showing the first \(rendered.shownRows) of \(count) rows; :set display 0 shows all.")
                }
                if rendered.truncatedValues {
                    notes.append("Some values were cut to fit \(effectiveWidth ?? 0) columns; :mode csv, or :width 0, shows them in full.")
                }
            }
        } else if result.statistics.isEmpty && result.plan == nil && mode.isTable {
            footer = "0 rows"
        }
        let stats = ResultSummary.statistics(result.statistics)
        if mode.isTable {
            if let stats { text += stats + "\n" }
            if !footer.isEmpty {
                if timing && interactive { footer += String(format: " (%.2f ms)", ms) }
                text += footer + "\n"
            } else if timing && interactive {
                text += String(format: "(%.2f ms)\n", ms)
            }
            for note in notes { text += note + "\n" }
            if let plan { text += plan }
            emit(separated(text))
        } else {
            // A result without rows (empty in cypher and jsonl) still counts as a result.
            emit(showRows ? separated(text, isResult: true) : text)
            if let plan { error(plan) }
            if let stats { error(stats) }
            for note in notes { error(note) }
        }
        if timing && (!interactive || !mode.isTable) {
            let rows = result.rows.count
            error("-- \(rows) row\(rows == 1 ? "" : "s"), " + String(format: "%.3f ms", ms))
        }
        return true
    }

    /// `text` after the mode's ``OutputMode/resultSeparator`` when a result was printed
    /// before it on the same output, so that a script's results stay apart. Empty text is no
    /// result unless `isResult`.
    func separated(_ text: String, isResult: Bool = false) -> String {
        guard isResult || !text.isEmpty else { return text }
        defer { resultPrinted = true }
        return resultPrinted ? mode.resultSeparator + text : text
    }

    /// A duration in milliseconds.
    func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Writes result text, through the pager when it is taller than the terminal.
    ///
    /// In an interactive session Ctrl-C stops the printing (after the current chunk) with a
    /// note instead of ending the process. A Ctrl-C that came before (while the statement's
    /// result was laid out; ``execute(_:fileName:)`` resets the token when a unit starts) stops
    /// it before the first chunk, so nothing of the result is printed.
    func emit(_ text: String) {
        guard !text.isEmpty else { return }
        defer { cancellation.reset() }
        InterruptHandling.catching(interactive: catchesInterrupts) { () -> Void in
            if catchesInterrupts && cancellation.isCancelled {
                error("Output interrupted (Ctrl-C); the rest of the result was not printed.")
                return
            }
            if pager, fileOutput == nil, standardOutput.isTerminal, let size = Terminal.size(of: 1),
               text.utf8.lazy.filter({ $0 == 10 }).count >= size.rows - 1, Pager.show(text)
            {
                return
            }
            guard catchesInterrupts else { return output.write(text) }
            for chunk in Session.chunks(of: text) {
                if cancellation.isCancelled {
                    error("Output interrupted (Ctrl-C); the rest of the result was not printed.")
                    return
                }
                output.write(String(chunk))
            }
        }
    }

    /// `text` in pieces of about 16 KiB that end at line ends (so an interrupted table stops
    /// at a whole row).
    static func chunks(of text: String, size: Int = 16_384) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        let utf8 = text.utf8
        while start < text.endIndex {
            var end = utf8.index(start, offsetBy: size, limitedBy: text.endIndex) ?? text.endIndex
            if end < text.endIndex, let newline = text[end...].firstIndex(of: "\n") {
                end = text.index(after: newline)
            } else if end < text.endIndex {
                end = text.endIndex
            }
            pieces.append(text[start..<end])
            start = end
        }
        return pieces
    }

    /// The table width in effect.
    var effectiveWidth: Int? {
        if let width { return width > 0 ? width : nil }
        if fileOutput == nil, let size = Terminal.size(of: 1) { return size.columns }
        return 120
    }
}
