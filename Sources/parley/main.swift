import ArgumentParser
import ParleyBolt
import ParleyREPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `parley [GRAPH] [options]`: the REPL, or script mode with -c/-f or piped input.
struct Parley: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Explore who-talks-to-whom graphs with openCypher.",
        discussion: """
        Without -c or -f and on a terminal, opens the interactive prompt. With -c or -f, or with \
        statements piped to standard input, runs them as a script: no prompts, exit status 1 if a \
        statement fails, 2 on bad usage. Without GRAPH, opens $PARLEY_GRAPH or the bundled \
        graphs/astana-2015.json.

        `parley check GRAPH.json` validates a graph file and prints its counts
        (`parley check --help`); `parley convert IN OUT` converts between graph formats
        (`parley convert --help`); `parley diff OLD.json NEW.json` shows what changed between two \
        graph files (`parley diff --help`); `parley push FILE bolt://HOST:PORT` and `parley pull \
        bolt://HOST:PORT FILE` carry a graph to and from a Bolt server (docs/bolt.md). See docs/repl.md.

        Examples:
          parley                                  the REPL on the bundled graph
          parley g.json -c 'MATCH (s:State) RETURN s.name' --format csv
          parley g.json -f questions.cypher --continue-on-error
          parley g.json --as-of 2015-04-30 -c ':schema'
          parley g.json --export dot -o g.dot     (then: dot -Tsvg g.dot -o g.svg)
          parley convert g.json g.graphml
          PARLEY_PASSWORD=... parley bolt://db:7687 --user me -c 'RETURN 1'
        """,
        version: "parley \(Launcher.version) (\(gitRevision))"
    )

    @Argument(help: "The graph file (Parley JSON, GraphML, GEXF, node-link, JGF, or a CSV folder; docs/interchange.md), or a Bolt server, bolt://HOST:PORT (docs/bolt.md).")
    var graph: String?

    @Flag(name: .long, help: "Start with an empty graph instead of loading one.")
    var empty = false

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these statements (repeatable).", valueName: "statements"))
    var command: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in this file (repeatable).", valueName: "file"))
    var file: [String] = []

    @Option(help: "Output format: table, box, vertical, csv, tsv, json, jsonl, markdown, cypher; or the result subgraph as dot, node-link, jgf, mermaid or graphml.")
    var format: String?

    @Option(help: ArgumentHelp("Set $name to a Cypher literal (repeatable).", valueName: "name=value"))
    var param: [String] = []

    @Flag(help: "After each statement, print '-- N rows, T ms' on standard error.")
    var timing = false

    @Flag(help: "Keep running after a statement fails (the exit status is still 1).")
    var continueOnError = false

    @Flag(name: .customShort("i"), help: "Run the script, then stay interactive.")
    var interactive = false

    @Flag(help: "Do not run the rc file ($XDG_CONFIG_HOME/parley/parleyrc, ~/.config/parley/parleyrc or ~/.parleyrc).")
    var noRc = false

    @Option(name: .customLong("init"), help: ArgumentHelp("Run FILE at start instead of the rc file.", valueName: "file"))
    var initFile: String?

    // Numbers are taken as text (and whatever follows, even `-5`), so a bad value gets a
    // message naming the option, the value and what is accepted.
    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a query when any of its steps produces more than N rows (0: no limit, the default).", valueName: "N"))
    var maxRows: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a query holding more than SIZE in rows, e.g. 512M or 8G (0: no limit; default 4G).", valueName: "SIZE"))
    var maxMemory: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Cut tables to N columns (0: never cut).", valueName: "N"))
    var width: String?

    @Flag(help: "No colours (also NO_COLOR=1).")
    var noColor = false

    @Flag(help: "No progress line on standard error for long loads.")
    var quiet = false

    @Option(help: ArgumentHelp("Export the result subgraph (or the whole graph without -c/-f) in this format: dot.", valueName: "format"))
    var export: String?

    @Option(name: .customShort("o"), help: ArgumentHelp("Where --export writes (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "With --export: also draw every relationship between drawn nodes.")
    var induced = false

    @Option(help: ArgumentHelp("With --export: a DOT style file.", valueName: "file"))
    var style: String?

    @Option(help: ArgumentHelp("With --export or --format dot: the result column whose values colour nodes (none: no column; default: communityId, componentId, community or component).", valueName: "column"))
    var colorBy: String?

    @Option(help: ArgumentHelp("With --export or --format dot: the result column whose values size nodes (none: no column; default: score, degree, pageRank, ...).", valueName: "column"))
    var sizeBy: String?

    @Option(help: ArgumentHelp("With bolt://: log in as NAME; the password comes from $PARLEY_PASSWORD or is asked for on a terminal.", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("With bolt://: run the queries in this database (default: the server's).", valueName: "name"))
    var database: String?

    @Option(name: .customLong("trust-ca"), help: ArgumentHelp("With bolt+s:// or neo4j+s://: also trust the certificate authorities in this PEM file (a private CA, or the server's own certificate).", valueName: "file"))
    var trustCA: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("See the graph as it holds on DATE (YYYY-MM-DD, YYYY-MM or YYYY; docs/time.md).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, let problem = LaunchOptions.asOfProblem(asOf) { throw ValidationError(problem) }
        if let initFile, access(initFile, R_OK) != 0 { throw ValidationError("--init: cannot read '\(initFile)'.") }
        if let format, OutputMode(rawValue: format.lowercased()) == nil {
            throw ValidationError("Unknown format '\(format)'. Use one of: \(OutputMode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        for p in param {
            if case .failure(let problem) = ParameterParsing.assignment(p) { throw ValidationError(problem.message + ".") }
        }
        if let export, export.lowercased() != "dot" { throw ValidationError("--export supports only dot, not '\(export)'.") }
        if output != nil && export == nil { throw ValidationError("-o needs --export dot.") }
        if (induced || style != nil || colorBy != nil || sizeBy != nil) && export == nil && format?.lowercased() != "dot" {
            throw ValidationError("--induced, --style, --color-by and --size-by need --export dot or --format dot.")
        }
        if colorBy?.isEmpty == true || sizeBy?.isEmpty == true {
            throw ValidationError("--color-by and --size-by need a column name (or none).")
        }
        for (setting, value) in [(SettingValue.maxRows, maxRows), (.maxMemory, maxMemory), (.width, width)] {
            if let value, setting.parse(value) == nil { throw ValidationError(setting.problem(value, name: setting.option!) + ".") }
        }
        if empty && graph != nil { throw ValidationError("--empty and a graph file cannot be used together.") }
        if (user != nil || database != nil || trustCA != nil) && !(graph.map(BoltURI.looksLikeURI) ?? false) {
            throw ValidationError("--user, --database and --trust-ca need a Bolt server (bolt://HOST:PORT) instead of a graph file.")
        }
    }

    func run() throws {
        var options = LaunchOptions()
        options.graphPath = graph
        options.empty = empty
        options.commands = command
        options.files = file
        options.format = format.flatMap { OutputMode(rawValue: $0.lowercased()) }
        options.parameters = param.compactMap { try? ParameterParsing.assignment($0).get() }
        options.timing = timing
        options.continueOnError = continueOnError
        options.stayInteractive = interactive
        options.skipRC = noRc
        options.maxRows = maxRows.flatMap(SettingValue.maxRows.parse)
        options.maxMemory = maxMemory.flatMap(SettingValue.maxMemory.parse)
        options.width = width.flatMap(SettingValue.width.parse)
        options.noColor = noColor
        options.exportFormat = export
        options.exportOutput = output
        options.induced = induced
        options.styleFile = style
        options.colorBy = colorBy
        options.sizeBy = sizeBy
        options.asOf = asOf
        options.initFile = initFile
        options.quiet = quiet
        options.user = user
        options.database = database
        options.trustCA = trustCA
        let status = Launcher.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `parley check GRAPH.json`: validate a graph file and print its counts.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley check",
        abstract: "Validate a graph file and print its counts by label and relationship type.",
        discussion: "The file is read exactly as a session loads it, so a valid file is one Parley opens. Exit status 0 if the file is valid, 1 (with the positioned error) if not."
    )

    @Argument(help: "The graph file to check.")
    var graph: String

    @Flag(help: "Also audit the loaded graph: every index and adjacency list against the data (a self-test of Parley, for bug reports; slower).")
    var deep = false

    @Flag(help: "No colours.")
    var noColor = false

    func run() throws {
        let status = Launcher.check(path: graph, deep: deep, noColor: noColor)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `parley convert IN OUT`: read a graph in one format, write it in another.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley convert",
        abstract: "Convert a graph from one format to another (docs/interchange.md).",
        discussion: """
        Formats come from the names: .json (Parley's JSON, or NetworkX node-link or JGF by the document's \
        shape), .graphml, .gexf, .jgf, .cypher, .mmd, .dot; a folder (or a name without an extension) \
        is neo4j-admin CSV. --from and --to override. Exit status 0 on success, 1 if IN cannot be read \
        or OUT written, 2 on bad usage.
        """
    )

    @Argument(help: "The graph to read.")
    var input: String

    @Argument(help: "Where to write it.")
    var output: String

    @Option(help: ArgumentHelp("The format of IN: json, graphml, gexf, node-link, jgf, csv.", valueName: "format"))
    var from: String?

    @Option(help: ArgumentHelp("The format of OUT: json, graphml, gexf, node-link, jgf, csv, kuzu, cypher, mermaid, dot.", valueName: "format"))
    var to: String?

    @Flag(help: "No colours.")
    var noColor = false

    func run() throws {
        let status = Launcher.convert(input: input, output: output, from: from, to: to, noColor: noColor)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `parley diff OLD NEW`: what changed from one graph file to another.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley diff",
        abstract: "Show what changed from one graph file to another.",
        discussion: """
        Nodes are matched by id, relationships by source, type, target and their id property \
        (parallel ones as a multiset). Prints nodes and relationships added (+), removed (-) and \
        changed (~, old → new), then a summary. Exit status 0 if the graphs are the same, 1 if \
        they differ, 2 on trouble (a missing or malformed file, a bad option). See docs/time.md.
        """
    )

    @Argument(help: "The old graph file.")
    var old: String

    @Argument(help: "The new graph file.")
    var new: String

    @Option(help: ArgumentHelp("Output format: text, json or dot.", valueName: "format"))
    var format = "text"

    @Flag(help: "No colours (also NO_COLOR=1).")
    var noColor = false

    @Flag(help: "No progress line on standard error for long loads.")
    var quiet = false

    func validate() throws {
        if !Launcher.diffFormats.contains(format.lowercased()) {
            throw ValidationError("Unknown format '\(format)'. Use one of: \(Launcher.diffFormats.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let status = Launcher.diff(old: old, new: new, format: format, noColor: noColor)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `parley push FILE URI`: write a graph file to a Bolt server.
struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley push",
        abstract: "Write a graph file to a Bolt server (docs/bolt.md, Moving graphs).",
        discussion: """
        Nodes are merged on their id property (labels added, properties replaced), then \
        relationships on their ends, type and a key Parley stores in _parley_key, in UNWIND \
        batches: pushing the same file again changes nothing. Exit status 0 on success, 1 if \
        FILE cannot be read, holds what cannot be pushed whole, or the server fails; 2 on bad usage.
        """
    )

    @Argument(help: "The graph file to push.")
    var file: String

    @Argument(help: "The Bolt server, bolt://HOST:PORT.")
    var uri: String

    @Option(help: ArgumentHelp("Rows per UNWIND query (default 1000).", valueName: "N"))
    var batch = 1000

    @Option(help: ArgumentHelp("Log in as NAME; the password comes from $PARLEY_PASSWORD or is asked for on a terminal.", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("Write into this database (default: the server's).", valueName: "name"))
    var database: String?

    @Option(name: .customLong("trust-ca"), help: ArgumentHelp("With bolt+s:// or neo4j+s://: also trust the certificate authorities in this PEM file.", valueName: "file"))
    var trustCA: String?

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @Flag(help: "No colours.")
    var noColor = false

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1, not \(batch).") }
    }

    func run() throws {
        let status = Launcher.push(file: file, uriText: uri, batch: batch, user: user, database: database, trustCA: trustCA, quiet: quiet, noColor: noColor)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `parley pull URI FILE`: write a Bolt server's graph (or a query's part of it) to a file.
struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley pull",
        abstract: "Write a Bolt server's graph, or what a query returns, to a graph file (docs/bolt.md, Moving graphs).",
        discussion: """
        Without --query, every node and relationship; with it, the nodes, relationships and paths \
        the query returns (with the ends of its relationships). The format comes from FILE's \
        name, as for parley convert. Exit status 0 on success, 1 if the server or the file \
        fails, 2 on bad usage.
        """
    )

    @Argument(help: "The Bolt server, bolt://HOST:PORT.")
    var uri: String

    @Argument(help: "The graph file to write.")
    var file: String

    @Option(help: ArgumentHelp("Pull only what this query returns.", valueName: "query"))
    var query: String?

    @Option(help: ArgumentHelp("Log in as NAME; the password comes from $PARLEY_PASSWORD or is asked for on a terminal.", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("Read from this database (default: the server's).", valueName: "name"))
    var database: String?

    @Option(name: .customLong("trust-ca"), help: ArgumentHelp("With bolt+s:// or neo4j+s://: also trust the certificate authorities in this PEM file.", valueName: "file"))
    var trustCA: String?

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @Flag(help: "No colours.")
    var noColor = false

    func run() throws {
        let status = Launcher.pull(uriText: uri, file: file, query: query, user: user, database: database, trustCA: trustCA, quiet: quiet, noColor: noColor)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Parses and runs `command`, mapping ArgumentParser's usage errors to exit status 2.
func launch<Command: ParsableCommand>(_ command: Command.Type, _ arguments: [String]) -> Never {
    do {
        var parsed = try command.parse(arguments)
        try parsed.run()
        exit(0)
    } catch {
        let code = command.exitCode(for: error)
        if code == .validationFailure {
            FileOutputWriter.standardError(command.fullMessage(for: error) + "\n")
            exit(2)
        }
        command.exit(withError: error)
    }
}

/// Writes to standard error without buffering.
enum FileOutputWriter {
    static func standardError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}

// On a thread with a large stack: long generated queries compile and run (docs/errors.md).
LargeStackThread.run {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "check" {
        launch(Check.self, Array(arguments.dropFirst()))
    } else if arguments.first == "convert" {
        launch(Convert.self, Array(arguments.dropFirst()))
    } else if arguments.first == "diff" {
        launch(Diff.self, Array(arguments.dropFirst()))
    } else if arguments.first == "push" {
        launch(Push.self, Array(arguments.dropFirst()))
    } else if arguments.first == "pull" {
        launch(Pull.self, Array(arguments.dropFirst()))
    } else {
        launch(Parley.self, arguments)
    }
}
