import ParleyBolt
import ParleyGraph

/// The server's labels, relationship types and property keys: fetched when a session connects,
/// fetched again after a write or on `:schema`, and offered by completion instead of the local
/// graph's names (docs/bolt.md).
extension Session {
    /// The schema procedures asked, with what each fills.
    static let schemaProcedures = ["db.labels", "db.relationshipTypes", "db.propertyKeys"]

    /// Asks the server for its labels, types and keys. A procedure the server lacks (or that
    /// fails) leaves its list empty and is named in ``ServerSchema/missing``; nothing is
    /// printed. Procedures in `skipping` are not asked. Stops at a dropped connection.
    static func fetchSchema(from bolt: BoltSession, skipping: Set<String> = []) -> ServerSchema {
        var lists: [[String]] = [[], [], []]
        var missing: [String] = []
        for (i, procedure) in schemaProcedures.enumerated() {
            if skipping.contains(procedure) || bolt.isBroken {
                missing.append(procedure)
                continue
            }
            do throws(BoltError) {
                let result = try bolt.run("CALL \(procedure)()")
                while let record = try result.next() {
                    if let name = record.lazy.compactMap(\.stringValue).first { lists[i].append(name) }
                }
            } catch {
                lists[i] = []
                missing.append(procedure)
            }
        }
        return ServerSchema(labels: lists[0], types: lists[1], keys: lists[2], missing: missing)
    }

    /// Fetches the server's schema now (when the connection is up) and caches it; the cached
    /// one (possibly nil) when the connection is down or a transaction is open (a failing call
    /// would end it: Bolt's RESET rolls it back). Never reconnects, never prints.
    @discardableResult
    func refreshServerSchema() -> ServerSchema? {
        guard remoteTarget != nil, let bolt = remote, !bolt.isBroken, !bolt.inTransaction else { return remoteCache.schema }
        let schema = Self.fetchSchema(from: bolt, skipping: remoteCache.missingProcedures)
        if bolt.isBroken {
            // The connection dropped while asking: keep what was known.
            return remoteCache.schema
        }
        remoteCache.missingProcedures.formUnion(schema.missing)
        remoteCache.schema = schema
        remoteCache.schemaStale = false
        return schema
    }

    /// The server's schema for completion: the cached one, fetched again first when a write
    /// (or a new connection) made it stale. Nil when the session is on the local graph.
    func serverSchemaForCompletion() -> ServerSchema? {
        guard remoteTarget != nil else { return nil }
        if remoteCache.schemaStale || remoteCache.schema == nil { return refreshServerSchema() ?? ServerSchema() }
        return remoteCache.schema
    }

    /// Forgets the server's schema (a new server): the next completion fetches it.
    func forgetServerSchema() {
        remoteCache.schema = nil
        remoteCache.schemaStale = true
        remoteCache.missingProcedures = []
    }

    /// Marks the cached schema stale when a server result's summary says the query wrote.
    func noteRemoteWrite(_ summary: BoltMap?) {
        if Self.statistics(summary) != nil { remoteCache.schemaStale = true }
    }

    /// What completion draws on now: the local graph's names, or the server's when connected.
    func completionContext() -> CompletionContext {
        CompletionContext(graph: graph, parameterNames: parameters.keys.sorted(), metaCommands: MetaCommands.names,
                          pendingText: pendingText, procedures: engine.procedures.signatures,
                          serverSchema: serverSchemaForCompletion())
    }

    /// `:schema` on a server: its labels, relationship types and property keys, fetched now.
    func remoteSchema(_ args: MetaArguments) -> Bool {
        guard args.text.isEmpty else { return usageError(args, "schema", "Expected no arguments") }
        guard let target = remoteTarget, liveRemote() != nil else { return false }
        let schema = refreshServerSchema() ?? ServerSchema()
        emit(Self.describe(schema, server: target.uri.description))
        return true
    }

    /// The text `:schema` prints for a server's schema.
    static func describe(_ schema: ServerSchema, server: String) -> String {
        let rows: [(String, String, [String], String)] = [
            ("Labels", "db.labels", schema.labels, "no labels"),
            ("Relationship types", "db.relationshipTypes", schema.types, "no relationship types"),
            ("Property keys", "db.propertyKeys", schema.keys, "no property keys"),
        ]
        var text = "Schema of \(server) (the server's names; :pull brings the graph here for counts and patterns):\n"
        let width = rows.map(\.0.count).max() ?? 0
        for (title, procedure, names, none) in rows {
            let value = schema.missing.contains(procedure) ? "(the server has no \(procedure)())" : names.isEmpty ? "(\(none))" : names.joined(separator: ", ")
            text += "  " + title + String(repeating: " ", count: width - title.count + 2) + value + "\n"
        }
        return text
    }

    /// `:stats` on a server: where statements run, the server's name counts, the settings.
    func remoteStats() -> Bool {
        guard let target = remoteTarget else { return false }
        let schema = serverSchemaForCompletion()
        func count(_ names: [String]?, _ procedure: String) -> String {
            guard let schema, !schema.missing.contains(procedure) else { return "? (the server has no \(procedure)())" }
            return "\(names?.count ?? 0)"
        }
        var text = "server      \(target.uri)\(target.database.map { " (database \($0))" } ?? "")\n"
        if let bolt = remote { text += "agent       \(bolt.serverAgent.isEmpty ? "?" : bolt.serverAgent), Bolt \(bolt.version)\n" }
        text += "labels      \(count(schema?.labels, "db.labels"))\n"
        text += "rel types   \(count(schema?.types, "db.relationshipTypes"))\n"
        text += "prop keys   \(count(schema?.keys, "db.propertyKeys"))\n"
        text += "parameters  \(parameters.count)\n"
        text += "mode        \(mode.rawValue)\(fileOutputPath.map { " → \($0)" } ?? "")\n"
        text += "local graph \(graphPath ?? "(not from a file)"): \(SchemaSummary(graph).countsLine()) (used after :disconnect)\n"
        say(text)
        return true
    }
}
