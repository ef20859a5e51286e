extension QueryError.Kind {
    /// The GQLSTATUS code of the kind: the most specific condition the GQL standard
    /// (ISO/IEC 39075) or Neo4j's GQLSTATUS codes define for it (`42N62` variable not defined,
    /// `22012` division by zero, ...). A syntax error without a more specific code is `42001`
    /// (invalid syntax). Nil for the kinds no code describes (a cancelled query, Parley's row,
    /// range and regular-expression limits).
    public var gqlStatus: String? {
        switch self {
        case .syntax(let d): d.gqlStatus
        case .semantic(.createOnNull): "22004"  // null value not allowed
        case .semantic(.mergeReadOwnWrites): "22N31"  // invalid properties in merge pattern
        case .type(.invalidPropertyType): "22N39"  // unsupported property value type
        case .type: "22N01"  // invalid type
        case .argument(.invalidArgumentType): "22N01"  // invalid type
        case .argument(.invalidArgumentValue): "22N11"  // invalid argument
        case .argument(.numberOutOfRange): "22003"  // numeric value out of range
        case .entityNotFound(.deletedEntityAccess): "25N13"  // cannot access entity after removal
        case .constraintVerificationFailed(.deleteConnectedNode): "G1001"  // edges still exist
        case .parameterMissing(.missingParameter): "42N51"  // invalid parameter
        case .procedure(.procedureNotFound): "42N08"  // no such procedure
        case .procedure(.procedureCallFailed): "52N37"  // procedure execution error
        case .procedure(.invalidArgument): "52N16"  // invalid procedure argument list
        case .procedure(.invalidOption): "52N22"  // invalid procedure argument
        case .arithmetic(.divisionByZero): "22012"  // division by zero
        case .arithmetic(.integerOverflow): "22003"  // numeric value out of range
        case .resourceLimit(.memoryBudgetExceeded): "51N73"  // transaction memory limit reached
        case .resourceLimit(.nestedTooDeeply): "51N37"  // stack overflow
        case .resourceLimit: nil
        case .cancelled: nil
        case .readOnly: "42N02"  // writing in read access mode
        }
    }
}

extension QueryError.Kind.SyntaxDetail {
    /// The GQLSTATUS code of the syntax error (see ``QueryError/Kind/gqlStatus``).
    var gqlStatus: String {
        switch self {
        case .ambiguousAggregationExpression: "42I18"  // invalid reference to implicitly grouped expressions
        case .columnNameConflict: "42N38"  // duplicate return item name
        case .creatingVarLength: "42I41"  // invalid use of variable length relationship
        case .differentColumnsInUnion: "42N39"  // incompatible return column names
        case .floatingPointOverflow, .integerOverflow: "22003"  // numeric value out of range
        case .invalidAggregation: "42I24"  // invalid use of aggregate function
        case .invalidArgumentType: "22NB1"  // type mismatch
        case .invalidDelete: "42I26"  // invalid DELETE
        case .invalidImportingWith: "42I28"  // invalid use of importing WITH
        case .invalidNumberLiteral: "42I07"  // invalid integer literal
        case .invalidNumberOfArguments: "42I13"  // invalid number of procedure or function arguments
        case .invalidParameterUse: "42N32"  // invalid use of parameter map
        case .invalidTypeUnion: "42N63"  // inner type with different nullability
        case .negativeIntegerArgument: "22N02"  // specified negative numeric value
        case .nestedAggregation: "22N34"  // invalid use of aggregate function
        case .noExpressionAlias: "42N21"  // unaliased return item
        case .noSingleRelationshipType: "42I14"  // invalid number of relationship types
        case .noVariablesInScope: "42I37"  // invalid use of RETURN *
        case .relationshipUniquenessViolation: "42N68"  // duplicate variable definition
        case .requiresDirectedRelationship: "42I56"  // invalid relationship direction
        case .undefinedVariable: "42N62"  // variable not defined
        case .unknownFunction: "42N48"  // no such function
        case .unknownProcedureOutput: "42N50"  // procedure return column not defined
        case .variableAlreadyBound: "42N59"  // variable already defined
        case .invalidArgumentPassingMode, .invalidClauseComposition, .invalidLabelExpression, .invalidQuantifier,
             .invalidRelationshipPattern, .invalidUnicodeCharacter, .invalidUnicodeLiteral,
             .nonConstantExpression, .unexpectedSyntax, .variableTypeConflict:
            "42001"  // invalid syntax
        }
    }
}
