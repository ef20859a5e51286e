#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ParleyBolt
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

/// Starts Parley from parsed command-line options: loads the graph, runs the rc file and the
/// script, then (on a terminal, or with `-i`) the interactive loop. Returns the exit status:
/// 0 success, 1 a statement or the graph failed, 2 bad usage.
public enum Launcher {
    /// Parley's version.
    public static let version = "0.1.0"

    /// Runs Parley; returns the process exit status.
    public static func run(_ options: LaunchOptions) -> Int32 {
        if let target = options.graphPath, BoltURI.looksLikeURI(target) { return runRemote(options, uriText: target) }
        let stdinIsTerminal = Terminal.isTerminal(0)
        let scriptMode = !options.commands.isEmpty || !options.files.isEmpty || !stdinIsTerminal
        let goInteractive = !scriptMode || options.stayInteractive

        // The graph.
        var graph = GraphStore()
        var path: String?
        if !options.empty {
            path = options.graphPath ?? GraphLocator.defaultGraph()
            if let p = path {
                do {
                    graph = try ProgressLine.run("Loading \(p)", enabled: !options.quiet && Terminal.isTerminal(2)) { (progress) throws(GraphFileError) -> GraphStore in
                        try Interchange.load(path: p, progress: progress)
                    }
                } catch {
                    FileOutput.standardError.write(Session.renderLoadError(error, color: Terminal.colorAllowed(on: 2) && !options.noColor) + "\n")
                    return 1
                }
            } else {
                FileOutput.standardError.write("note: no graph given and \(GraphLocator.bundledPath) not found; starting with an empty graph.\n")
            }
        }

        let session = Session(graph: graph, path: path, interactive: false, color: false)
        session.quiet = options.quiet
        session.mode = options.format ?? .table
        session.timing = options.timing
        session.continueOnError = options.continueOnError
        session.engine.budget.maxRows = options.maxRows ?? 0
        if let maxMemory = options.maxMemory { session.engine.budget.maxMemory = maxMemory }
        session.displayRows = scriptMode ? 0 : 1000
        session.width = options.width
        session.dotOptions.induced = options.induced
        session.dotOptions.colorBy = options.colorBy.map(DOTColumnChoice.init(naming:))
        session.dotOptions.sizeBy = options.sizeBy.map(DOTColumnChoice.init(naming:))
        if let asOf = options.asOf, let window = TimeView.window(asOf: asOf) {
            session.startTimeView(window, label: asOf)
        }
        if let format = options.exportFormat {
            guard format.lowercased() == "dot" else {
                FileOutput.standardError.write("error: --export supports only dot, not '\(format)'\n")
                return 2
            }
            session.collectedSubgraph = Subgraph()
            // DOT on standard output: the results are drawn, not printed.
            session.suppressResults = options.exportOutput == nil
        }
        if let style = options.styleFile {
            do {
                session.dotStyle = try DOTStyle.load(path: style)
            } catch {
                FileOutput.standardError.write("\(error)\n")
                return 1
            }
        }
        for (name, text) in options.parameters {
            switch ParameterParsing.evaluate(text, graph: graph, parameters: session.parameters) {
            case .success(let value): session.setParameter(name, value)
            case .failure(let failure):
                // Positioned in the value as typed: `--param x:1:4: error: …`.
                let shown = ParameterParsing.wholeName(name) == name && !name.contains("`") ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let origin = StatementOrigin(fileName: "--param \(shown)", start: SourceLocation(line: 1, column: 1, offset: 0),
                                             lines: lines, relativeLines: true)
                FileOutput.standardError.write(origin.render(failure.diagnostic, color: Terminal.colorAllowed(on: 2) && !options.noColor) + "\n")
                return 2
            }
        }

        // When a prompt follows (-i, or no script) on a terminal, Ctrl-C in the rc file or the
        // script cancels what runs and goes on to the prompt (a plain script ends, status 130).
        session.interruptible = goInteractive && stdinIsTerminal
        InterruptHandling.received.reset()
        var failures = 0
        InterruptHandling.catching(interactive: session.interruptible) {
            if !options.skipRC || options.initFile != nil { runRCFile(session, initFile: options.initFile) }
            if scriptMode && !session.scriptInterrupted {
                failures = runScripts(options, session: session, readStandardInput: !stdinIsTerminal && options.commands.isEmpty && options.files.isEmpty)
            }
        }
        session.interruptible = false
        if session.scriptInterrupted && failures == 0 { failures = 1 }
        session.scriptInterrupted = false
        if scriptMode, let status = finishExport(options, session: session) {
            session.finishOutput()
            return status
        }
        if goInteractive && !session.quitRequested {
            runInteractive(session, options: options, stdinIsTerminal: stdinIsTerminal)
        }
        if session.rollBackAtEnd(afterPrompt: goInteractive) { failures += 1 }
        if !session.finishOutput() { failures += 1 }
        return failures > 0 ? 1 : 0
    }

