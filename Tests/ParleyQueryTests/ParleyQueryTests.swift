/// ParleyQueryTests: the openCypher engine stage by stage (lexer, parser, semantic analysis,
/// planner, executor), its functions, procedures and errors with their positions.
