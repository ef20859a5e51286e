import Foundation
import ParleyBolt

/// `:connect` and `:disconnect`, and getting the connection back after a drop.
extension Session {
    /// `:connect URI [USER]`: statements run on that Bolt server from now on.
    func connect(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard (1...2).contains(words.count) else { return usageError(args, "connect", "Expected a URI (bolt://HOST:PORT) and optionally a user", word: 2) }
        let uri: BoltURI
        do { uri = try BoltURI(parsing: words[0]) } catch {
            return usageError(args, "connect", error.description)
        }
        let user = words.count == 2 ? words[1] : uri.user
        var password = ProcessInfo.processInfo.environment["PARLEY_PASSWORD"]
        if user != nil && password == nil {
            guard interactive, let typed = Launcher.readPassword("Password for \(user!) at \(uri): ") else {
                error("error: user \(user!) needs a password: set PARLEY_PASSWORD")
                return false
            }
            password = typed
        }
        return open(RemoteTarget(uri: uri, credentials: BoltCredentials(user: user, password: password), database: nil))
    }

    /// `:disconnect`: back to the local graph.
    func disconnect(_ args: MetaArguments) -> Bool {
        guard args.words.isEmpty else { return usageError(args, "disconnect", "Expected no arguments", word: 0) }
        guard let target = remoteTarget else {
            say("Not connected to a server.")
            return true
        }
        rollBackBeforeLeaving(":disconnect")
        remote?.close()
        remote = nil
        remoteTarget = nil
        forgetServerSchema()
        say("Disconnected from \(target.uri); statements run on the local graph again.")
        return true
    }

    /// Connects to `target` (closing any earlier connection) and says where; false, with the
    /// reason printed, when the server cannot be reached.
    @discardableResult
    func open(_ target: RemoteTarget) -> Bool {
        let session: BoltSession
        do { session = try target.connect() } catch {
            self.error("error: \(error.description)")
            return false
        }
        rollBackBeforeLeaving(":connect")
        remote?.close()
        remote = session
        remoteTarget = target
        forgetServerSchema()
        if interactive { refreshServerSchema() }
        if interactive { say("Connected to \(target.uri) (\(session.serverAgent.isEmpty ? "Bolt" : session.serverAgent), Bolt \(session.version)).") }
        return true
    }

    /// The open connection, connecting again after a drop; nil (error printed) when that fails.
    func liveRemote() -> BoltSession? {
        if let remote, !remote.isBroken { return remote }
        guard let target = remoteTarget else { return nil }
        remote?.close()
        remote = nil
        do {
            let session = try target.connect()
            remote = session
            remoteCache.schemaStale = true
            if interactive { error("note: connected again to \(target.uri).") }
            return session
        } catch {
            self.error("error: \(error.description)")
            return nil
        }
    }

    /// Whether a line names a password (`:connect bolt://user:secret@host`, which `:connect`
    /// refuses): such a line is kept out of the history.
    static func holdsPassword(_ unit: InputUnit) -> Bool {
        guard unit.kind == .meta, unit.text.hasPrefix(":connect") else { return false }
        return unit.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains { word in
            guard let scheme = word.range(of: "://"), let at = word.lastIndex(of: "@"), scheme.upperBound < at else { return false }
            return word[scheme.upperBound..<at].contains(":")
        }
    }
}
