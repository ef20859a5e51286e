// The details of each error class. A raw value is the detail's name as the openCypher TCK
// writes it; docs/errors.md describes each one.

extension QueryError.Kind {
    /// The details of `SyntaxError`.
    public enum SyntaxDetail: String, CaseIterable, Sendable {
        case ambiguousAggregationExpression = "AmbiguousAggregationExpression"
        case columnNameConflict = "ColumnNameConflict"
        case creatingVarLength = "CreatingVarLength"
        case differentColumnsInUnion = "DifferentColumnsInUnion"
        case floatingPointOverflow = "FloatingPointOverflow"
        case integerOverflow = "IntegerOverflow"
        case invalidAggregation = "InvalidAggregation"
        case invalidArgumentPassingMode = "InvalidArgumentPassingMode"
        case invalidArgumentType = "InvalidArgumentType"
        case invalidClauseComposition = "InvalidClauseComposition"
        case invalidDelete = "InvalidDelete"
        case invalidImportingWith = "InvalidImportingWith"
        case invalidLabelExpression = "InvalidLabelExpression"
        case invalidNumberLiteral = "InvalidNumberLiteral"
        case invalidNumberOfArguments = "InvalidNumberOfArguments"
        case invalidParameterUse = "InvalidParameterUse"
        case invalidQuantifier = "InvalidQuantifier"
        case invalidRelationshipPattern = "InvalidRelationshipPattern"
        case invalidTypeUnion = "InvalidTypeUnion"
        case invalidUnicodeCharacter = "InvalidUnicodeCharacter"
        case invalidUnicodeLiteral = "InvalidUnicodeLiteral"
        case negativeIntegerArgument = "NegativeIntegerArgument"
        case nestedAggregation = "NestedAggregation"
        case noExpressionAlias = "NoExpressionAlias"
        case noSingleRelationshipType = "NoSingleRelationshipType"
        case noVariablesInScope = "NoVariablesInScope"
        case nonConstantExpression = "NonConstantExpression"
        case relationshipUniquenessViolation = "RelationshipUniquenessViolation"
        case requiresDirectedRelationship = "RequiresDirectedRelationship"
        case undefinedVariable = "UndefinedVariable"
        case unexpectedSyntax = "UnexpectedSyntax"
        case unknownFunction = "UnknownFunction"
        case unknownProcedureOutput = "UnknownProcedureOutput"
        case variableAlreadyBound = "VariableAlreadyBound"
        case variableTypeConflict = "VariableTypeConflict"
    }

    /// The details of `SemanticError`.
    public enum SemanticDetail: String, CaseIterable, Sendable {
        case createOnNull = "CreateOnNull"
        case mergeReadOwnWrites = "MergeReadOwnWrites"
    }

    /// The details of `TypeError`.
    public enum TypeDetail: String, CaseIterable, Sendable {
        case invalidArgumentType = "InvalidArgumentType"
        case invalidArgumentValue = "InvalidArgumentValue"
        case invalidPropertyType = "InvalidPropertyType"
        case mapElementAccessByNonString = "MapElementAccessByNonString"
    }

    /// The details of `ArgumentError`.
    public enum ArgumentDetail: String, CaseIterable, Sendable {
        case invalidArgumentType = "InvalidArgumentType"
        case invalidArgumentValue = "InvalidArgumentValue"
        case numberOutOfRange = "NumberOutOfRange"
    }

    /// The details of `EntityNotFound`.
    public enum EntityNotFoundDetail: String, CaseIterable, Sendable {
        case deletedEntityAccess = "DeletedEntityAccess"
    }

    /// The details of `ConstraintVerificationFailed`.
    public enum ConstraintDetail: String, CaseIterable, Sendable {
        case deleteConnectedNode = "DeleteConnectedNode"
    }

    /// The details of `ParameterMissing`.
    public enum ParameterDetail: String, CaseIterable, Sendable {
        case missingParameter = "MissingParameter"
    }

    /// The details of `ProcedureError`.
    public enum ProcedureDetail: String, CaseIterable, Sendable {
        case invalidArgument = "InvalidArgument"
        case invalidOption = "InvalidOption"
        case procedureCallFailed = "ProcedureCallFailed"
        case procedureNotFound = "ProcedureNotFound"
    }

    /// The details of `ArithmeticError`.
    public enum ArithmeticDetail: String, CaseIterable, Sendable {
        case divisionByZero = "DivisionByZero"
        case integerOverflow = "IntegerOverflow"
    }

    /// The details of `ResourceLimit` (Parley's own class).
    public enum ResourceLimitDetail: String, CaseIterable, Sendable {
        case memoryBudgetExceeded = "MemoryBudgetExceeded"
        case nestedTooDeeply = "NestedTooDeeply"
        case rangeTooLarge = "RangeTooLarge"
        case regexTooLarge = "RegexTooLarge"
        case tooManyRows = "TooManyRows"
    }
}
