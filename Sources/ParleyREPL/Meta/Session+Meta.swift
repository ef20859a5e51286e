import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery

extension Session {
    /// Runs a meta-command line (`:mode csv`); returns whether it succeeded.
    func runMeta(_ line: String, origin: StatementOrigin) -> Bool {
        let scalars = Array(line.unicodeScalars.dropFirst())
        let nameEnd = scalars.firstIndex { $0 == " " || $0 == "\t" } ?? scalars.count
        let name = String(String.UnicodeScalarView(scalars[..<nameEnd]))
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
        return command.run(self, MetaArguments(text: args, origin: origin.shifted(columns: skipped, bytes: bytes, prefix: 0)))
    }

    /// Prints an error about a meta-command, positioned in scripts.
    func report(_ message: String, origin: StatementOrigin) {
        if origin.fileName != nil {
            error(origin.render(Diagnostic(.error, message), color: errorColor))
        } else {
            error("error: " + message)
        }
    }

    /// Prints a usage error for `command`.
    func usageError(_ args: MetaArguments, _ command: String, _ problem: String) -> Bool {
        let usage = MetaCommands.named(command)?.usage ?? ":" + command
        report("\(problem). Usage: \(usage)", origin: args.origin)
        return false
    }

    // MARK: Help

    /// `:help [CMD]`.
    func help(_ args: MetaArguments) -> Bool {
        if let word = args.words.first {
            let name = word.hasPrefix(":") ? String(word.dropFirst()) : word
            guard let command = MetaCommands.named(name) else {
                var message = "Unknown command ':\(name)'."
                if let near = EditDistance.nearest(to: ":" + name, in: MetaCommands.names) { message += " Did you mean \(near)?" }
                report(message, origin: args.origin)
                return false
            }
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
        text += "\n:help COMMAND tells more. Keys: Tab completes, Up/Down and Ctrl-R search history, Ctrl-C cancels, Ctrl-D quits.\n"
        emit(text)
        return true
    }

    // MARK: Settings

    /// `:mode [MODE]`.
    func setMode(_ args: MetaArguments) -> Bool {
        guard let word = args.words.first else {
            say("mode: \(mode.rawValue)")
            return true
        }
        guard args.words.count == 1, let newMode = OutputMode(rawValue: word.lowercased()), newMode != .dot else {
            var problem = "Unknown mode '\(word)'"
            if let near = EditDistance.nearest(to: word, in: OutputMode.interactiveModes.map(\.rawValue)) { problem += " (did you mean \(near)?)" }
            return usageError(args, "mode", problem)
        }
        mode = newMode
        return true
    }

    /// `:output [FILE]`.
    func setOutput(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard words.count <= 1 else { return usageError(args, "output", "Expected at most one file name") }
        if let word = words.first, word.isEmpty { return usageError(args, "output", "The file name is empty") }
        let finished = finishOutput()
        guard let path = words.first.map(MetaArguments.expandingTilde) else { return finished }
        switch FileOutput.create(path: path) {
        case .success(let file):
            fileOutput = file
            fileOutputPath = path
            return finished
        case .failure(let failure):
            report("Cannot write to '\(path)': \(failure.message)", origin: args.origin)
            return false
        }
    }

    /// `:timing` / `:pager`: on, off, or show.
    func toggle(_ args: MetaArguments, name: String, get: () -> Bool, set: (Bool) -> Void) -> Bool {
        switch args.words.first?.lowercased() {
        case nil: say("\(name): \(get() ? "on" : "off")")
        case "on" where args.words.count == 1: set(true)
        case "off" where args.words.count == 1: set(false)
        default: return usageError(args, name, "Expected on or off")
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
        guard words.count == 2 else { return usageError(args, "set", "Expected a setting and a value") }
        switch words[0].lowercased() {
        case "maxrows":
            guard let n = Int(words[1]), n >= 0 else { return usageError(args, "set", "maxRows must be a whole number ≥ 0, not '\(words[1])'") }
            engine.budget.maxRows = n
        case "maxmemory":
            guard let n = QueryBudget.parseBytes(words[1]) else {
                return usageError(args, "set", "maxMemory must be a size such as 512M, 4G or 0, not '\(words[1])'")
            }
            engine.budget.maxMemory = n
        case "display":
            guard let n = Int(words[1]), n >= 0 else { return usageError(args, "set", "display must be a whole number ≥ 0, not '\(words[1])'") }
            displayRows = n
            displayRowsChosen = true
        case "width":
            if words[1].lowercased() == "auto" { width = nil; return true }
            guard let n = Int(words[1]), n >= 0 else { return usageError(args, "set", "width must be a whole number ≥ 0 or auto, not '\(words[1])'") }
            width = n
        default:
            var problem = "Unknown setting '\(words[0])'"
            if let near = EditDistance.nearest(to: words[0], in: ["maxRows", "maxMemory", "display", "width"]) { problem += " (did you mean \(near)?)" }
            return usageError(args, "set", problem)
        }
        return true
    }

    // MARK: Parameters

    /// `:param NAME VALUE` and `:param clear`.
    func setParam(_ args: MetaArguments) -> Bool {
        let words = args.words
        if words.count == 1 && words[0].lowercased() == "clear" {
            parameters = [:]
            return true
        }
        guard words.count >= 2 else { return usageError(args, "param", "Expected a name and a value") }
        var name = words[0]
        if name.hasPrefix("$") { name.removeFirst() }
        if name.hasSuffix(":") { name.removeLast() }
        guard ParameterParsing.isValidName(name) else { return usageError(args, "param", "'\(words[0])' is not a parameter name") }
        var (text, origin) = args.rest(after: 1)
        if text.hasPrefix("=>") {
            let after = String(text.dropFirst(2))
            let trimmed = after.trimmed()
            let skip = 2 + (after.unicodeScalars.count - trimmed.unicodeScalars.count)
            origin = origin.shifted(columns: skip, bytes: skip, prefix: 0)
            text = trimmed
        }
        guard let value = evaluateLiteral(text, origin: origin) else { return false }
        parameters[name] = value
        return true
    }

    /// Evaluates a Cypher literal by running `RETURN <text> AS v`; prints the error and
    /// returns nil if it fails.
    func evaluateLiteral(_ text: String, origin: StatementOrigin) -> Value? {
        switch ParameterParsing.evaluate(text, graph: engine.graph, parameters: parameters) {
        case .success(let value): return value
        case .failure(let failure):
            var o = origin
            o.prefixLength = ParameterParsing.prefix.unicodeScalars.count
            error(o.render(failure.diagnostic, color: errorColor))
            return nil
        }
    }

    /// `:params`.
    func listParams(_ args: MetaArguments) -> Bool {
        guard !parameters.isEmpty else {
            say("No parameters. Set one with :param NAME VALUE.")
            return true
        }
        say(parameters.keys.sorted().map { "$\($0) = \(ValueText.literal(parameters[$0]!, in: engine.graph))" }.joined(separator: "\n"))
        return true
    }

    // MARK: History

    /// `:history`.
    func listHistory(_ args: MetaArguments) -> Bool {
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
    func runPrefixed(_ prefix: String, _ args: MetaArguments) -> Bool {
        guard !args.text.isEmpty else { return usageError(args, prefix.trimmed().lowercased(), "Expected a query") }
        var (text, origin) = args.rest(after: 0)
        origin.prefixLength = prefix.unicodeScalars.count
        text = prefix + text
        return runQuery(text, origin: origin)
    }
}

/// Parameter values from text: `:param`, `--param name=value`.
enum ParameterParsing {
    /// What is put before the literal to evaluate it.
    static let prefix = "RETURN "

    /// Whether `name` can be used as `$name`.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic || first.properties.numericType != nil else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// Evaluates `text` as a Cypher expression with the engine.
    static func evaluate(_ text: String, graph: GraphStore, parameters: [String: Value]) -> Result<Value, QueryError> {
        var engine = QueryEngine(graph: graph)
        do {
            let result = try engine.run(prefix + text + " AS v", parameters: parameters)
            guard result.rows.count == 1, result.rows[0].count == 1 else {
                return .failure(QueryError(.runtime, "ArgumentError", "expected one value, found \(result.rows.count) rows"))
            }
            return .success(result.rows[0][0])
        } catch {
            return .failure(error)
        }
    }
}
