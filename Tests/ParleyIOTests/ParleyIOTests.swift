/// ParleyIOTests: reading and writing graph files in every format, round trips, atomic saves,
/// load errors with their positions (checked as the REPL renders them), DOT output against
/// goldens, Graphviz rendering, and graph diffs.
