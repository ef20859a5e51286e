import ParleyGraph
import ParleyValues

extension BuiltinFunctions {
    /// `validAt(x, day)` and `validBetween(x, from, to)`: whether a node or relationship holds
    /// on a day, or at some day of `[from, to)`, by the graph's validity rule (docs/time.md).
    enum Time {
        /// Applies `function`; the first argument is not null.
        static func call(_ function: Function, _ args: [Value], _ graph: GraphStore) throws(QueryError) -> Value {
            let name = function.rawValue
            if args.dropFirst().contains(where: \.isNull) { return .null }
            let window: ValidPeriod
            if function == .validAt {
                window = try days(args[1], name)
            } else {
                let from = try days(args[1], name), to = try days(args[2], name)
                window = ValidPeriod(start: from.start, end: to.start)
            }
            let period: ValidPeriod?
            switch args[0] {
            case .node(let n):
                guard graph.contains(node: n) else { throw deleted("node", n) }
                period = graph.validPeriod(ofNode: n)
            case .relationship(let r):
                guard graph.contains(relationship: r) else { throw deleted("relationship", r) }
                period = graph.validPeriod(ofRelationship: r)
            default:
                throw FunctionError.argumentValue(name, args[0], expected: "a NODE or RELATIONSHIP")
            }
            guard let period else {
                let rule = graph.validity
                throw QueryError(.runtime, .argument(.invalidArgumentValue),
                                 "\(name)(): the element's \(rule.date), \(rule.from) or \(rule.to) is not a date (expected a DATE, a date-time, or text YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            return .bool(period.overlaps(window))
        }

        /// The days a DATE, date-time or `YYYY[-MM[-DD]]` string argument covers.
        static func days(_ value: Value, _ name: String) throws(QueryError) -> ValidPeriod {
            if case .string(let s) = value, ValidPeriod.days(parsing: s) == nil {
                throw QueryError(.runtime, .argument(.invalidArgumentValue),
                                 "\(name)() expects a day as a DATE or as text YYYY-MM-DD, YYYY-MM or YYYY, but got '\(s)'")
            }
            guard let days = ValidPeriod.days(of: value) else {
                throw FunctionError.argumentValue(name, value, expected: "a DATE, a date-time or text YYYY-MM-DD")
            }
            return days
        }

        static func deleted(_ what: String, _ id: Int) -> QueryError {
            QueryError(.runtime, .entityNotFound(.deletedEntityAccess), "The \(what) was deleted in this query")
        }
    }
}
