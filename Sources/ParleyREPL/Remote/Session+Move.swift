import Foundation
import ParleyBolt
import ParleyGraph
import ParleyIO
import ParleyQuery

/// `:push` and `:pull`: the local graph carried to and from a Bolt server (docs/bolt.md,
/// "Moving graphs"). Each opens its own connection, so it works whether or not the session
/// is connected.
extension Session {
    /// `:push URI [--batch N] [--database NAME]`: writes the local graph to the server, keyed
    /// so that pushing it again changes nothing.
    func push(_ args: MetaArguments) -> Bool {
        guard let options = moveOptions(args, "push", takesBatch: true) else { return false }
        guard let uriText = options.uri, options.extra.isEmpty else {
            return usageError(args, "push", "Expected a URI (bolt://HOST:PORT) and options only", word: options.uri == nil ? 0 : options.after)
        }
        let graph = engine.graph
        do {
            try GraphPusher(graph: graph).check()
        } catch {
            self.error("error: cannot push the graph: \(error.description)")
            return false
        }
        guard let (bolt, target) = moveConnection(uriText, database: options.database, args, "push") else { return false }
        defer { bolt.close() }
        do {
            let summary = try Launcher.pushGraph(graph, to: bolt, batch: options.batch, showsProgress: showsProgress)
            say("Pushed to \(target.uri): \(summary.nodes) nodes, \(summary.relationships) relationships (\(summary.nodesCreated) nodes and \(summary.relationshipsCreated) relationships new on the server).")
            return true
        } catch .interrupted {
            self.error("Push interrupted; the batches sent so far stay on the server (push again to finish: it changes nothing twice).")
            return false
        } catch {
            self.error("error: cannot push to \(target.uri): \(error.description)")
            return false
        }
    }

    /// `:pull URI [--database NAME] [QUERY]`: replaces the local graph with the server's, or
    /// with what QUERY returns. Like `:load`, it keeps unsaved changes unless typed `:pull!`.
    func pull(_ args: MetaArguments) -> Bool {
        guard let options = moveOptions(args, "pull", takesBatch: false) else { return false }
        guard let uriText = options.uri else { return usageError(args, "pull", "Expected a URI (bolt://HOST:PORT)") }
        let query = args.rest(after: options.after).text
        if isModified && !args.forced {
            report("The graph has unsaved changes that :pull would discard; :save them first, or use :pull! to discard them", origin: args.commandOrigin ?? args.origin)
            return false
        }
        guard let (bolt, target) = moveConnection(uriText, database: options.database, args, "pull") else { return false }
        defer { bolt.close() }
        let graph: GraphStore
        do {
            graph = try Launcher.pullGraph(from: bolt, query: query.isEmpty ? nil : query, showsProgress: showsProgress)
        } catch .interrupted {
            self.error("Pull interrupted; the local graph is unchanged.")
            return false
        } catch {
            self.error("error: cannot pull from \(target.uri): \(error.description)")
            self.error("The local graph is unchanged.")
            return false
        }
        var newEngine = QueryEngine(graph: graph)
        newEngine.budget = engine.budget
        newEngine.procedures = engine.procedures
        engine = newEngine
        graphPath = nil
        graphFormat = .json
        isModified = false
        say("Pulled \(target.uri): \(SchemaSummary(graph).countsLine()).")
        if timeView != nil {
            refreshTimeView(base: graph)
            say(describeView())
        }
        return true
    }

    /// The words of `:push` and `:pull` with the options (`--batch N` for `:push`, `--database
    /// NAME`) taken out: the URI, the index of the word after it (where `:pull`'s query
    /// starts: options may come before the query, not in it) and any other word. Nil after a
    /// usage error.
    private func moveOptions(_ args: MetaArguments, _ command: String, takesBatch: Bool)
        -> (batch: Int, database: String?, uri: String?, after: Int, extra: [String])?
    {
        let words = args.words
        var batch = 1000
        var database: String?
        var uri: String?
        var after = words.count
        var extra: [String] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            if word.hasPrefix("--") && (takesBatch || uri == nil || after == i) {
                guard i + 1 < words.count else {
                    _ = usageError(args, command, "\(word) needs a value", word: i + 1)
                    return nil
                }
                if word == "--batch" && takesBatch {
                    guard let n = Int(words[i + 1]), n >= 1 else {
                        _ = usageError(args, command, "--batch needs a number of rows, at least 1", word: i + 1)
                        return nil
                    }
                    batch = n
                } else if word == "--database" {
                    database = words[i + 1]
                } else {
                    _ = usageError(args, command, "Unknown option \(word)", word: i)
                    return nil
                }
                i += 2
                if uri != nil { after = i }
                continue
            }
            if uri == nil {
                uri = word
                after = i + 1
            } else {
                if !takesBatch { break }
                extra.append(word)
            }
            i += 1
        }
        return (batch, database, uri, after, extra)
    }

    /// A connection for `:push` or `:pull` to the server `uriText` names, with Ctrl-C wired to
    /// RESET; nil, with the reason printed, when it cannot be made.
    private func moveConnection(_ uriText: String, database: String?, _ args: MetaArguments, _ command: String) -> (BoltSession, RemoteTarget)? {
        let uri: BoltURI
        do { uri = try BoltURI(parsing: uriText) } catch {
            _ = usageError(args, command, error.description)
            return nil
        }
        var password = ProcessInfo.processInfo.environment["PARLEY_PASSWORD"]
        if let user = uri.user, password == nil {
            guard interactive, let typed = Launcher.readPassword("Password for \(user) at \(uri): ") else {
                error("error: user \(user) needs a password: set PARLEY_PASSWORD")
                return nil
            }
            password = typed
        }
        var target = RemoteTarget(uri: uri, credentials: BoltCredentials(user: uri.user, password: password), database: database ?? (remoteTarget?.uri == uri ? remoteTarget?.database : nil))
        target.tls = remoteTarget?.tls ?? target.tls
        let bolt: BoltSession
        do { bolt = try target.connect() } catch {
            self.error("error: \(error.description)")
            return nil
        }
        bolt.shouldInterrupt = catchesInterrupts ? { [cancellation] in
            guard cancellation.isCancelled else { return false }
            cancellation.reset()
            return true
        } : nil
        return (bolt, target)
    }
}
