import ParleyGraph
import ParleyValues

extension BuiltinFunctions {
    /// Functions on nodes, relationships and paths: `id`, `labels`, `type`, `keys`,
    /// `properties`, `startNode`, `endNode`, `nodes`, `relationships`, `length`.
    enum Graph {
        /// Applies `function` to a non-null argument.
        static func call(_ function: Function, _ x: Value, _ graph: GraphStore) throws(QueryError) -> Value {
            let name = function.rawValue
            switch function {
            case .id:
                switch x {
                case .node(let n): return .int(Int64(n))
                case .relationship(let r): return .int(Int64(r))
                default: throw FunctionError.argumentValue(name, x, expected: "a NODE or RELATIONSHIP")
                }
            case .elementId:
                switch x {
                case .node(let n): return .string("n\(n)")
                case .relationship(let r): return .string("r\(r)")
                default: throw FunctionError.argumentValue(name, x, expected: "a NODE or RELATIONSHIP")
                }
            case .labels:
                guard case .node(let n) = x else { throw FunctionError.argumentValue(name, x, expected: "a NODE") }
                guard graph.contains(node: n) else { throw deleted("node", n) }
                return .list(graph.labels(of: n).map { .string($0) })
            case .type:
                guard case .relationship(let r) = x else { throw FunctionError.argumentValue(name, x, expected: "a RELATIONSHIP") }
                // A deleted relationship keeps its type (the TCK returns type(r) after DELETE r).
                guard r >= 0, r < graph.relationshipCapacity else { throw deleted("relationship", r) }
                return .string(graph.type(of: r))
            case .keys:
                switch x {
                case .node(let n):
                    guard graph.contains(node: n) else { throw deleted("node", n) }
                    return .list(graph.propertyPairs(of: n).map { .string(graph.keys.name($0.key)) })
                case .relationship(let r):
                    guard graph.contains(relationship: r) else { throw deleted("relationship", r) }
                    return .list(graph.propertyPairs(ofRelationship: r).map { .string(graph.keys.name($0.key)) })
                case .map(let m):
                    return .list(m.keys.sorted { Value.string($0).orderCompare(.string($1)) < 0 }.map { .string($0) })
                default: throw FunctionError.argumentValue(name, x, expected: "a NODE, RELATIONSHIP or MAP")
                }
            case .properties:
                switch x {
                case .node(let n):
                    guard graph.contains(node: n) else { throw deleted("node", n) }
                    return .map(graph.properties(of: n))
                case .relationship(let r):
                    guard graph.contains(relationship: r) else { throw deleted("relationship", r) }
                    return .map(graph.properties(ofRelationship: r))
                case .map: return x
                default: throw FunctionError.argumentValue(name, x, expected: "a NODE, RELATIONSHIP or MAP")
                }
            case .startNode, .endNode:
                guard case .relationship(let r) = x else { throw FunctionError.argumentValue(name, x, expected: "a RELATIONSHIP") }
                guard r >= 0, r < graph.relationshipCapacity else { throw deleted("relationship", r) }
                return .node(function == .startNode ? graph.startNode(of: r) : graph.endNode(of: r))
            case .nodes:
                guard case .path(let p) = x else { throw FunctionError.argumentValue(name, x, expected: "a PATH") }
                return .list(p.nodes.map { .node($0) })
            case .relationships:
                guard case .path(let p) = x else { throw FunctionError.argumentValue(name, x, expected: "a PATH") }
                return .list(p.relationships.map { .relationship($0) })
            case .length:
                guard case .path(let p) = x else {
                    var error = FunctionError.argumentValue(name, x, expected: "a PATH")
                    if case .string = x { error.hint = "use size() for the length of a string" }
                    if case .list = x { error.hint = "use size() for the length of a list" }
                    throw error
                }
                return .int(Int64(p.relationships.count))
            default:
                return .null
            }
        }

        /// The error for reading a deleted node or relationship.
        static func deleted(_ kind: String, _ id: Int) -> QueryError {
            QueryError(.runtime, .entityNotFound(.deletedEntityAccess),
                       "The \(kind) with internal id \(id) has been deleted")
        }
    }
}
