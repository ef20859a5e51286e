/// What each meta-command does on a Bolt server: those in ``Session/remoteMetaCommands`` and
/// ``Session/remoteGraphCommands`` work there; the others work on the local graph only and say
/// so, pointing at `:pull` (docs/bolt.md).
extension Session {
    /// Meta-commands with a server form of their own: `:schema` (the server's names), `:stats`,
    /// `:export` and `:render` (a server query's graph), `:last` and `:edit`.
    static let remoteGraphCommands: Set<String> = ["schema", "stats", "export", "render", "last", "edit"]

    /// Whether `command` (without `:`) runs while the session is on a server.
    static func worksOverBolt(_ command: String) -> Bool {
        remoteMetaCommands.contains(command) || remoteGraphCommands.contains(command)
    }

    /// Why `command` does not run on the server, and what to do instead.
    func localOnlyMessage(_ command: String) -> String {
        let server = remoteTarget?.uri.description ?? "bolt://HOST:PORT"
        let pull = ":pull \(server) brings the server's graph here and :disconnect then runs statements on it"
        switch command {
        case "asof", "between", "timeline", "diff", "render timeline":
            return ":\(command) works on the local graph; \(pull)."
        case "load":
            return ":load replaces the local graph, but statements run on \(server); :disconnect first."
        case "save":
            return ":save writes the local graph, but statements run on \(server); :export json FILE QUERY writes what a server query returns, and :pull \(server) brings the server's whole graph here."
        default:
            return ":\(command) is not available over Bolt yet; it works on the local graph (\(pull))."
        }
    }

    /// Whether a server error says the procedure a query calls does not exist there.
    static func isUnknownProcedure(code: String, message: String) -> Bool {
        if code.contains("ProcedureNotFound") { return true }
        let text = message.lowercased()
        guard text.contains("procedure") else { return false }
        return ["not registered", "no procedure", "not found", "unknown", "does not exist"].contains { text.contains($0) }
    }

    /// The hint after a server's "no such procedure" error when the procedure is one of
    /// Parley's own (`algo.louvain`): it runs on a local graph, which `:pull` fills. Nil for
    /// a procedure Parley does not have either.
    func unknownProcedureHint(message: String) -> String? {
        let server = remoteTarget?.uri.description ?? "bolt://HOST:PORT"
        // The procedure named in the message, spelt as Parley spells it (algo.pageRank).
        let local = Dictionary(engine.procedures.signatures.map { ($0.name.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
        let words = message.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") })
        guard let name = words.lazy.compactMap({ local[String($0).lowercased()] }).first else { return nil }
        return "hint: \(name) is one of Parley's own procedures and runs on the local graph: :pull \(server) brings the server's graph here, then :disconnect runs statements on it."
    }
}