    /// Runs the start-up file: `--init FILE` when given, else `$XDG_CONFIG_HOME/parley/parleyrc`
    /// (`~/.config/parley/parleyrc` without XDG_CONFIG_HOME), else the older `~/.parleyrc`.
    /// Its errors are shown, positioned, and do not fail the run. On a server, only its
    /// meta-commands that work there run (``Session/runRCOnServer(_:fileName:)``).
    static func runRCFile(_ session: Session, initFile: String? = nil) {
        guard let (path, shown) = initFile.map({ ($0, $0) }) ?? rcFile() else { return }
        guard let text = Session.readText(path) else {
            session.error("error: cannot read '\(shown)': \(Session.readProblem(path))")
            return
        }
        if session.remoteTarget != nil { return session.runRCOnServer(text, fileName: shown) }
        session.runInput(PlainLineReader(text: text), fileName: shown, stopOnError: false)
    }

    /// The rc file that exists (its path, and its name in messages), if any.
    static func rcFile() -> (String, String)? {
        let env = ProcessInfo.processInfo.environment
        let home = env["HOME"] ?? ""
        var candidates: [(String, String)] = []
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty {
            candidates.append((xdg + "/parley/parleyrc", "$XDG_CONFIG_HOME/parley/parleyrc"))
        } else if !home.isEmpty {
            candidates.append((home + "/.config/parley/parleyrc", "~/.config/parley/parleyrc"))
        }
        if !home.isEmpty { candidates.append((home + "/.parleyrc", "~/.parleyrc")) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.0) }
    }

    /// Runs the `-c` statements, the `-f` files, or standard input; returns the failures.
    static func runScripts(_ options: LaunchOptions, session: Session, readStandardInput: Bool) -> Int {
        var failures = 0
        let stop = !options.continueOnError
        for command in options.commands {
            failures += session.runInput(PlainLineReader(text: command), fileName: "<command>", stopOnError: stop)
            if (failures > 0 && stop) || session.quitRequested || session.scriptInterrupted { return failures }
        }
        for file in options.files {
            guard let text = Session.readText(file) else {
                session.error("error: cannot read '\(file)': \(Session.readProblem(file))")
                failures += 1
                if stop { return failures }
                continue
            }
            failures += session.runInput(PlainLineReader(text: text), fileName: file, stopOnError: stop)
            if (failures > 0 && stop) || session.quitRequested || session.scriptInterrupted { return failures }
        }
        if readStandardInput {
            failures += session.runInput(PlainLineReader(fileDescriptor: 0), fileName: "<stdin>", stopOnError: stop)
        }
        return failures
    }

    /// Writes `--export dot` output; returns an exit status if that failed.
    static func finishExport(_ options: LaunchOptions, session: Session) -> Int32? {
        guard let collected = session.collectedSubgraph else { return nil }
        let ranQueries = !options.commands.isEmpty || !options.files.isEmpty
        let dot: String
        do {
            dot = try session.dotText(for: ranQueries ? collected : nil, columns: ranQueries ? session.collectedColumns : nil)
        } catch {
            session.error(error.description)
            return 1
        }
        if let out = options.exportOutput {
            do {
                try DOTExporter.save(dot, to: out)
            } catch {
                session.error("error: Cannot write '\(out)': \(error.message)")
                return 1
            }
        } else {
            FileOutput.standardOutput.write(dot)
            if let reason = FileOutput.standardOutput.takeWriteError() {
                session.error("standard output: error: cannot write the DOT output: \(reason)")
                return 1
            }
        }
        return nil
    }

    /// The interactive loop: banner, prompts, history, Ctrl-C handling.
    static func runInteractive(_ session: Session, options: LaunchOptions, stdinIsTerminal: Bool) {
        session.interactive = true
        session.color = !options.noColor && Terminal.colorAllowed(on: 1)
        session.pager = Terminal.isTerminal(1)
        if !session.displayRowsChosen { session.displayRows = 1000 }
        if session.mode.isGraphDocument { session.mode = .table }
        var editor: LineEditor?
        if stdinIsTerminal {
            let home = ProcessInfo.processInfo.environment["HOME"]
            editor = TerminalSupport.makeEditor(historyPath: home.map { $0 + "/.parley_history" }) { [unowned session] in
                session.completionContext()
            }
        }
        if editor == nil {
            editor = PlainLineReader(fileDescriptor: 0, prompts: stdinIsTerminal)
            if stdinIsTerminal { InterruptHandling.installForSession() }
        }
        guard let editor else { return }
        session.historyProvider = { [unowned editor] in editor.history }
        if stdinIsTerminal { FileOutput.standardOutput.write(banner(session) + "\n") }
        // (Ctrl-D ends its line itself, see Session.runInput.)
        session.runInput(editor, fileName: stdinIsTerminal ? nil : "<stdin>", stopOnError: false)
        if session.isModified {
            session.error("note: the graph had unsaved changes (use :save next time to keep them).")
        }
    }

    /// `parley — graphs/astana-2015.json: 41 nodes (9 State, …), 63 relationships. Type :help, or try: …`
    static func banner(_ session: Session) -> String {
        let summary = SchemaSummary(session.graph)
        let bold = session.color ? "\u{1B}[1m" : "", dim = session.color ? "\u{1B}[2m" : "", reset = session.color ? "\u{1B}[0m" : ""
        if let target = session.remoteTarget {
            let server = session.remote.map { " (\($0.serverAgent.isEmpty ? "Bolt" : $0.serverAgent), Bolt \($0.version))" } ?? ""
            return "\(bold)parley\(reset) — connected to \(target.uri)\(server). \(dim)Type :help; Ctrl-C stops a query on the server; :disconnect goes back to the local graph.\(reset)"
        }
        let name = session.graphPath ?? "empty graph"
        let view = session.timeView.map { " As of \($0.label) (read-only; :asof off ends it)." } ?? ""
        return "\(bold)parley\(reset) — \(name): \(summary.countsLine()).\(view) \(dim)Type :help, or try:\(reset) \(summary.exampleQuery)"
    }

    /// `parley check GRAPH.json`: validates the file and prints its counts; 0 if valid, 1 if not.
    ///
    /// Validating is loading: the load is the one a session does, and everything a file can
    /// get wrong is found there. `deep` also audits the loaded graph's indexes and adjacency
    /// lists against its data (``GraphStore/checkConsistency()``), which can only find a
    /// fault of Parley's, not of the file. The process ends right after: a valid graph is left
    /// allocated (``ProcessLifetime``) rather than freed value by value.
    public static func check(path: String, deep: Bool = false, noColor: Bool = false) -> Int32 {
        let graph: GraphStore
        do {
            graph = try Interchange.load(path: path)
        } catch {
            FileOutput.standardError.write(Session.renderLoadError(error, color: !noColor && Terminal.colorAllowed(on: 2)) + "\n")
            return 1
        }
        if deep, let problem = graph.checkConsistency() {
            FileOutput.standardError.write("\(path): error: the loaded graph is inconsistent: \(problem)\n")
            return 1
        }
        let summary = SchemaSummary(countsOf: graph)
        var text = "\(path): ok — \(summary.countsLine(maxLabels: 0))\n"
        let rows = summary.labels.map { (":" + $0.name, $0.count) } + summary.types.map { ("[:\($0.name)]", $0.count) }
        let width = rows.map { $0.0.displayWidth }.max() ?? 0
        for (name, count) in rows {
            text += "  " + name + String(repeating: " ", count: width - name.displayWidth + 2) + "\(count)\n"
        }
        FileOutput.standardOutput.write(text)
        ProcessLifetime.keep(graph)
        return 0
    }
}
