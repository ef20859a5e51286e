/// ParleyREPLTests: the session without a terminal: statements and meta-commands, result
/// rendering in every mode, diagnostics with the source line and caret, completion, history
/// and line reading.
