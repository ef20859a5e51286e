#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ParleyBolt
import ParleyGraph
import ParleyIO
import ParleyValues

extension Launcher {
    /// `parley bolt://HOST:PORT`: the REPL on the server (its prompt names it), or with `-c`,
    /// `-f` or standard input a script that runs there; results print in the chosen format as
    /// local ones do. Exit status 0, 1 when a statement failed or the server could not be
    /// reached, 2 on bad usage.
    static func runRemote(_ options: LaunchOptions, uriText: String) -> Int32 {
        let err = FileOutput.standardError
        let stdinIsTerminal = Terminal.isTerminal(0)
        let scriptMode = !options.commands.isEmpty || !options.files.isEmpty || !stdinIsTerminal
        let goInteractive = !scriptMode || options.stayInteractive
        if options.exportFormat != nil || options.asOf != nil || options.empty {
            err.write("error: --export, --as-of and --empty work on a local graph, not over Bolt\n")
            return 2
        }
        let (resolved, status) = resolveTarget(uriText, user: options.user, database: options.database)
        guard let target = resolved else { return status }
        let bolt: BoltSession
        do {
            bolt = try target.connect()
        } catch {
            err.write("error: \(error.description)\n")
            return 1
        }
        let session = Session(graph: GraphStore(), path: nil, interactive: false, color: false)
        defer { session.remote?.close() }
        session.remote = bolt
        session.remoteTarget = target
        session.quiet = options.quiet
        session.mode = options.format ?? .table
        session.timing = options.timing
        session.continueOnError = options.continueOnError
        session.displayRows = 0
        session.width = options.width
        // --format dot draws a server result as a local one (--induced: among what it returned).
        session.dotOptions.induced = options.induced
        session.dotOptions.colorBy = options.colorBy.map(DOTColumnChoice.init(naming:))
        session.dotOptions.sizeBy = options.sizeBy.map(DOTColumnChoice.init(naming:))
        if let style = options.styleFile {
            do { session.dotStyle = try DOTStyle.load(path: style) } catch {
                err.write("\(error)\n")
                return 1
            }
        }
        for (name, text) in options.parameters {
            switch ParameterParsing.evaluate(text, graph: session.graph, parameters: session.parameters) {
            case .success(let value): session.setParameter(name, value)
            case .failure(let failure):
                err.write("error: --param \(name): \(failure.diagnostic.message)\n")
                return 2
            }
        }
        // The rc file's settings (:mode, :set, :param, ...) apply on a server too.
        if !options.skipRC || options.initFile != nil { runRCFile(session, initFile: options.initFile) }
        var failures = 0
        if scriptMode {
            failures = runScripts(options, session: session, readStandardInput: !stdinIsTerminal && options.commands.isEmpty && options.files.isEmpty)
        }
        if goInteractive && !session.quitRequested {
            if stdinIsTerminal { session.refreshServerSchema() }  // for completion
            runInteractive(session, options: options, stdinIsTerminal: stdinIsTerminal)
        }
        if session.rollBackAtEnd(afterPrompt: goInteractive) { failures += 1 }
        if !session.finishOutput() { failures += 1 }
        return failures > 0 ? 1 : 0
    }

    /// Reads a password from the terminal without echo; nil when there is none to ask on.
    static func readPassword(_ prompt: String) -> String? {
        guard let raw = getpass(prompt) else { return nil }
        return String(cString: raw)
    }
}
