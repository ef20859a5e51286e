import Foundation
import ParleyBolt
import ParleyGraph
import ParleyIO

/// `parley push FILE URI` and `parley pull URI FILE`: graphs carried between a file and a Bolt
/// server (docs/bolt.md, "Moving graphs").
extension Launcher {
    /// Loads FILE and writes it to the server in batches of `batch` rows, keyed so that a second
    /// push changes nothing. Exit status 0, 1 when the file cannot be read, the graph cannot be
    /// pushed whole or the server fails, 2 on bad usage.
    public static func push(file: String, uriText: String, batch: Int, user: String?, database: String?, trustCA: String? = nil, quiet: Bool = false, noColor: Bool = false) -> Int32 {
        let err = FileOutput.standardError
        let showsProgress = !quiet && Terminal.isTerminal(2)
        let graph: GraphStore
        do {
            graph = try ProgressLine.run("Loading \(file)", enabled: showsProgress) { (progress) throws(GraphFileError) -> GraphStore in
                try Interchange.load(path: file, progress: progress)
            }
        } catch {
            err.write(Session.renderLoadError(error, color: Terminal.colorAllowed(on: 2) && !noColor) + "\n")
            return 1
        }
        do {
            try GraphPusher(graph: graph).check()
        } catch {
            err.write("error: cannot push \(file): \(error.description)\n")
            return 1
        }
        let (target, status) = resolveTarget(uriText, user: user, database: database, trustCA: trustCA)
        guard let target else { return status }
        do {
            let bolt = try target.connect()
            defer { bolt.close() }
            let summary = try pushGraph(graph, to: bolt, batch: batch, showsProgress: showsProgress)
            FileOutput.standardOutput.write("Pushed \(file) to \(target.uri): \(summary.nodes) nodes, \(summary.relationships) relationships (\(summary.nodesCreated) nodes and \(summary.relationshipsCreated) relationships new on the server).\n")
            return 0
        } catch {
            err.write("error: cannot push \(file) to \(target.uri): \(error.description)\n")
            return 1
        }
    }

    /// Reads the server's graph, or what `query` returns, and writes it to FILE (its format
    /// from the name, as `parley convert` does). Exit status 0, 1 when the server or the file
    /// fails, 2 on bad usage.
    public static func pull(uriText: String, file: String, query: String?, user: String?, database: String?, trustCA: String? = nil, quiet: Bool = false, noColor: Bool = false) -> Int32 {
        let err = FileOutput.standardError
        guard GraphFormat.detect(writing: file) != nil else {
            err.write("error: cannot tell the format of '\(file)' from its name: use .json, .graphml, .gexf, .jgf, or a folder for CSV\n")
            return 2
        }
        let (target, status) = resolveTarget(uriText, user: user, database: database, trustCA: trustCA)
        guard let target else { return status }
        let graph: GraphStore
        do {
            let bolt = try target.connect()
            defer { bolt.close() }
            graph = try pullGraph(from: bolt, query: query, showsProgress: !quiet && Terminal.isTerminal(2))
        } catch {
            err.write("error: cannot pull from \(target.uri): \(error.description)\n")
            return 1
        }
        do {
            let notes = try Interchange.save(graph, to: file)
            for note in notes.lines { err.write("note: \(note)\n") }
        } catch {
            err.write(error.diagnostic.render(source: nil, fileName: error.path, color: !noColor && Terminal.colorAllowed(on: 2)) + "\n")
            return 1
        }
        FileOutput.standardOutput.write("Pulled \(target.uri) into \(file): \(SchemaSummary(graph).countsLine()).\n")
        return 0
    }

    /// Pushes with a progress line on a terminal.
    static func pushGraph(_ graph: GraphStore, to bolt: BoltSession, batch: Int, showsProgress: Bool) throws(BoltError) -> GraphPusher.Summary {
        let pusher = GraphPusher(graph: graph, batchSize: batch)
        return try ProgressLine.run("Pushing to \(bolt.uri)", unit: .elements, enabled: showsProgress) { (factory) throws(BoltError) -> GraphPusher.Summary in
            let progress = factory?(pusher.elementCount)
            return try pusher.push(to: bolt) { progress?.update($0) }
        }
    }

    /// Pulls with a progress line (records read) on a terminal.
    static func pullGraph(from bolt: BoltSession, query: String?, showsProgress: Bool) throws(BoltError) -> GraphStore {
        try ProgressLine.run("Pulling from \(bolt.uri)", unit: .elements, enabled: showsProgress) { (factory) throws(BoltError) -> GraphStore in
            let progress = factory?(0)
            return try GraphPuller.pull(from: bolt, query: query) { progress?.update($0) }
        }
    }

    /// The server `uriText` names, logged in as `user` (or the URI's user) with the password
    /// from PARLEY_PASSWORD or asked for on the terminal. Nil, with the message printed and the
    /// exit status to return, when the URI or the password is missing or wrong. `trustCA` is a
    /// PEM file of certificate authorities TLS trusts as well (`--trust-ca`).
    static func resolveTarget(_ uriText: String, user: String?, database: String?, trustCA: String? = nil) -> (RemoteTarget?, Int32) {
        let uri: BoltURI
        do { uri = try BoltURI(parsing: uriText) } catch {
            FileOutput.standardError.write("error: \(error.description)\n")
            return (nil, 2)
        }
        let user = user ?? uri.user
        var password = ProcessInfo.processInfo.environment["PARLEY_PASSWORD"]
        if let user, password == nil {
            guard Terminal.isTerminal(0) || Terminal.isTerminal(2), let typed = readPassword("Password for \(user) at \(uri): ") else {
                FileOutput.standardError.write("error: --user \(user) needs a password: set PARLEY_PASSWORD (it is never taken on the command line)\n")
                return (nil, 2)
            }
            password = typed
        }
        var target = RemoteTarget(uri: uri, credentials: BoltCredentials(user: user, password: password), database: database)
        target.tls = BoltTLSOptions(trustedCAFile: trustCA)
        return (target, 0)
    }
}
