import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

extension Session {
    /// Runs a meta-command line (`:mode csv`); returns whether it succeeded.
    func runMeta(_ line: String, origin: StatementOrigin) -> Bool {
        let scalars = Array(line.unicodeScalars.dropFirst())
        let nameEnd = scalars.firstIndex { $0 == " " || $0 == "\t" } ?? scalars.count
        var name = String(String.UnicodeScalarView(scalars[..<nameEnd]))
        var forced = false
        if name.hasSuffix("!"), let command = MetaCommands.named(String(name.dropLast())), command.acceptsBang {
            name.removeLast()
            forced = true
        }
        let restScalars = scalars[nameEnd...]
        let leading = restScalars.prefix { $0 == " " || $0 == "\t" }.count
        let args = String(String.UnicodeScalarView(restScalars.dropFirst(leading))).trimmingTrailingWhitespace()
        let skipped = 1 + nameEnd + leading
        let bytes = line.unicodeScalars.prefix(skipped).reduce(0) { $0 + $1.utf8Length }
        guard let command = MetaCommands.named(name) else {
            var message = "Unknown command ':\(name)'."
            if let near = EditDistance.nearest(to: ":" + name, in: MetaCommands.names) { message += " Did you mean \(near)?" }
            else { message += " Type :help for the list." }
            report(message, origin: origin)
            return false
        }
        if remoteTarget != nil && !Session.worksOverBolt(command.name) {
            report(localOnlyMessage(command.name), origin: origin)
            return false
        }
        let arguments = MetaArguments(text: args, origin: origin.shifted(columns: skipped, bytes: bytes),
                                      commandOrigin: origin, forced: forced)
        return command.run(self, arguments)
    }

    /// Prints an error about a meta-command, positioned in scripts: at `range` (in the
    /// coordinates of `origin`), else where `origin` starts.
    func report(_ message: String, origin: StatementOrigin, range: SourceRange? = nil) {
        if origin.fileName != nil {
            error(origin.render(Diagnostic(.error, message, at: range), color: errorColor))
        } else {
            error("error: " + message)
        }
    }

    /// Prints an error about word `index` of a meta-command's arguments (the end of the line
    /// when the word is missing), positioned in scripts.
    func report(_ message: String, _ args: MetaArguments, word index: Int) {
        report(message, origin: args.origin, range: args.range(ofWord: index))
    }

    /// Prints a usage error for `command`, positioned at word `index` of its arguments (the
    /// first word by default; the end of the line when the word is missing).
    func usageError(_ args: MetaArguments, _ command: String, _ problem: String, word index: Int = 0) -> Bool {
        let usage = MetaCommands.named(command)?.usage ?? ":" + command
        report("\(problem). Usage: \(usage)", args, word: index)
        return false
    }

    /// A usage error when there are more than `count` words, at the first extra one.
    func extraWords(_ args: MetaArguments, _ command: String, allowed count: Int, _ problem: String) -> Bool? {
        args.words.count > count ? usageError(args, command, problem, word: count) : nil
    }

    // MARK: Help

    /// `:help [CMD]`.
    func help(_ args: MetaArguments) -> Bool {
        if let word = args.words.first {
            let name = word.hasPrefix(":") ? String(word.dropFirst()) : word
            if name.lowercased() == "cypher" || name.lowercased() == "functions" {
                if let failed = extraWords(args, "help", allowed: 1, "Expected one topic") { return failed }
                emit(name.lowercased() == "cypher" ? CypherHelp.text : CypherHelp.functions())
                return true
            }
            if name == "procedures" || name.contains(".") {
                if let failed = extraWords(args, "help", allowed: 1, "Expected one command or procedure name") { return failed }
                return helpProcedures(name, args)
            }
            guard let command = MetaCommands.named(name) else {
                var message = "Unknown command ':\(name)'."
                if let near = EditDistance.nearest(to: ":" + name, in: MetaCommands.names) { message += " Did you mean \(near)?" }
                report(message, args, word: 0)
                return false
            }
            if let failed = extraWords(args, "help", allowed: 1, "Expected one command name") { return failed }
            var text = command.usage + "\n  " + command.summary + "."
            if !command.aliases.isEmpty { text += " Also " + command.aliases.map { ":" + $0 }.joined(separator: ", ") + "." }
            if !command.details.isEmpty {
                text += "\n" + command.details.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            }
            say(text)
            return true
        }
        let width = MetaCommands.all.map { $0.usage.count }.max() ?? 0
        var text = "Statements end with ';' and may span lines. Commands start with ':' and end at the line's end.\n\n"
        for command in MetaCommands.all {
            text += "  " + command.usage + String(repeating: " ", count: width - command.usage.count + 2) + command.summary + "\n"
        }
        text += "\n:help COMMAND tells more; :help cypher lists the clauses, :help functions the functions, :help procedures what CALL runs (db.*, algo.*). Keys: Tab completes, Up/Down and Ctrl-R search history, Ctrl-C cancels, Ctrl-D quits.\n"
        emit(text)
        return true
    }

