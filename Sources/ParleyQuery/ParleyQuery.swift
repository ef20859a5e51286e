/// ParleyQuery: the openCypher engine behind the `QueryEngine` facade. A statement goes
/// through five stages, each a value handed to the next: the lexer and parser (tokens and an
/// AST with source ranges on every node), the binder (names to row slots, semantic errors:
/// a `BoundStatement`), the logical planner (a `LogicalPlan` per part, which EXPLAIN prints),
/// the physical planner (operators), and the pull-based executor with budgets and
/// cancellation. Also the built-in functions and aggregates, a regex engine, and the `CALL`
/// procedures (`db.*`, and `algo.*` over ParleyAlgorithms).
