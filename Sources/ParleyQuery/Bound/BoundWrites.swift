import ParleyGraph
import ParleyValues

/// A node CREATE makes (or, with `create == false`, an already-bound node it connects).
struct CreateNodeSpec {
    var slot: Int
    var create: Bool
    var labels: [String]
    var properties: PropertySource
}

/// A relationship CREATE makes.
struct CreateRelSpec {
    var slot: Int
    var type: String
    var from: Int
    var to: Int
    var properties: PropertySource
}

/// Where the properties of a created element come from.
enum PropertySource {
    case entries([(key: String, value: BoundExpression)])
    case map(BoundExpression)
}

/// A CREATE of one or more patterns, executed once per input row.
struct CreateAction {
    var nodes: [CreateNodeSpec]
    var rels: [CreateRelSpec]
    var paths: [(slot: Int, expression: BoundExpression)]
}

/// One SET or REMOVE item, ready to apply.
enum SetAction {
    case property(target: BoundExpression, key: String, value: BoundExpression?)
    case replaceProperties(target: BoundExpression, value: BoundExpression, merge: Bool)
    case labels(target: BoundExpression, labels: [String], add: Bool)
}
