import ParleyGraph
import ParleyValues

/// `n.key` on a node slot, recognised once at plan time so a row loop reads the property
/// column directly instead of walking (and retaining) the expression tree for every row.
struct NodePropertyRead {
    let slot: Int
    let key: Int32

    /// A read of `key` on the node in `slot`.
    init(slot: Int, key: Int32) {
        self.slot = slot
        self.key = key
    }

    /// The read `e` performs, if it is `variable.key` with a known key.
    init?(_ e: BoundExpression) {
        guard case .property(.slot(let s), _, let key?) = e else { return nil }
        slot = s
        self.key = key
    }

    /// The property, or nil when the slot holds no live node (the caller then evaluates the
    /// expression in full, which raises the right error or yields null).
    @inline(__always) func read(_ ctx: ExecutionContext) -> Value? {
        guard case .node(let n) = ctx.row[slot] else { return nil }
        return ctx.liveNodeProperty(n, key)
    }
}

/// `n.key <op> constant` on a node slot (the most common WHERE predicate), recognised once.
struct NodePropertyComparison {
    let read: NodePropertyRead
    let op: Expression.BinaryOp
    let constant: Value

    /// `read <op> constant`.
    init(read: NodePropertyRead, op: Expression.BinaryOp, constant: Value) {
        self.read = read
        self.op = op
        self.constant = constant
    }

    /// The comparison `e` performs, if it has that shape.
    init?(_ e: BoundExpression) {
        guard case .compare(let op, let a, .constant(let c)) = e, let read = NodePropertyRead(a) else { return nil }
        self.read = read
        self.op = op
        constant = c
    }

    /// Whether the predicate holds (true) or is false or null (false); nil when the caller
    /// must evaluate it in full.
    @inline(__always) func holds(_ ctx: ExecutionContext) -> Bool? {
        guard case .node(let n) = ctx.row[read.slot] else { return nil }
        return holds(ctx, node: n)
    }

    /// Whether the predicate holds for node `n` bound to the slot; nil when the caller must
    /// evaluate it in full.
    @inline(__always) func holds(_ ctx: ExecutionContext, node n: Int) -> Bool? {
        if op != .eq && op != .ne, case .string(let t) = constant, let h = ctx.nodeStringOrderingHolds(n, read.key, op, t) {
            return h
        }
        guard let v = ctx.liveNodeProperty(n, read.key) else { return nil }
        if op != .eq && op != .ne, case .string(let s) = v, case .string(let t) = constant {
            let c = ExecutionContext.compareUTF8(s, t)
            switch op {
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        }
        return ctx.compare(op, v, constant) == .bool(true)
    }
}
