import ParleyValues

/// The rc file when Parley starts on a Bolt server (docs/bolt.md).
extension Session {
    /// Runs the meta-commands of the rc file `text` that work over Bolt (`:mode`, `:set`,
    /// `:param`, `:timing`, ...), with the same rules as on a local graph: errors are shown,
    /// positioned in the file, and do not stop it. Its Cypher statements and its commands for
    /// the local graph (`:load`, `:schema`, ...) are not run, since they were written for
    /// local graphs and would change the server's; one note counts them.
    func runRCOnServer(_ text: String, fileName: String) {
        var splitter = StatementSplitter()
        var units: [InputUnit] = []
        var lines = Diagnostic.lines(of: text)
        if lines.last == "" { lines.removeLast() }
        for line in lines { units += splitter.feed(line) }
        if let last = splitter.finish() { units.append(last) }
        var skipped = 0
        for unit in units {
            if quitRequested { break }
            // An unknown command runs, to be reported as anywhere else.
            let name = unit.kind == .meta ? Self.commandName(unit.text) : nil
            guard unit.kind == .meta, name.map(Self.remoteMetaCommands.contains) ?? true else {
                skipped += 1
                continue
            }
            execute(unit, fileName: fileName)
        }
        if skipped > 0 {
            error("note: \(fileName): \(skipped) line\(skipped == 1 ? "" : "s") not run on the server (Cypher statements and commands for the local graph); its other commands ran.")
        }
    }

    /// The command a meta-command line names, by its full name (`:exit` → `quit`), nil when
    /// there is none such.
    static func commandName(_ line: String) -> String? {
        var word = String(line.dropFirst().prefix { $0 != " " && $0 != "\t" })
        if word.hasSuffix("!") { word.removeLast() }
        return MetaCommands.named(word)?.name
    }
}
