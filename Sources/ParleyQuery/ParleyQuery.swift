/// ParleyQuery: the openCypher engine behind the `QueryEngine` facade. Lexer, parser and AST
/// with source ranges on every node, semantic analysis, a planner that starts patterns at
/// their most selective point, and a pull-based executor with budgets and cancellation; the
/// built-in functions and aggregates, a regex engine, and the `CALL` procedures (`db.*`, and
/// `algo.*` over ParleyAlgorithms).
