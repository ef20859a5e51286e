import ParleyGraph
import ParleyValues

/// What one step of a ``LogicalPlan`` does. Labels, types, keys and procedures are named,
/// not interned: the physical planner resolves them against the graph.
enum LogicalOperation {
    /// The single starting row of a pipeline or sub-plan.
    case argument
    /// Every node, or the nodes of `scanLabel`, that also carry `otherLabels`.
    case nodeScan(slot: Int, scanLabel: String?, otherLabels: [String], text: String)
    /// The nodes whose indexed `key` equals `value`.
    case indexSeek(slot: Int, key: String, value: BoundExpression, labels: [String], text: String)
    /// Checks that an already-bound node carries `labels`.
    case boundNode(slot: Int, labels: [String], text: String)
    case expand(Expansion)
    case varExpand(VariableExpansion)
    /// `(b)-[r1]-(c)-[r2]-(a)` with `a` and `b` bound: the common neighbours `c`.
    case expandIntersect(Intersection)
    case shortestPath(ShortestPathSearch)
    /// A quantified path pattern from a bound node.
    case quantifiedExpand(QuantifiedExpansion)
    /// A path selector: runs `inner` (the pattern) per row, then keeps, per pair of end
    /// nodes, the paths the selector chooses.
    case selectPaths(inner: LogicalPlan, PathSelection)
    /// Node triangles ordered by a property, each once (a worst-case-optimal join).
    case triangles(TriangleJoin)
    case filter(BoundPredicate)
    case project(items: [(slot: Int, expression: BoundExpression)], ranges: [SourceRange?], text: String)
    case unwind(expression: BoundExpression, slot: Int, text: String)
    case aggregate(Aggregation)
    /// DISTINCT over `slots`; with a waiver, rows pass unchecked when the triangle join below
    /// runs its join and the waiver's key is uniquely indexed (its rows are then distinct).
    case distinct(slots: [Int], waiver: DistinctWaiver?)
    /// ORDER BY; with `limit`, only the first `limit` rows are kept (top-k).
    case sort(keys: [(expression: BoundExpression, ascending: Bool, nullsFirst: Bool)], keyRanges: [SourceRange], limit: Int?, text: String)
    case skip(Int)
    /// LIMIT; `drain` pulls the rest of the input after the limit (writes before it complete).
    case limit(Int, drain: Bool)
    /// Materialises every input row before passing one on.
    case eager
    /// OPTIONAL MATCH: runs `inner` per row; without a match, the row once with `nullSlots` null.
    case optional(inner: LogicalPlan, nullSlots: [Int])
    case create(CreateAction, text: String)
    case merge(inner: LogicalPlan, create: CreateAction, onMatch: [SetAction], onCreate: [SetAction], text: String)
    /// SET (`name` "SetProperties") or REMOVE (`name` "Remove").
    case update([SetAction], name: String)
    case delete([BoundExpression], detach: Bool, text: String)
    case procedureCall(BoundCall)
    /// FOREACH: runs `body` once per element of the list (in `slot`), then passes the row on.
    case foreach(list: BoundExpression, slot: Int, body: LogicalPlan, listRange: SourceRange?, text: String)
    /// `[OPTIONAL] CALL { ... }`: runs `inner` per row. A unit subquery passes each row on once;
    /// otherwise each row comes out once per inner row (OPTIONAL: once with `nullSlots` null
    /// when there is none).
    case subqueryCall(inner: LogicalPlan, nullSlots: [Int], unit: Bool, optional: Bool, text: String)
    /// UNION [ALL] inside a subquery: per row, the rows of each part in turn, their columns
    /// (`partSlots[i]`) copied to `columnSlots`; `distinct` drops a row seen before for that row.
    case union(parts: [LogicalPlan], partSlots: [[Int]], columnSlots: [Int], distinct: Bool)

    /// One relationship from a bound node.
    struct Expansion {
        var from: Int
        var rel: Int
        var to: Int
        var direction: Direction
        /// Allowed types (empty: any).
        var types: [String]
        var toLabels: [String]
        /// The target is already bound: only relationships reaching it qualify.
        var into: Bool
        /// The relationship is already bound (by an earlier clause).
        var relBound: Bool
        /// Single relationships and relationship lists bound earlier in this MATCH.
        var uniqueRels: [Int]
        var uniqueLists: [Int]
        var text: String

        /// Whether it only multiplies rows by a degree: the target is new and unconstrained,
        /// the relationship new and not checked against others.
        var isPlain: Bool {
            !into && !relBound && toLabels.isEmpty && uniqueRels.isEmpty && uniqueLists.isEmpty
        }
    }

