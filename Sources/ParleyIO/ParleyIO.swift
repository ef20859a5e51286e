/// ParleyIO: graphs in and out of files. The JSON graph format (a single-pass byte parser
/// with `FILE:LINE:COL` errors, a deterministic writer), the interchange formats (CSV folders,
/// GraphML, GEXF, JGF, node-link JSON, Cypher scripts, Kùzu, Mermaid), Graphviz DOT and its
/// rendering, timelines, graph diffs, and the file helpers under them (`Files/`: whole-file
/// reads, memory mapping, atomic file and folder writes). Errors are `Diagnostic`s for the
/// REPL to render.
