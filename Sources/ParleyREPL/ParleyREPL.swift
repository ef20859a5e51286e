/// ParleyREPL: the session a person talks to, interactive or as a script. Line editing (libedit
/// through CEditLine, or plain reading), completion, splitting input into statements and
/// meta-commands, the `:` commands, rendering results (tables, records, csv, tsv, json,
/// markdown, cypher) and errors (`Diagnostic` with colours, the source line and a caret),
/// terminal handling, and the `Launcher` that the `parley` command starts.
