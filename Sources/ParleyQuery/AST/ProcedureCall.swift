import ParleyGraph
import ParleyValues

/// A `CALL name(args) [YIELD ...] [WHERE ...]` clause as written.
struct ProcedureCall: Sendable {
    /// One `output [AS alias]` item of YIELD.
    struct YieldItem: Sendable {
        var output: String
        var alias: String
        var range: SourceRange
    }

    /// The qualified procedure name (`db.labels`).
    var name: String
    var nameRange: SourceRange
    /// The arguments; nil when called without parentheses (implicit arguments from parameters).
    var arguments: [Expression]?
    /// `YIELD *`.
    var yieldStar: Bool
    /// The YIELD items; nil without YIELD.
    var yields: [YieldItem]?
    /// `YIELD ... WHERE predicate`.
    var predicate: Expression?
    /// The whole clause.
    var range: SourceRange
}
