/// How deeply lists and maps nest inside a value, and the bound a query keeps them under.
///
/// Comparing, hashing, printing and freeing a value recurse once per level of nesting, so a query
/// that wraps a list in a list a million times (`reduce(acc = [], i IN range(1, 1000000) | [acc])`)
/// would overflow the stack in any of them. The engine refuses to build a value deeper than
/// ``Value/maxNesting``, which keeps every such walk short.
extension Value {
    /// The deepest nesting of lists and maps a query may build.
    public static let maxNesting = 1_000

    /// The levels of lists and maps in this value: 0 for a scalar, 1 for `[1, 2]` or `{a: 1}`,
    /// 2 for `[[1]]`.
    public var nesting: Int {
        switch self {
        case .list(let items): return 1 + Value.deepest(items)
        case .map(let entries): return 1 + Value.deepest(entries.values)
        default: return 0
        }
    }

    /// The nesting of the deepest element of `items` (0 when none is a list or map).
    public static func deepest<C: Collection>(_ items: C) -> Int where C.Element == Value {
        var deepest = 0
        for item in items {
            switch item {
            case .list, .map: deepest = max(deepest, item.nesting)
            default: continue
            }
        }
        return deepest
    }
}
