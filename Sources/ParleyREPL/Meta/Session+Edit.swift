import Foundation

/// `:edit`: the last statement in `$VISUAL` or `$EDITOR`, then what was saved runs.
extension Session {
    /// Writes the last statement run (or nothing) to a temporary `.cypher` file, opens the editor
    /// on it and, when the editor exits with status 0, runs the statements and commands the
    /// file then holds, as `:source` would. The file is removed afterwards.
    func edit(_ args: MetaArguments) -> Bool {
        guard args.text.isEmpty else { return usageError(args, "edit", "Expected no arguments") }
        let env = ProcessInfo.processInfo.environment
        guard let editor = [env["VISUAL"], env["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            report("No editor: set VISUAL or EDITOR (e.g. export EDITOR=nano)", origin: args.origin)
            return false
        }
        let last = lastStatement.map { $0.hasSuffix(";") ? $0 : $0 + ";" } ?? ""
        let path = NSTemporaryDirectory() + "parley-edit-\(getpid())-\(UUID().uuidString.prefix(8)).cypher"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try (last.isEmpty || last.hasSuffix("\n") ? last : last + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            report("Cannot write a temporary file for the editor: \(error.localizedDescription)", origin: args.origin)
            return false
        }
        // Through the shell, so that EDITOR may carry arguments (`code -w`, `vim -u NONE`).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "sh", path]
        do {
            try process.run()
        } catch {
            report("Cannot start the editor '\(editor)': \(error.localizedDescription)", origin: args.origin)
            return false
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            report("The editor '\(editor)' exited with status \(process.terminationStatus); nothing was run", origin: args.origin)
            return false
        }
        guard let text = Session.readText(path), !text.allSatisfy(\.isWhitespace) else {
            say("The file was left empty; nothing was run.")
            return true
        }
        let failures = runInput(PlainLineReader(text: text), fileName: interactive ? nil : "<edit>", stopOnError: !continueOnError)
        return failures == 0
    }
}
