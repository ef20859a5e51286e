/// One node property of every node of a label, in node order.
enum SyntheticColumn: Sendable {
    case text([String])
    case integer([Int])
}
