import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

extension Session {
    /// `:load FILE`: replaces the graph only if FILE loads without error, and only if the
    /// current graph has no unsaved changes (`:load! FILE` discards them).
    func load(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard words.count == 1 else { return usageError(args, "load", "Expected one file name", word: min(words.count, 1)) }
        guard let path = filePath(words[0], args, "load", word: 0) else { return false }
        if isModified && !args.forced {
            let origin = args.commandOrigin ?? args.origin
            let name = ":load"
            let range = SourceRange(start: SourceLocation(line: 1, column: 1, offset: 0),
                                    end: SourceLocation(line: 1, column: 1 + name.count, offset: name.utf8.count))
            report("The graph has unsaved changes that :load would discard; :save them first, or use :load! \(words[0]) to discard them",
                   origin: origin, range: range)
            return false
        }
        cancellation.reset()
        defer { cancellation.reset() }
        do {
            // Ctrl-C cannot stop the loader midway: the load finishes and is then discarded.
            let graph = try InterruptHandling.catching(interactive: catchesInterrupts) { () throws(GraphFileError) -> GraphStore in
                try ProgressLine.run("Loading \(path)", enabled: showsProgress) { (progress) throws(GraphFileError) -> GraphStore in
                    try Interchange.load(path: path, progress: progress)
                }
            }
            if catchesInterrupts && cancellation.isCancelled {
                self.error("Load cancelled; the current graph stays loaded.")
                return false
            }
            var newEngine = QueryEngine(graph: graph)
            newEngine.budget = engine.budget
            newEngine.procedures = engine.procedures
            engine = newEngine
            graphPath = path
            graphFormat = GraphFormat.detect(reading: path) ?? .json
            isModified = false
            say("Loaded \(path): \(SchemaSummary(graph).countsLine()).")
            if timeView != nil {
                refreshTimeView(base: graph)
                say(describeView())
            }
            return true
        } catch {
            if catchesInterrupts && cancellation.isCancelled {
                self.error("Load cancelled; the current graph stays loaded.")
                return false
            }
            self.error(Session.renderLoadError(error, color: errorColor))
            self.error("The current graph stays loaded.")
            return false
        }
    }

    /// A load error with the offending line of the file and a caret.
    static func renderLoadError(_ error: GraphFileError, color: Bool) -> String {
        let source = error.diagnostic.range == nil ? nil : (try? String(contentsOfFile: error.path, encoding: .utf8))
        return error.diagnostic.render(source: source, fileName: error.path, color: color)
    }

    /// `:save [FILE]`: writes atomically to FILE or the loaded file.
    func save(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard words.count <= 1 else { return usageError(args, "save", "Expected at most one file name") }
        if let word = words.first, word.isEmpty { return usageError(args, "save", "The file name is empty") }
        guard let path = words.first.map(MetaArguments.expandingTilde) ?? graphPath else {
            report("No file to save to: this graph was not loaded from a file. Use :save FILE.", origin: args.origin)
            return false
        }
        // Without FILE, the loaded file's format; with FILE, the format its name says.
        // (A name without an extension is a Parley JSON file, as it always was.)
        let format = words.isEmpty ? graphFormat
            : ((path as NSString).pathExtension.isEmpty ? .json : GraphFormat.detect(writing: path))
        let notes: ExportNotes
        do {
            notes = try Interchange.save(wholeGraph, to: path, format: format)
        } catch {
            self.error(error.diagnostic.render(source: nil, fileName: error.path, color: errorColor))
            return false
        }
        if let format, format.canRead {
            graphPath = path
            graphFormat = format
            isModified = false
        }
        for note in notes.lines { self.error("note: \(note)") }
        say("Saved \(SchemaSummary(wholeGraph).countsLine()) to \(path)\(timeView == nil ? "" : " (the whole graph, not the as-of view)").")
        return true
    }

    /// `:schema`.
    func schema(_ args: MetaArguments) -> Bool {
        if remoteTarget != nil { return remoteSchema(args) }
        guard args.text.isEmpty else { return usageError(args, "schema", "Expected no arguments") }
        emit(SchemaSummary(engine.graph).report(width: effectiveWidth))
        return true
    }

    /// `:stats`.
    func stats(_ args: MetaArguments) -> Bool {
        guard args.text.isEmpty else { return usageError(args, "stats", "Expected no arguments") }
        if remoteTarget != nil { return remoteStats() }
        let g = engine.graph
        let summary = SchemaSummary(g)
        var text = "graph       \(graphPath ?? "(not from a file)")\(isModified ? " (modified)" : "")\n"
        text += "nodes       \(g.nodeCount)\n"
        text += "rels        \(g.relationshipCount)\n"
        text += "labels      \(summary.labels.count)\n"
        text += "rel types   \(summary.types.count)\n"
        let keyCount = Set(summary.nodeKeys.flatMap { $0.keys.map(\.key) } + summary.relationshipKeys.flatMap { $0.keys.map(\.key) }).count
        text += "prop keys   \(keyCount)\n"
        text += "parameters  \(parameters.count)\n"
        text += "mode        \(mode.rawValue)\(fileOutputPath.map { " → \($0)" } ?? "")\n"
        say(text)
        return true
    }