    /// `:help procedures` (every procedure, with its summary) or `:help NAME` (one procedure's
    /// signature, columns and summary).
    private func helpProcedures(_ name: String, _ args: MetaArguments) -> Bool {
        let registry = engine.procedures
        if name == "procedures" {
            let signatures = registry.signatures
            let width = signatures.map { $0.name.count }.max() ?? 0
            var text = "Procedures (CALL NAME(...) YIELD ...):\n"
            for signature in signatures {
                let summary = registry.procedure(named: signature.name)?.summary ?? ""
                text += "  " + signature.name + String(repeating: " ", count: width - signature.name.count + 2) + summary + "\n"
            }
            text += "\n:help NAME shows a procedure's arguments and columns; docs/algorithms.md explains algo.*.\n"
            emit(text)
            return true
        }
        guard let procedure = registry.procedure(named: name)
            ?? registry.signatures.first(where: { $0.name.lowercased() == name.lowercased() }).flatMap({ registry.procedure(named: $0.name) }) else {
            var message = "Unknown procedure '\(name)'."
            if let near = EditDistance.nearest(to: name, in: registry.signatures.map(\.name)) { message += " Did you mean \(near)?" }
            report(message + " :help procedures lists them.", args, word: 0)
            return false
        }
        var text = procedure.signature.description
        if !procedure.summary.isEmpty { text += "\n  " + procedure.summary }
        say(text)
        return true
    }

    // MARK: Settings

    /// `:mode [MODE]`.
    func setMode(_ args: MetaArguments) -> Bool {
        guard let word = args.words.first else {
            say("mode: \(mode.rawValue)")
            return true
        }
        if let failed = extraWords(args, "mode", allowed: 1, "Expected one mode") { return failed }
        switch OutputMode.interactive(named: word) {
        case .success(let newMode): mode = newMode
        case .failure(let unknown): return usageError(args, "mode", unknown.message)
        }
        return true
    }

    /// `:output [FILE]`.
    func setOutput(_ args: MetaArguments) -> Bool {
        let words = args.words
        if let failed = extraWords(args, "output", allowed: 1, "Expected at most one file name") { return failed }
        if let word = words.first, word.isEmpty { return usageError(args, "output", "The file name is empty", word: 0) }
        let finished = finishOutput()
        guard let path = words.first.map(MetaArguments.expandingTilde) else { return finished }
        switch FileOutput.create(path: path) {
        case .success(let file):
            fileOutput = file
            fileOutputPath = path
            return finished
        case .failure(let failure):
            report("Cannot write to '\(path)': \(failure.message)", args, word: 0)
            return false
        }
    }

    /// `:timing` / `:pager`: on, off, or show.
    func toggle(_ args: MetaArguments, name: String, get: () -> Bool, set: (Bool) -> Void) -> Bool {
        if let failed = extraWords(args, name, allowed: 1, "Expected on or off") { return failed }
        switch args.words.first?.lowercased() {
        case nil: say("\(name): \(get() ? "on" : "off")")
        case "on": set(true)
        case "off": set(false)
        default: return usageError(args, name, "Expected on or off, not '\(args.words[0])'")
        }
        return true
    }

    /// `:set [maxRows N | maxMemory SIZE | display N | width N|auto]`.
    func set(_ args: MetaArguments) -> Bool {
        let words = args.words
        if words.isEmpty {
            let widthText = width.map { $0 == 0 ? "0 (never cut)" : "\($0)" } ?? "auto"
            let rows = engine.budget.maxRows == 0 ? "0 (no limit)" : "\(engine.budget.maxRows)"
            let memory = engine.budget.maxMemory == 0 ? "0 (no limit)" : QueryBudget.describe(bytes: engine.budget.maxMemory)
            say("maxRows \(rows)\nmaxMemory \(memory)\ndisplay \(displayRows == 0 ? "0 (all)" : "\(displayRows)")\nwidth \(widthText)\nmode \(mode.rawValue)\ntiming \(timing ? "on" : "off")\npager \(pager ? "on" : "off")")
            return true
        }
        guard let setting = SettingValue.allCases.first(where: { $0.rawValue.lowercased() == words[0].lowercased() }) else {
            var problem = "Unknown setting '\(words[0])'"
            if let near = EditDistance.nearest(to: words[0], in: SettingValue.allCases.map(\.rawValue)) { problem += " (did you mean \(near)?)" }
            return usageError(args, "set", problem)
        }
        guard words.count >= 2 else { return usageError(args, "set", "Expected a value after \(words[0])", word: 1) }
        if let failed = extraWords(args, "set", allowed: 2, "Expected one value after \(words[0])") { return failed }
        return apply(setting, words[1], args, word: 1, command: "set")
    }

