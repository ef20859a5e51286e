import ParleyIO
/// Tab completion, independent of any terminal: given the text before the cursor and what the
/// session knows, says what may complete the word at the cursor.
///
/// It offers meta-commands (`:lo` → `:load `), file paths after the meta-commands that take
/// one, labels after `(x:`, relationship types after `[r:` or `|`, property keys after `x.`
/// (the keys of `x`'s label first) and inside `{…}`, parameters after `$`, string values of
/// `id`, `name` (or the property being compared) inside quotes, variables bound earlier in the
/// statement, keywords (upper case), function names, procedure names after `CALL` and the
/// columns a procedure yields after `YIELD`.
public struct Completer: Sendable {
    /// What completion draws on.
    public var context: CompletionContext
    /// The directory relative paths are completed in (nil: the process's current directory).
    public var workingDirectory: String?

    /// Creates a completer.
    public init(context: CompletionContext, workingDirectory: String? = nil) {
        self.context = context
        self.workingDirectory = workingDirectory
    }

    /// Meta-commands whose first argument is a file path.
    static let pathCommands: Set<String> = [":load", ":load!", ":save", ":source", ":render", ":output", ":diff"]

    /// Meta-commands whose first argument is one of a few words.
    static let wordArguments: [String: [String]] = [
        ":mode": ["box", "csv", "cypher", "json", "jsonl", "markdown", "table", "tsv", "vertical"],
        ":last": ["box", "csv", "cypher", "json", "jsonl", "markdown", "table", "tsv", "vertical"],
        ":timing": ["off", "on"], ":pager": ["off", "on"], ":set": ["display", "maxMemory", "maxRows", "width"],
        ":export": GraphFormat.allCases.filter(\.canWrite).map(\.rawValue).sorted(), ":asof": ["off"],
    ]

    /// Meta-commands followed by a statement, and the argument where it starts.
    static let statementArguments: [String: Int] = [":explain": 0, ":profile": 0, ":render": 1, ":export": 2, ":timeline": 0]

