/// The meta-commands, in the order `:help` lists them.
enum MetaCommands {
    /// Every meta-command.
    static var all: [MetaCommand] {
        [
        MetaCommand(name: "help", usage: ":help [COMMAND]", summary: "List the commands, or explain one",
                    details: "Without a command, lists every command. `:help mode` explains :mode.") { $0.help($1) },
        MetaCommand(name: "quit", aliases: ["exit"], usage: ":quit", summary: "Leave Parley (also :exit, Ctrl-D)",
                    details: "Unsaved changes are not written; use :save first.") { s, _ in s.quitRequested = true; return true },
        MetaCommand(name: "load", usage: ":load[!] FILE", summary: "Replace the graph with the one in FILE",
                    details: """
                    The current graph stays loaded if FILE cannot be read or has an error.
                    If the graph has unsaved changes, :load refuses; :save them first, or use :load! FILE to discard them.
                    """, acceptsBang: true) { $0.load($1) },
        MetaCommand(name: "save", usage: ":save [FILE]", summary: "Write the graph to FILE (default: the loaded file)",
                    details: "Writes atomically: a temporary file is renamed over FILE only when complete.") { $0.save($1) },
        MetaCommand(name: "diff", usage: ":diff FILE | :diff DATE1 DATE2", summary: "What changed from the graph in FILE to this session's graph, or between two dates",
                    details: """
                    FILE is the old side, the session's graph the new one: after editing, :diff saved.json shows your changes.
                    :diff 2015-04-01 2015-06-01 compares two as-of views of the whole graph (docs/time.md).
                    One line per change (+ added, - removed, ~ changed: old → new), then a summary; the graph is not changed.
                    Nodes are matched by id; relationships by source, type, target and their id property.
                    """) { $0.diff($1) },
        MetaCommand(name: "schema", usage: ":schema", summary: "Labels, relationship patterns and property keys, with counts",
                    details: """
                    Relationship types are shown with the labels they connect: (:Person)-[:ATTENDED]->(:Talk) 12.
                    On a Bolt server: the server's labels, relationship types and property keys (db.labels() and the like), fetched now.
                    """) { $0.schema($1) },
        MetaCommand(name: "asof", usage: ":asof [DATE|off]", summary: "Show only what holds on DATE (YYYY-MM-DD, YYYY-MM or YYYY); off ends it") { $0.asOf($1) },
        MetaCommand(name: "between", usage: ":between FROM TO", summary: "Show only what holds at some day from FROM up to TO") { $0.between($1) },
        MetaCommand(name: "timeline", usage: ":timeline [FILE.svg|png|pdf] [QUERY]", summary: "The dated elements of the graph, or of what QUERY returns, in time order; with FILE, drawn") { $0.timeline($1) },
        MetaCommand(name: "stats", usage: ":stats", summary: "Size of the graph and session settings") { $0.stats($1) },
        MetaCommand(name: "mode", usage: ":mode [table|box|vertical|csv|tsv|json|jsonl|markdown|cypher]", summary: "How results are printed",
                    details: """
                    table     ASCII table sized to the terminal (the default)
                    box       the same with box-drawing characters
                    vertical  one record per row, a line per column (too wide tables switch to it)
                    csv       comma-separated values (RFC 4180)
                    tsv       tab-separated values
                    json      one JSON array of row objects per statement
                    jsonl     one JSON object per row, one per line
                    markdown  a Markdown pipe table
                    cypher    one Cypher map literal per row (reads back in Cypher)
                    Without an argument, shows the current mode.
                    """) { $0.setMode($1) },
        MetaCommand(name: "edit", usage: ":edit", summary: "Edit the last statement in $VISUAL or $EDITOR, then run what you saved") { $0.edit($1) },
        MetaCommand(name: "last", usage: ":last [MODE]", summary: "Show the last result again, in full width (in MODE this once)") { $0.showLast($1) },
        MetaCommand(name: "output", usage: ":output [FILE]", summary: "Send results to FILE; without FILE, back to the screen",
                    details: "FILE is created or truncated. Errors still go to the screen.") { $0.setOutput($1) },
        MetaCommand(name: "timing", usage: ":timing [on|off]", summary: "Show how long each statement takes") { s, a in
            s.toggle(a, name: "timing", get: { s.timing }, set: { s.timing = $0 })
        },
        MetaCommand(name: "pager", usage: ":pager [on|off]", summary: "Page results taller than the screen through less -FRX") { s, a in
            s.toggle(a, name: "pager", get: { s.pager }, set: { s.pager = $0 })
        },
        MetaCommand(name: "set", usage: ":set [maxRows N | maxMemory SIZE | display N | width N|auto]",
                    summary: "Budgets that stop runaway queries, rows shown, table width",
                    details: """
                    maxRows N        stop a query when any of its steps produces more than N rows (0: no limit)
                    maxMemory SIZE   stop a query holding more than SIZE in rows: 512M, 8G, 0 for no limit (default 4G)
                    display N        show at most N rows of each result, counting the rest (0: all)
                    width N          cut tables to N columns (0: never cut; auto: the terminal's width)
                    Without arguments, shows the settings.
                    """) { $0.set($1) },
        MetaCommand(name: "width", usage: ":width [N|auto]", summary: "Cut tables to N columns (0: never cut; auto: the terminal's)") { $0.setWidth($1) },
        MetaCommand(name: "param", usage: ":param NAME VALUE | :param clear", summary: "Set the parameter $NAME to a Cypher literal",
                    details: "VALUE is any Cypher literal or expression without variables: :param city 'Astana', :param ids [1, 2].") { $0.setParam($1) },
        MetaCommand(name: "params", usage: ":params", summary: "List the parameters") { $0.listParams($1) },
        MetaCommand(name: "connect", usage: ":connect bolt://HOST:PORT [USER]", summary: "Run statements on a Bolt server (Neo4j, Memgraph, FalkorDB)",
                    details: """
                    The password comes from PARLEY_PASSWORD, or is asked for without echo. :disconnect goes back to the local graph (docs/bolt.md).
                    Connected, Tab completes the server's labels, types and keys; :schema, :stats, :export, :render and :last work on the
                    server's names and results; :asof, :between, :timeline, :diff, :load and :save need the local graph (:pull brings it).
                    """) { $0.connect($1) },
        MetaCommand(name: "disconnect", usage: ":disconnect", summary: "Leave the Bolt server; statements run on the local graph again") { $0.disconnect($1) },
        MetaCommand(name: "begin", usage: ":begin", summary: "Open a transaction on the Bolt server: statements run in it until :commit or :rollback",
                    details: """
                    The prompt shows # while it is open (parley@bolt://db:7687#>). A statement the server fails, or Ctrl-C, ends it,
                    rolled back; so do :disconnect, :quit and the end of a script, with a warning. On the local graph there are no
                    transactions: each statement applies when it succeeds (docs/bolt.md).
                    """) { $0.beginTransaction($1) },
        MetaCommand(name: "commit", usage: ":commit", summary: "Commit the transaction :begin opened") { $0.commitTransaction($1) },
        MetaCommand(name: "rollback", usage: ":rollback", summary: "Roll back the transaction :begin opened") { $0.rollbackTransaction($1) },
        MetaCommand(name: "push", usage: ":push bolt://HOST:PORT [--batch N] [--database NAME]", summary: "Write the local graph to a Bolt server; pushing again changes nothing",
                    details: """
                    Nodes are merged on their id property (labels added, properties replaced), relationships on their ends, type
                    and a key stored in _parley_key, in UNWIND batches of N rows (default 1000). A graph with a node without an id,
                    a repeated id or a temporal value is refused before anything is sent (docs/bolt.md, Moving graphs).
                    """) { $0.push($1) },
        MetaCommand(name: "pull", usage: ":pull[!] bolt://HOST:PORT [--database NAME] [QUERY]", summary: "Replace the local graph with the server's, or with what QUERY returns",
                    details: """
                    Nodes keep their properties, id among them; with QUERY, the nodes, relationships and paths it returns, with
                    the ends of its relationships. Unsaved changes are kept unless typed :pull! (docs/bolt.md, Moving graphs).
                    """, acceptsBang: true) { $0.pull($1) },
        MetaCommand(name: "source", usage: ":source FILE", summary: "Run the statements and commands in FILE") { $0.source($1) },
        MetaCommand(name: "history", usage: ":history", summary: "List earlier statements (Up/Down and Ctrl-R recall them)") { $0.listHistory($1) },
        MetaCommand(name: "explain", usage: ":explain QUERY", summary: "Show the plan of QUERY without running it (on a server, the server's plan)") { s, a in
            s.runPlanned(.explain, a)
        },
        MetaCommand(name: "profile", usage: ":profile QUERY", summary: "Run QUERY and show its plan with rows and time per step (on a server, rows and db hits)") { s, a in
            s.runPlanned(.profile, a)
        },
        MetaCommand(name: "export", usage: ":export FORMAT FILE [QUERY]", summary: "Write the graph, or what QUERY returns, in FORMAT (dot, json, graphml, ...)",
                    details: """
                    FORMAT is one of json, graphml, gexf, node-link, jgf, csv, kuzu, cypher, mermaid, dot (docs/interchange.md).
                    Without QUERY the whole graph is written. With QUERY, the nodes, relationships and paths it returns.
                    A column named communityId or componentId colours the nodes, one named score, degree, pageRank, ...
                    sizes them: :export dot camps.dot CALL algo.louvain() YIELD node, communityId RETURN node, communityId
                    On a Bolt server: what a server query returns (the ends of its relationships too), or without QUERY the server's whole graph.
                    """) { $0.export($1) },
        MetaCommand(name: "render", usage: ":render [timeline] FILE.svg|png|pdf [QUERY]", summary: "Draw the graph, or what QUERY returns, with Graphviz",
                    details: """
                    Needs Graphviz's `dot` on the PATH. The format follows the file extension.
                    Result columns colour and size the nodes as for :export dot.
                    :render timeline FILE [QUERY] draws the dated elements instead, time flowing left to right.
                    On a Bolt server: what a server query returns, or without QUERY the server's whole graph (not :render timeline).
                    """) { $0.render($1) },
        ]
    }

    /// Every name and alias, with `:`.
    /// (`:load!` is left out, so that `:loa` still completes to `:load `.)
    static var names: [String] { all.flatMap { [$0.name] + $0.aliases }.map { ":" + $0 } }

    /// The command called `name` (without `:`).
    static func named(_ name: String) -> MetaCommand? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }
}
