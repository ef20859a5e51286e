import Foundation

/// The `import.sh` of a CSV folder: the Neo4j 5 `neo4j-admin database import full` command
/// that loads every file of the folder into a new database.
enum CSVImportScript {
    /// The script's text for the node and relationship files (names in the folder).
    static func text(nodes: [String], relationships: [String], multiline: Bool) -> String {
        var lines = [
            "#!/bin/sh",
            "# Written by Parley: imports the CSV files of this folder into a new Neo4j 5 database.",
            "#   ./import.sh [DATABASE]      (default: neo4j; the database must not exist yet)",
            "# neo4j-admin comes from $NEO4J_HOME/bin when NEO4J_HOME is set, else from PATH. Stop the",
            "# database first, run this as the user that owns the Neo4j files, then CREATE DATABASE it",
            "# (or start Neo4j, for the default database).",
            "set -e",
            "cd \"$(dirname \"$0\")\"",
            "admin=\"${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin\"",
            "exec \"$admin\" database import full \\",
            "  --id-type=string --array-delimiter=';' \\",
        ]
        if multiline { lines.append("  --multiline-fields=true \\") }
        for n in nodes { lines.append("  --nodes=\"$PWD\"/\(quoted(n)) \\") }
        for r in relationships { lines.append("  --relationships=\"$PWD\"/\(quoted(r)) \\") }
        lines.append("  \"${1:-neo4j}\"")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A file name in single quotes for the shell.
    static func quoted(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