    /// The completion of `line`, the current line's text before the cursor (earlier lines of the
    /// statement are `context.pendingText`).
    public func complete(_ line: String) -> CompletionResult {
        let pending = context.pendingText
        if pending.allSatisfy(\.isWhitespace) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(":") { return completeMetaCommand(String(trimmed)) }
        }
        let statement = pending.isEmpty ? line : pending + "\n" + line
        return completeStatement(statement)
    }

    // MARK: - Meta-commands

    /// Completes a meta-command line: its name, or a path argument.
    private func completeMetaCommand(_ line: String) -> CompletionResult {
        guard let firstSpace = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let matches = context.metaCommands.filter { $0.hasPrefix(line) }.sorted()
            return CompletionResult(typed: line, candidates: matches, suffixWhenUnique: " ")
        }
        let command = String(line[..<firstSpace])
        let rest = line[firstSpace...].drop { $0 == " " || $0 == "\t" }
        let arguments = rest.split(omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\t" })
        let endsWithSpace = rest.isEmpty || rest.last == " " || rest.last == "\t"
        let index = endsWithSpace ? arguments.count : arguments.count - 1
        let current = endsWithSpace ? "" : String(arguments.last ?? "")

        // `:render timeline FILE [QUERY]`: the file comes one word later.
        let timelineRender = command == ":render" && arguments.first == "timeline" && (index > 0)
        if let start = Self.statementArguments[command].map({ timelineRender ? $0 + 1 : $0 }), index >= start {
            // The statement starts after `start` arguments; complete it as a statement.
            var remainder = Substring(rest)
            for _ in 0..<start {
                remainder = remainder.drop { $0 != " " && $0 != "\t" }.drop { $0 == " " || $0 == "\t" }
            }
            return completeStatement(String(remainder))
        }
        if (Self.pathCommands.contains(command) && index == 0) || ((command == ":export" || timelineRender) && index == 1) {
            var paths = PathCompleter(workingDirectory: workingDirectory).complete(current)
            if command == ":render" && index == 0 && "timeline".hasPrefix(current) && !current.isEmpty {
                paths = CompletionResult(typed: current, candidates: (paths.candidates + ["timeline"]).sorted(), suffixWhenUnique: " ")
            }
            return paths
        }
        if index == 0, let words = Self.wordArguments[command] {
            return CompletionResult(typed: current, candidates: words.filter { $0.hasPrefix(current) }, suffixWhenUnique: " ")
        }
        if index == 0, command == ":help" {
            let names = (context.metaCommands.map { String($0.drop { $0 == ":" }) } + ["procedures"] + context.procedures.map(\.name))
                .filter { $0.hasPrefix(current) }.sorted()
            return CompletionResult(typed: current, candidates: names)
        }
        if index == 0, command == ":param" {
            let names = (context.parameterNames.sorted() + ["clear"]).filter { $0.hasPrefix(current) }
            return CompletionResult(typed: current, candidates: names, suffixWhenUnique: " ")
        }
        return .none
    }

    // MARK: - Statements

    /// Completes the word at the end of `statement`.
    func completeStatement(_ statement: String) -> CompletionResult {
        let scan = StatementScan(statement)
        if scan.inComment { return .none }
        if let open = scan.openString { return completeString(open, scan) }
        let word = scan.word
        let tokens = scan.tokens
        let last = tokens.last
        let beforeLast = tokens.count >= 2 ? tokens[tokens.count - 2] : nil
        let vocabulary = GraphVocabulary(graph: context.graph, server: context.serverSchema)
        let adjacent = !scan.wordSpaceBefore

        // CALL algo.pa, YIELD no
        if let procedure = completeProcedure(word, scan) { return procedure }
        // $name
        if let last, last.isSymbol("$"), adjacent {
            return names(context.parameterNames.sorted(), word, scan, caseSensitive: true)
        }
        // coll.so, date.tru
        if let function = completeNamespacedFunction(word, scan) { return function }
        // x IS :: INT, x IS TYPED STR
        if let type = completeTypeName(word, scan) { return type }
        // x.key
        if let last, last.isSymbol("."), adjacent, let owner = beforeLast, owner.kind == .identifier, !last.spaceBefore {
            return names(propertyKeys(of: owner.text, scan, vocabulary), word, scan, caseSensitive: true)
        }
        // (x:Label, [r:TYPE, [:A|B, n:Label, (n:A&!B, [:(R|S
        if let colon = Self.labelExpressionColon(tokens) {
            let opener = tokens[..<colon].last { !($0.kind == .identifier) }
            let bracket = tokens.last!.isSymbol(":") ? scan.innermostBracket : (opener?.isSymbol("[") == true ? "[" : "(")
            if bracket == "[" {
                return names(vocabulary.types, word, scan, caseSensitive: true)
            }
            if bracket != "{" {
                return names(vocabulary.labels, word, scan, caseSensitive: true)
            }
        }
        if let last, last.isSymbol(":") || last.isSymbol("|") {
            let bracket = scan.innermostBracket
            if bracket == "[" {
                return names(vocabulary.types, word, scan, caseSensitive: true)
            }
            if last.isSymbol(":"), bracket != "{" {
                return names(vocabulary.labels, word, scan, caseSensitive: true)
            }
        }
        // {key: …, key2
        if scan.innermostBracket == "{", let last, last.isSymbol("{") || last.isSymbol(",") {
            return names(mapKeys(scan, vocabulary), word, scan, caseSensitive: true)
        }
        return completeGeneral(word, scan)
    }

    /// Where the tokens end inside a label or type expression after one of its operators
    /// (`:A|`, `:A&`, `:!`, `:(`): walking back over names, operators and parentheses reaches
    /// the expression's `:`. `FOREACH (x IN list |` and `reduce(…, x IN l |` reach `IN` first.
    /// Returns the index of that `:`, or nil.
    static func labelExpressionColon(_ tokens: [ScannedToken]) -> Int? {
        guard let last = tokens.last, ["|", "&", "!", "("].contains(where: { last.isSymbol($0) }) else { return nil }
        for (i, token) in tokens.enumerated().reversed() {
            if token.isSymbol(":") { return i }
            switch token.kind {
            case .symbol where ["|", "&", "!", "%", "(", ")"].contains(token.text): continue
            case .identifier where token.quoted || !CypherVocabulary.reservedWords.contains(token.text.uppercased()): continue
            default: return nil
            }
        }
        return nil
    }

    /// Variables, keywords and functions for `word`.
    private func completeGeneral(_ word: String, _ scan: StatementScan) -> CompletionResult {
        if scan.wordInBackticks { return .none }
        if let first = word.first, first.isNumber { return .none }
        let variables = VariableScope(scan.tokens).variables.filter { $0.hasPrefix(word) && $0 != word }
        guard !word.isEmpty else {
            return CompletionResult(typed: word, candidates: variables)
        }
        let upper = word.uppercased()
        let keywords = CypherVocabulary.keywords.filter { $0.hasPrefix(upper) }
        let lower = word.lowercased()
        let functions = CypherVocabulary.functions.filter { $0.lowercased().hasPrefix(lower) }
        var candidates: [String] = []
        var seen = Set<String>()
        for candidate in variables + keywords + functions where seen.insert(candidate).inserted {
            candidates.append(candidate)
        }
        let suffix: String
        if candidates.count == 1, let only = candidates.first {
            suffix = keywords.contains(only) ? " " : functions.contains(only) ? "(" : ""
        } else {
            suffix = ""
        }
        return CompletionResult(typed: word, candidates: candidates, suffixWhenUnique: suffix)
    }

    /// Completes the contents of a string literal left open at the cursor.
    private func completeString(_ open: (quote: Character, contents: String), _ scan: StatementScan) -> CompletionResult {
        let keys = comparedKey(scan).map { [$0] } ?? ["id", "name"]
        let values = GraphVocabulary(graph: context.graph, server: context.serverSchema).stringValues(keys: keys)
        let prefix = open.contents
        var matches = values.filter { $0.hasPrefix(prefix) }
        if matches.isEmpty {
            let lower = prefix.lowercased()
            matches = values.filter { $0.lowercased().hasPrefix(lower) }
        }
        matches.sort()
        let quote = String(open.quote)
        let escaped = matches.map { Self.escape($0, quote: open.quote) }
        // The literal as typed, from just after the quote (escapes as the user wrote them is
        // not recoverable; re-escaping the decoded contents matches what a plain typist wrote).
        return CompletionResult(typed: Self.escape(prefix, quote: open.quote), candidates: escaped,
                                suffixWhenUnique: quote, displayed: matches)
    }

    /// The property a string at the cursor is compared with or assigned to:
    /// `{key: '…`, `x.key = '…`, `x.key STARTS WITH '…`, `x.key IN ['…`.
    private func comparedKey(_ scan: StatementScan) -> String? {
        var tokens = scan.tokens[...]
        while let last = tokens.last, last.isSymbol("[") || last.isSymbol(",") || last.kind == .string {
            tokens.removeLast()
        }
        guard let last = tokens.last else { return nil }
        if last.isSymbol(":"), scan.innermostBracket == "{", tokens.count >= 2 {
            let key = tokens[tokens.index(before: tokens.endIndex - 1)]
            return key.kind == .identifier ? key.text : nil
        }
        // Drop the operator: = <> < > <= >= =~, STARTS WITH, ENDS WITH, CONTAINS, IN.
        var rest = tokens
        while let token = rest.last, token.kind == .symbol && "=<>~!".contains(token.text) { rest.removeLast() }
        if rest.count == tokens.count {
            guard let token = rest.last, token.kind == .identifier, !token.quoted else { return nil }
            let keyword = token.text.uppercased()
            guard ["WITH", "CONTAINS", "IN"].contains(keyword) else { return nil }
            rest.removeLast()
            if keyword == "WITH", let before = rest.last, before.isKeyword("STARTS") || before.isKeyword("ENDS") {
                rest.removeLast()
            } else if keyword == "WITH" {
                return nil
            }
        }
        guard rest.count >= 3 else { return nil }
        let end = rest.endIndex
        let key = rest[end - 1], dot = rest[end - 2], owner = rest[end - 3]
        guard key.kind == .identifier, dot.isSymbol("."), owner.kind == .identifier else { return nil }
        return key.text
    }

    /// Property keys for `variable.`: those of its label or type when known, else every key.
    private func propertyKeys(of variable: String, _ scan: StatementScan, _ vocabulary: GraphVocabulary) -> [String] {
        let scope = VariableScope(scan.tokens)
        if let labels = scope.nodeLabels[variable], let keys = vocabulary.nodeKeys(labels: labels) { return keys }
        if let type = scope.relationshipTypes[variable], let keys = vocabulary.relationshipKeys(type: type) { return keys }
        return vocabulary.allKeys
    }

    /// Property keys for a key position inside `{…}`: those of the pattern's label or type.
    private func mapKeys(_ scan: StatementScan, _ vocabulary: GraphVocabulary) -> [String] {
        guard let brace = scan.openBrackets.last else { return vocabulary.allKeys }
        var labels: [String] = []
        var index = brace - 1
        while index >= 1, scan.tokens[index].kind == .identifier, scan.tokens[index - 1].isSymbol(":") {
            labels.insert(scan.tokens[index].text, at: 0)
            index -= 2
        }
        let enclosing = scan.openBrackets.dropLast().last.map { scan.tokens[$0].text }
        if !labels.isEmpty, enclosing == "[", let type = labels.first, let keys = vocabulary.relationshipKeys(type: type) {
            return keys
        }
        if !labels.isEmpty, enclosing == "(", let keys = vocabulary.nodeKeys(labels: labels) { return keys }
        return vocabulary.allKeys
    }

    /// A result offering those of `names` that start with `word`, quoting names that need backticks.
    private func names(_ names: [String], _ word: String, _ scan: StatementScan, caseSensitive: Bool) -> CompletionResult {
        var matches = names.filter { $0.hasPrefix(word) }
        if matches.isEmpty {
            let lower = word.lowercased()
            matches = names.filter { $0.lowercased().hasPrefix(lower) }
        }
        if scan.wordInBackticks {
            return CompletionResult(typed: "`" + word, candidates: matches.map { "`" + $0 + "`" }, displayed: matches)
        }
        let written = matches.map { Self.isPlainName($0) ? $0 : "`" + $0.replacingAll("`", with: "``") + "`" }
        return CompletionResult(typed: word, candidates: written, displayed: matches)
    }

    /// Whether `name` can be written without backticks.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.first, StatementScan.isIdentifierStart(first) else { return false }
        return name.allSatisfy(StatementScan.isIdentifierPart)
    }

    /// `text` as it is written inside a string literal quoted with `quote`.
    static func escape(_ text: String, quote: Character) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case quote: out += "\\" + String(quote)
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out
    }
}

extension String {
    /// This string with every `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
