import ParleyGraph
import ParleyValues

/// An error from compiling or running a query, with its kind (the TCK's class and detail) and
/// a position.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    /// When the error was detected.
    public enum Phase: String, Sendable { case compileTime = "compile time", runtime }

    /// When the error was detected.
    public var phase: Phase
    /// What went wrong: the class and detail (``Kind``).
    public var kind: Kind
    /// The message a user reads: what was expected and what was found.
    public var message: String
    /// Where in the query text the error is, if known.
    public var range: SourceRange?
    /// An optional hint (`did you mean RETURN?`).
    public var hint: String?
    /// Set by the first plan step the error passes: its position is final, even if none, so
    /// a step further up does not claim an error that is not its own.
    var positionSettled = false

    /// Creates an error.
    public init(_ phase: Phase, _ kind: Kind, _ message: String, at range: SourceRange? = nil, hint: String? = nil) {
        self.phase = phase
        self.kind = kind
        self.message = message
        self.range = range
        self.hint = hint
    }

    /// The TCK error class: `SyntaxError`, `SemanticError`, `TypeError`, `ArgumentError`,
    /// `EntityNotFound`, `ConstraintVerificationFailed`, `ParameterMissing`, `ProcedureError`,
    /// `ArithmeticError`, or `Cancelled` / `ReadOnly` / `ResourceLimit` (Parley's own).
    public var type: String { kind.className }
    /// The TCK detail (`UndefinedVariable`, `InvalidArgumentType`, ...), if the class has one.
    public var detail: String? { kind.detailName }
    /// The GQLSTATUS code of the kind, if one describes it.
    public var gqlStatus: String? { kind.gqlStatus }

    /// The error as a diagnostic, for rendering with the source line and a caret; its code is
    /// the kind (`SyntaxError.UndefinedVariable`).
    public var diagnostic: Diagnostic { Diagnostic(.error, message, at: range, hint: hint, code: kind.code) }

    public var description: String { diagnostic.description }
}

extension QueryError {
    /// A list or map deeper than ``Value/maxNesting`` levels.
    static var nestedTooDeeply: QueryError {
        QueryError(.runtime, .resourceLimit(.nestedTooDeeply),
                   "Value nested too deeply: lists and maps may nest at most \(Value.maxNesting) levels")
    }

    /// An expression whose evaluation would overflow the stack of the thread running it.
    static var evaluationTooDeep: QueryError {
        QueryError(.runtime, .resourceLimit(.nestedTooDeeply),
                   "Expression nested too deeply to evaluate on this thread's stack",
                   hint: "split the expression, or run the query on a thread with a larger stack")
    }
}
