import ParleyGraph
import ParleyValues

/// One named, typed input or output of a procedure (`name :: STRING?`).
public struct ProcedureField: Sendable, Equatable, CustomStringConvertible {
    /// The argument or output column name.
    public var name: String
    /// Its type.
    public var type: ProcedureType
    /// For an optional argument, the value it takes when the call leaves it out; optional
    /// arguments come after the required ones.
    public var defaultValue: Value?

    /// Creates a field.
    public init(_ name: String, _ type: ProcedureType, default defaultValue: Value? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }

    /// `name :: TYPE`, or `name = default :: TYPE` for an optional argument.
    public var description: String {
        guard let defaultValue else { return "\(name) :: \(type)" }
        return "\(name) = \(defaultValue.cypherExpression(in: nil)) :: \(type)"
    }
}

/// What a procedure is called and what it takes and yields.
public struct ProcedureSignature: Sendable, Equatable, CustomStringConvertible {
    /// The qualified name (`db.labels`).
    public var name: String
    /// The arguments, in call order.
    public var parameters: [ProcedureField]
    /// The output columns, in order; empty for a void procedure.
    public var outputs: [ProcedureField]

    /// Creates a signature.
    public init(name: String, parameters: [ProcedureField] = [], outputs: [ProcedureField] = []) {
        self.name = name
        self.parameters = parameters
        self.outputs = outputs
    }

    /// The number of arguments a call must pass (those without a default).
    public var requiredParameterCount: Int { parameters.prefix { $0.defaultValue == nil }.count }

    /// Parses `name(a :: STRING?, b :: INTEGER?) :: (out :: STRING?)`; `:: ()` is a void procedure.
    public init?(parsing text: String) {
        let s = Substring(text).trimmingSpaces()
        guard let open = s.firstIndex(of: "("), let close = s[open...].firstIndex(of: ")") else { return nil }
        let name = s[..<open].trimmingSpaces()
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        guard let parameters = Self.fields(s[s.index(after: open)..<close]) else { return nil }
        var rest = s[s.index(after: close)...].trimmingSpaces()
        guard rest.hasPrefix("::") else { return nil }
        rest = rest.dropFirst(2).trimmingSpaces()
        guard rest.hasPrefix("("), rest.hasSuffix(")"), let outputs = Self.fields(rest.dropFirst().dropLast()) else { return nil }
        self.init(name: String(name), parameters: parameters, outputs: outputs)
    }

    /// Parses `a :: T, b :: U` (empty text is no fields).
    private static func fields(_ text: Substring) -> [ProcedureField]? {
        if text.trimmingSpaces().isEmpty { return [] }
        var out: [ProcedureField] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "::", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return nil }
            let name = pieces[0].trimmingSpaces()
            guard !name.isEmpty, let type = ProcedureType(parsing: String(pieces[1])) else { return nil }
            out.append(ProcedureField(String(name), type))
        }
        return out
    }

    /// `name(a :: STRING?) :: (out :: STRING?)`.
    public var description: String {
        "\(name)(\(parameters.map(\.description).joined(separator: ", "))) :: (\(outputs.map(\.description).joined(separator: ", ")))"
    }
}

/// A procedure callable with `CALL name(args) YIELD ...`: a signature and an implementation.
///
/// The implementation gets the arguments (already checked against the signature's types, in
/// parameter order, defaults filled in) and a ``ProcedureContext`` (the graph, cancellation,
/// the budget), and returns one row per result, each with one value per output column in
/// signature order. A void procedure's rows are ignored.
///
/// ```swift
/// engine.procedures.register(Procedure(ProcedureSignature(parsing: "my.echo(x :: ANY?) :: (x :: ANY?)")!) { args, _ in
///     [[args[0]]]
/// })
/// ```
public struct Procedure: Sendable {
    /// The implementation: arguments and context in, result rows out (a list literal of rows,
    /// or `ProcedureRows` built from rows or columns).
    public typealias Body = @Sendable (_ arguments: [Value], _ context: ProcedureContext) throws(QueryError) -> ProcedureRows

    /// Name, inputs and outputs.
    public var signature: ProcedureSignature
    /// One line on what the procedure does (listed by `algo.list()`).
    public var summary: String
    /// What the procedure does.
    public var body: Body

    /// Creates a procedure.
    public init(_ signature: ProcedureSignature, summary: String = "", body: @escaping Body) {
        self.signature = signature
        self.summary = summary
        self.body = body
    }

    /// The procedure's name.
    public var name: String { signature.name }
    /// Whether the procedure yields nothing.
    public var isVoid: Bool { signature.outputs.isEmpty }
}
