import ParleyGraph

/// The state of one aggregate (`count`, `collect`, `sum`, `avg`, `min`, `max`, ...) over a group.
struct Aggregator {
    /// Whether `name` (lowercased) is an aggregate function.
    static func isAggregate(_ name: String) -> Bool { false }

    /// Creates the state for aggregate `name` (lowercased); `distinct` drops repeated inputs.
    /// `count(*)` is `name == "count"` with `star == true`.
    init(name: String, distinct: Bool, star: Bool = false) {}

    /// Adds one row's evaluated arguments (one value; two for percentileDisc/Cont).
    mutating func add(_ args: [Value]) throws(QueryError) {}

    /// The aggregate's value over everything added.
    func result() throws(QueryError) -> Value { .null }
}
