extension QueryError {
    /// What went wrong, as the openCypher TCK classifies it: a class (`SyntaxError`,
    /// `TypeError`, ...) and, for most classes, a detail (`UndefinedVariable`, ...).
    ///
    /// Every error Parley's engine raises is one of these kinds; docs/errors.md lists them all
    /// with their GQLSTATUS codes and an example each. `Cancelled`, `ReadOnly` and
    /// `ResourceLimit` are Parley's own classes (the TCK has none for them).
    public enum Kind: Hashable, Sendable, CustomStringConvertible {
        /// `SyntaxError`: the query is not valid Cypher (including what the TCK checks
        /// statically: scope, aggregation, clause composition).
        case syntax(SyntaxDetail)
        /// `SemanticError`: a valid query asks for something that cannot be done.
        case semantic(SemanticDetail)
        /// `TypeError`: a value of the wrong type at run time.
        case type(TypeDetail)
        /// `ArgumentError`: a function argument of the right type but an unusable value.
        case argument(ArgumentDetail)
        /// `EntityNotFound`: a node or relationship that is no longer there.
        case entityNotFound(EntityNotFoundDetail)
        /// `ConstraintVerificationFailed`: a write that would leave the graph inconsistent.
        case constraintVerificationFailed(ConstraintDetail)
        /// `ParameterMissing`: a `$name` without a value.
        case parameterMissing(ParameterDetail)
        /// `ProcedureError`: a `CALL` that cannot run.
        case procedure(ProcedureDetail)
        /// `ArithmeticError`: integer arithmetic without a result.
        case arithmetic(ArithmeticDetail)
        /// `ResourceLimit` (Parley's own): the query went past a budget or limit.
        case resourceLimit(ResourceLimitDetail)
        /// `Cancelled` (Parley's own): the query was cancelled (Ctrl-C).
        case cancelled
        /// `ReadOnly` (Parley's own): a write while the graph is an as-of view.
        case readOnly

        /// The class name, as the TCK writes it: `SyntaxError`, `TypeError`, ...
        public var className: String {
            switch self {
            case .syntax: "SyntaxError"
            case .semantic: "SemanticError"
            case .type: "TypeError"
            case .argument: "ArgumentError"
            case .entityNotFound: "EntityNotFound"
            case .constraintVerificationFailed: "ConstraintVerificationFailed"
            case .parameterMissing: "ParameterMissing"
            case .procedure: "ProcedureError"
            case .arithmetic: "ArithmeticError"
            case .resourceLimit: "ResourceLimit"
            case .cancelled: "Cancelled"
            case .readOnly: "ReadOnly"
            }
        }

        /// The detail name, as the TCK writes it (`UndefinedVariable`); nil for the classes
        /// without details (`Cancelled`, `ReadOnly`).
        public var detailName: String? {
            switch self {
            case .syntax(let d): d.rawValue
            case .semantic(let d): d.rawValue
            case .type(let d): d.rawValue
            case .argument(let d): d.rawValue
            case .entityNotFound(let d): d.rawValue
            case .constraintVerificationFailed(let d): d.rawValue
            case .parameterMissing(let d): d.rawValue
            case .procedure(let d): d.rawValue
            case .arithmetic(let d): d.rawValue
            case .resourceLimit(let d): d.rawValue
            case .cancelled, .readOnly: nil
            }
        }

        /// `Class.Detail` (or just `Class`): the code shown in `error[...]` and in JSON.
        public var code: String { detailName.map { className + "." + $0 } ?? className }

        public var description: String { code }

        /// Every kind, class by class.
        public static var allCases: [Kind] {
            SyntaxDetail.allCases.map(Kind.syntax) + SemanticDetail.allCases.map(Kind.semantic)
                + TypeDetail.allCases.map(Kind.type) + ArgumentDetail.allCases.map(Kind.argument)
                + EntityNotFoundDetail.allCases.map(Kind.entityNotFound)
                + ConstraintDetail.allCases.map(Kind.constraintVerificationFailed)
                + ParameterDetail.allCases.map(Kind.parameterMissing) + ProcedureDetail.allCases.map(Kind.procedure)
                + ArithmeticDetail.allCases.map(Kind.arithmetic) + ResourceLimitDetail.allCases.map(Kind.resourceLimit)
                + [.cancelled, .readOnly]
        }
    }
}