    /// A variable-length relationship.
    struct VariableExpansion {
        var from: Int
        var rel: Int
        var to: Int
        var direction: Direction
        var types: [String]
        var toLabels: [String]
        var minLength: Int
        var maxLength: Int
        var into: Bool
        var uniqueRels: [Int]
        var uniqueLists: [Int]
        var relProperties: [(key: String, value: BoundExpression)]
        /// The walk runs from the pattern's right end (its relationship list is reversed).
        var reverseOutput: Bool
        var text: String
        /// `p = (a)-[*]-(b)`: the walk binds the path itself.
        var pathSlot: Int? = nil
        var pathName = ""
    }

    /// Two relationships meeting at a new node between two bound ones.
    struct Intersection {
        var b: Int, r1: Int, c: Int, r2: Int, a: Int
        var directionFromB: Direction
        var directionFromA: Direction
        var typesB: [String]
        var typesA: [String]
        var cLabels: [String]
        var uniqueRels: [Int]
        var uniqueLists: [Int]
        var text: String
    }

    /// `shortestPath` / `allShortestPaths` between two bound nodes.
    struct ShortestPathSearch {
        var from: Int, to: Int, rel: Int
        var path: Int?
        var direction: Direction
        var types: [String]
        var minLength: Int
        var maxLength: Int
        var all: Bool
        var relProperties: [(key: String, value: BoundExpression)]
        var singleRelationship: Bool
        var text: String
        /// A path selector's search: when both ends are the same node, it looks for the
        /// shortest closed walks (the function forms find nothing then).
        var closedWalks = false
    }

    /// One quantified path pattern, walked from `from` (its right end when `reverseOutput`).
    struct QuantifiedExpansion {
        var from: Int, to: Int
        var into: Bool
        var toLabels: [String]
        /// The list of every relationship walked.
        var relsSlot: Int
        /// Inner node slots in walk order, with the labels each must carry.
        var nodes: [Int]
        var nodeLabels: [[String]]
        /// Inner hops in walk order.
        var hops: [(rel: Int, direction: Direction, types: [String])]
        var predicates: [BoundExpression]
        var minCount: Int
        var maxCount: Int
        var groupSlots: [(inner: Int, outer: Int)]
        var uniqueRels: [Int]
        var uniqueLists: [Int]
        var reverseOutput: Bool
        var text: String
    }

    /// A path selector over the rows of one path pattern.
    struct PathSelection {
        var selector: PathSelector.Kind
        /// The slots of the path's end nodes (the partition) and of the path.
        var start: Int, end: Int, path: Int
        var text: String
    }

    /// Hash aggregation.
    struct Aggregation {
        var keys: [(slot: Int, expression: BoundExpression)]
        var aggregates: [AggregateSpec]
        /// Counts the rows of the expansion it replaced from node degrees.
        var degree: (from: Int, direction: Direction, types: [String])?
        /// Counts the rows of its input expansion in batch, without producing them.
        var ofExpansion: Bool
        var text: String
        /// Set when a top-N sort on the degree count, descending, follows (`ORDER BY d DESC
        /// LIMIT n`): only groups that can be among its first `n` rows need be produced.
        var topByCount: Int? = nil
    }

    /// `(a)-(b)-(c)-(a)` with `x.key < y.key < z.key` over its three nodes, when only the
    /// nodes matter afterwards (a DISTINCT of node items follows): every triangle of
    /// distinct nodes once, found by intersecting neighbour lists sorted by the key's order,
    /// never building a row per relationship.
    struct TriangleJoin {
        /// The slots of a, b and c.
        var nodes: [Int]
        /// The labels each node must carry.
        var labels: [[String]]
        /// The three relationships: between nodes[from] and nodes[to], direction seen from `from`.
        var edges: [(from: Int, to: Int, direction: Direction, types: [String])]
        /// The node indexes in increasing key order.
        var order: [Int]
        var key: String
        var text: String
        /// The steps it replaces (over an Argument), run instead when the key's values are not
        /// all strings or all integers.
        var fallback: LogicalPlan
    }

    /// Why a DISTINCT after a ``TriangleJoin`` may let rows through unchecked: its columns are
    /// the triangle's nodes or their `key` values and cover all three nodes, so distinct node
    /// triangles give distinct rows once no two nodes share a `key` value.
    struct DistinctWaiver {
        /// The property the columns read (nil when they are the nodes themselves).
        var key: String?
    }
}
