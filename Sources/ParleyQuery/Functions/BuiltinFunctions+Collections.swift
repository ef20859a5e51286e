import ParleyGraph
import ParleyValues

extension BuiltinFunctions {
    /// The Cypher 25 list functions `coll.distinct`, `coll.flatten`, `coll.indexOf`,
    /// `coll.insert`, `coll.max`, `coll.min`, `coll.remove`, `coll.sort`.
    ///
    /// A `null` list gives `null`; a first argument that is not a list is
    /// `TypeError: InvalidArgumentValue`; an index outside the list is
    /// `ArgumentError: NumberOutOfRange`. Equality is Cypher's equivalence (as `DISTINCT`
    /// uses: `null` equals `null`, `1` equals `1.0`), and ordering is ORDER BY's.
    enum Collections {
        /// Applies `function` to arguments whose first one is not null.
        static func call(_ function: Function, _ args: [Value]) throws(QueryError) -> Value {
            let name = function.rawValue
            guard case .list(let items) = args[0] else { throw FunctionError.argumentValue(name, args[0], expected: "a LIST") }
            switch function {
            case .collDistinct:
                var seen = Set<Value>()
                return .list(items.filter { seen.insert($0).inserted })
            case .collFlatten:
                var depth = 1
                if args.count > 1 {
                    if args[1].isNull { return .null }
                    depth = try index(args[1], name, what: "depth")
                }
                return .list(flatten(items, depth: depth))
            case .collIndexOf:
                if args[1].isNull { return .null }
                return .int(Int64(items.firstIndex(of: args[1]) ?? -1))
            case .collInsert:
                if args[1].isNull { return .null }
                let at = try index(args[1], name, what: "index")
                guard at <= items.count else { throw outside(name, at, items.count, inclusive: true) }
                var out = items
                out.insert(args[2], at: at)
                return .list(out)
            case .collRemove:
                if args[1].isNull { return .null }
                let at = try index(args[1], name, what: "index")
                guard at < items.count else { throw outside(name, at, items.count, inclusive: false) }
                var out = items
                out.remove(at: at)
                return .list(out)
            case .collMax, .collMin:
                var best: Value = .null
                for x in items where !x.isNull {
                    let c = best.isNull ? 0 : x.orderCompare(best)
                    if best.isNull || (function == .collMax ? c > 0 : c < 0) { best = x }
                }
                return best
            case .collSort:
                return .list(items.enumerated().sorted { a, b in
                    let c = a.element.orderCompare(b.element)
                    return c != 0 ? c < 0 : a.offset < b.offset
                }.map(\.element))
            default:
                return .null
            }
        }

        /// `items` with nested lists spliced in, `depth` levels deep.
        static func flatten(_ items: [Value], depth: Int) -> [Value] {
            guard depth > 0 else { return items }
            var out: [Value] = []
            for item in items {
                if case .list(let inner) = item { out += flatten(inner, depth: depth - 1) } else { out.append(item) }
            }
            return out
        }

        /// A non-negative integer argument.
        static func index(_ v: Value, _ name: String, what: String) throws(QueryError) -> Int {
            guard case .int(let i) = v else { throw FunctionError.argumentValue(name, v, expected: "an INTEGER \(what)") }
            if i < 0 { throw FunctionError.outOfRange("\(name)() \(what) must not be negative, but got \(i)") }
            return Int(clamping: i)
        }

        /// The error for an index past the end of a list of `count` elements.
        static func outside(_ name: String, _ at: Int, _ count: Int, inclusive: Bool) -> QueryError {
            let bound = inclusive ? "at most the list's size \(count)" : "less than the list's size \(count)"
            return FunctionError.outOfRange("\(name)() index must be \(bound), but got \(at)")
        }
    }
}