    /// `:source FILE`.
    func source(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard words.count == 1 else { return usageError(args, "source", "Expected one file name", word: min(words.count, 1)) }
        guard let path = filePath(words[0], args, "source", word: 0) else { return false }
        guard sourceDepth < 16 else {
            report("Too many nested :source commands (is '\(path)' sourcing itself?)", args, word: 0)
            return false
        }
        guard let text = Session.readText(path) else {
            report("Cannot read '\(path)': \(Session.readProblem(path))", args, word: 0)
            return false
        }
        // At the prompt, Ctrl-C stops the whole file, not only its running statement.
        if sourceDepth == 0 && interactive { InterruptHandling.received.reset() }
        sourceDepth += 1
        defer {
            sourceDepth -= 1
            if sourceDepth == 0 && interactive { scriptInterrupted = false }
        }
        let failures = runInput(PlainLineReader(text: text), fileName: path, stopOnError: !continueOnError)
        return failures == 0
    }

    /// `word` with `~` expanded, or nil after a usage error naming `command` when it is
    /// empty (`:save ""`).
    func filePath(_ word: String, _ args: MetaArguments, _ command: String, word index: Int) -> String? {
        guard !word.isEmpty else {
            _ = usageError(args, command, "The file name is empty", word: index)
            return nil
        }
        return MetaArguments.expandingTilde(word)
    }

    /// The UTF-8 text of the file at `path`, read to its end (also a pipe such as `<(...)`);
    /// nil when it cannot be opened or is not UTF-8.
    static func readText(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() ?? Data() else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Why a file cannot be read, in words.
    static func readProblem(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a folder" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "it is not UTF-8 text"
    }

    /// The DOT text of the whole graph, or of what `query` returns; nil (error printed) if
    /// the query fails.
    func dotText(query: String, origin: StatementOrigin) -> String? {
        if remoteTarget != nil { return remoteDOTText(query: query, origin: origin) }
        // The whole graph has no columns to colour or size by: it cannot fail.
        guard !query.isEmpty else { return try? dotText(for: nil) }
        guard let result = run(query: query, origin: origin) else { return nil }
        return dotText(for: result, origin: origin)
    }

    /// Runs `query` for a meta-command (`:export`, `:render`, `:timeline`): Ctrl-C cancels it,
    /// a write marks the graph modified, an error is printed (positioned in `origin`) and
    /// gives nil; the engine leaves the graph unchanged when a query fails.
    func run(query: String, origin: StatementOrigin) -> QueryResult? {
        do throws(QueryError) {
            let result = try InterruptHandling.whileRunning(cancellation, interactive: catchesInterrupts) { () throws(QueryError) -> QueryResult in
                try self.engine.run(query, parameters: self.parameters, cancellation: self.cancellation)
            }
            if !result.statistics.isEmpty { isModified = true }
            return result
        } catch {
            report(error, origin: origin)
            return nil
        }
    }

    /// `:export FORMAT FILE [QUERY]`: the graph, or what QUERY returns, in FORMAT.
    func export(_ args: MetaArguments) -> Bool {
        let words = args.words
        let names = GraphFormat.allCases.filter(\.canWrite).map(\.rawValue).joined(separator: ", ")
        guard let name = words.first else { return usageError(args, "export", "Expected a format (\(names)) and a file name") }
        guard let format = GraphFormat.named(name), format.canWrite else {
            return usageError(args, "export", "Unknown format '\(name)': expected one of \(names)")
        }
        guard words.count >= 2 else { return usageError(args, "export", "Expected a file name after \(name)", word: 1) }
        guard let path = filePath(words[1], args, "export", word: 1) else { return false }
        let (query, origin) = args.rest(after: 2)
        if format == .dot {
            guard let dot = dotText(query: query, origin: origin) else { return false }
            do {
                try DOTExporter.save(dot, to: path)
            } catch {
                report("Cannot write '\(path)': \(error.message)", args, word: 1)
                return false
            }
            say("Wrote \(path).")
            return true
        }
        var graph = engine.graph
        if remoteTarget != nil {
            guard let remoteGraph = remoteExportGraph(query: query) else { return false }
            graph = remoteGraph
        } else if !query.isEmpty {
            guard let subgraph = subgraph(query: query, origin: origin) else { return false }
            graph = Interchange.extract(subgraph, from: engine.graph)
        }
        do {
            let notes = try Interchange.save(graph, to: path, format: format)
            for note in notes.lines { self.error("note: \(note)") }
        } catch {
            report("Cannot write '\(path)': \(error.diagnostic.message)", args, word: 1)
            return false
        }
        say("Wrote \(SchemaSummary(graph).countsLine()) to \(path) (\(format.rawValue)).")
        return true
    }

    /// The nodes, relationships and paths `query` returns; nil (error printed) if it fails.
    func subgraph(query: String, origin: StatementOrigin) -> Subgraph? {
        run(query: query, origin: origin).map { Subgraph(collecting: $0.rows, graph: engine.graph) }
    }

    /// `:render FILE.svg|png|pdf [QUERY]`: DOT through Graphviz.
    func render(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard let word = words.first else { return usageError(args, "render", "Expected a file name") }
        if word == "timeline" {
            guard remoteTarget == nil else {
                report(localOnlyMessage("render timeline"), origin: args.commandOrigin ?? args.origin)
                return false
            }
            return renderTimeline(args)
        }
        guard let file = filePath(word, args, "render", word: 0) else { return false }
        let format = (file as NSString).pathExtension.lowercased()
        guard ["svg", "png", "pdf"].contains(format) else {
            return usageError(args, "render", "The file name must end in .svg, .png or .pdf, not '\(words[0])'")
        }
        let (query, origin) = args.rest(after: 1)
        guard let dot = dotText(query: query, origin: origin) else { return false }
        do {
            for warning in try GraphvizRenderer.render(dot: dot, format: format, to: file) { error(warning) }
        } catch {
            report(error.description, args, word: 0)
            return false
        }
        say("Wrote \(file).")
        return true
    }
}
