import ParleyGraph
import ParleyValues

/// An error from compiling or running a query, with the TCK's classification and a position.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    /// When the error was detected.
    public enum Phase: String, Sendable { case compileTime = "compile time", runtime }

    /// When the error was detected.
    public var phase: Phase
    /// The TCK error type: `SyntaxError`, `SemanticError`, `TypeError`, `ArgumentError`,
    /// `EntityNotFound`, `ConstraintVerificationFailed`, `ParameterMissing`, `ProcedureError`, `ArithmeticError`,
    /// or `Cancelled` / `ResourceLimit` (Parley's own).
    public var type: String
    /// The TCK detail code (`UndefinedVariable`, `InvalidArgumentType`, ...), if any.
    public var detail: String?
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
    public init(_ phase: Phase, _ type: String, detail: String? = nil, _ message: String, at range: SourceRange? = nil, hint: String? = nil) {
        self.phase = phase
        self.type = type
        self.detail = detail
        self.message = message
        self.range = range
        self.hint = hint
    }

    /// The error as a diagnostic, for rendering with the source line and a caret.
    public var diagnostic: Diagnostic { Diagnostic(.error, message, at: range, hint: hint) }

    public var description: String { diagnostic.description }
}

extension QueryError {
    /// A list or map deeper than ``Value/maxNesting`` levels.
    static var nestedTooDeeply: QueryError {
        QueryError(.runtime, "ResourceLimit", detail: "NestedTooDeeply",
                   "Value nested too deeply: lists and maps may nest at most \(Value.maxNesting) levels")
    }

    /// An expression whose evaluation would overflow the stack of the thread running it.
    static var evaluationTooDeep: QueryError {
        QueryError(.runtime, "ResourceLimit", detail: "NestedTooDeeply",
                   "Expression nested too deeply to evaluate on this thread's stack",
                   hint: "split the expression, or run the query on a thread with a larger stack")
    }
}
