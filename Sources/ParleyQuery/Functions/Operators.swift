import ParleyGraph

/// The arithmetic and string operators on values: `+ - * / % ^` and unary minus, with
/// Cypher's rules (integer overflow is an error, `null` propagates, `+` concatenates strings
/// and lists).
enum Operators {
    static func add(_ a: Value, _ b: Value) throws(QueryError) -> Value { .null }
    static func subtract(_ a: Value, _ b: Value) throws(QueryError) -> Value { .null }
    static func multiply(_ a: Value, _ b: Value) throws(QueryError) -> Value { .null }
    static func divide(_ a: Value, _ b: Value) throws(QueryError) -> Value { .null }
    static func modulo(_ a: Value, _ b: Value) throws(QueryError) -> Value { .null }
    static func power(_ a: Value, _ b: Value) throws(QueryError) -> Value { .null }
    static func negate(_ a: Value) throws(QueryError) -> Value { .null }
}