    /// `:width [N|auto]`.
    func setWidth(_ args: MetaArguments) -> Bool {
        guard let word = args.words.first else {
            say("width: " + (width.map { $0 == 0 ? "0 (never cut)" : "\($0)" } ?? "auto"))
            return true
        }
        if let failed = extraWords(args, "width", allowed: 1, "Expected one width") { return failed }
        return apply(.width, word, args, word: 0, command: "width")
    }

    /// Sets `setting` to `value`, word `index` of `args`; a bad value is reported there.
    func apply(_ setting: SettingValue, _ value: String, _ args: MetaArguments, word index: Int, command: String) -> Bool {
        if setting == .width && value.lowercased() == "auto" {
            width = nil
            return true
        }
        guard let n = setting.parse(value) else {
            return usageError(args, command, setting.problem(value, name: setting.rawValue, orAuto: setting == .width), word: index)
        }
        switch setting {
        case .maxRows: engine.budget.maxRows = n
        case .maxMemory: engine.budget.maxMemory = n
        case .display:
            displayRows = n
            displayRowsChosen = true
        case .width: width = n
        }
        return true
    }

    // MARK: Parameters

    /// `:param NAME VALUE` and `:param clear`. NAME is written as after `$` (`city`,
    /// `` `home town` ``), optionally with `$` before and `:` after; `:param NAME => VALUE` works too.
    func setParam(_ args: MetaArguments) -> Bool {
        let words = args.words
        if words.count == 1 && words[0].lowercased() == "clear" {
            parameters = [:]
            return true
        }
        guard !words.isEmpty else { return usageError(args, "param", "Expected a name and a value") }
        let scalars = Substring(args.text).unicodeScalars
        guard let match = ParameterParsing.name(at: scalars) else {
            return usageError(args, "param", ParameterParsing.notAName(words[0]))
        }
        var end = match.length
        let after = Array(scalars.dropFirst(end))
        if after.first == ":" { end += 1 }
        guard end == scalars.count || [" ", "\t"].contains(scalars[scalars.index(scalars.startIndex, offsetBy: end)]) else {
            return usageError(args, "param", ParameterParsing.notAName(words[0]))
        }
        var (text, origin) = args.rest(fromScalar: end)
        let leading = text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        origin = origin.shifted(columns: leading, bytes: leading)
        text = String(text.unicodeScalars.dropFirst(leading))
        if text.hasPrefix("=>") {
            let after = String(text.dropFirst(2))
            let trimmed = after.trimmed()
            let skip = 2 + (after.unicodeScalars.count - trimmed.unicodeScalars.count)
            origin = origin.shifted(columns: skip, bytes: skip)
            text = trimmed
        }
        guard !text.isEmpty else {
            report("Expected a value after the name. Usage: \(MetaCommands.named("param")!.usage)", origin: origin,
                   range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
            return false
        }
        guard let value = evaluateLiteral(text, origin: origin) else { return false }
        parameters[match.name] = value
        return true
    }

    /// Evaluates a parameter value; prints the error, positioned in `text`, and returns nil
    /// if it fails.
    func evaluateLiteral(_ text: String, origin: StatementOrigin) -> Value? {
        switch ParameterParsing.evaluate(text, graph: engine.graph, parameters: parameters) {
        case .success(let value): return value
        case .failure(let failure):
            error(origin.render(failure.diagnostic, color: errorColor))
            return nil
        }
    }

    /// `:params`.
    func listParams(_ args: MetaArguments) -> Bool {
        guard args.text.isEmpty else { return usageError(args, "params", "Expected no arguments (:param NAME VALUE sets one)") }
        guard !parameters.isEmpty else {
            say("No parameters. Set one with :param NAME VALUE.")
            return true
        }
        say(parameters.keys.sorted().map { "$\($0) = \(parameters[$0]!.cypherExpression(in: engine.graph))" }.joined(separator: "\n"))
        return true
    }

    // MARK: History

    /// `:history`.
    func listHistory(_ args: MetaArguments) -> Bool {
        guard args.text.isEmpty else { return usageError(args, "history", "Expected no arguments") }
        let entries = historyProvider()
        let width = String(entries.count).count
        var text = ""
        for (i, entry) in entries.enumerated() {
            let number = String(i + 1)
            let indent = String(repeating: " ", count: width + 2)
            text += String(repeating: " ", count: width - number.count) + number + "  "
            text += entry.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent) + "\n"
        }
        emit(text)
        return true
    }

    /// `:explain QUERY` / `:profile QUERY`.
    func runPlanned(_ mode: QueryEngine.PlanMode, _ args: MetaArguments) -> Bool {
        guard !args.text.isEmpty else { return usageError(args, mode == .explain ? "explain" : "profile", "Expected a query") }
        let (text, origin) = args.rest(after: 0)
        return runQuery(text, origin: origin, mode: mode)
    }
}
