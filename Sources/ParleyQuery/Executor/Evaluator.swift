import Foundation
import ParleyGraph
import ParleyValues

/// Evaluation of bound expressions against the current row.
extension ExecutionContext {
    /// Evaluates `e` on the current row.
    func eval(_ e: BoundExpression) throws(QueryError) -> Value {
        guard StackGuard.hasRoom(below: stackLimit) else { throw QueryError.evaluationTooDeep }
        switch e {
        case .constant(let v): return v
        case .slot(let i): return row[i]
        case .property(let base, let name, let key):
            if case .slot(let s) = base, case .node(let n) = row[s], let key, let v = liveNodeProperty(n, key) {
                return v
            }
            return try property(of: try eval(base), name: name, key: key)
        case .index(let base, let index): return try subscriptValue(try eval(base), try eval(index))
        case .slice(let base, let lo, let hi):
            return try slice(try eval(base), lo.map { (x) throws(QueryError) in try eval(x) }, hi.map { (x) throws(QueryError) in try eval(x) })
        case .hasLabels(let base, let names):
            switch try eval(base) {
            case .null: return .null
            case .relationship(let r):
                return .bool(names.allSatisfy { $0 == graph.type(of: r) })
            case .node(let n):
                guard graph.contains(node: n) else { return .bool(false) }
                // No names: the label expression `%`, any label at all.
                if names.isEmpty { return .bool(!graph.labelIDs(of: n).isEmpty) }
                for name in names {
                    guard let id = graph.labels.id(of: name), graph.hasLabel(n, id) else { return .bool(false) }
                }
                return .bool(true)
            case let v: throw RuntimeError.type(.invalidArgumentType, "Expected a node for a label check but got \(v.typeName)")
            }
        case .not(let a):
            switch try eval(a) {
            case .null: return .null
            case .bool(let b): return .bool(!b)
            case let v: throw RuntimeError.type(.invalidArgumentType, "NOT expects a boolean but got \(v.typeName)")
            }
        case .and(let a, let b):
            let x = try truth(try eval(a), "AND")
            if x == false { return .bool(false) }
            let y = try truth(try eval(b), "AND")
            if y == false { return .bool(false) }
            if x == nil || y == nil { return .null }
            return .bool(true)
        case .or(let a, let b):
            let x = try truth(try eval(a), "OR")
            if x == true { return .bool(true) }
            let y = try truth(try eval(b), "OR")
            if y == true { return .bool(true) }
            if x == nil || y == nil { return .null }
            return .bool(false)
        case .xor(let a, let b):
            guard let x = try truth(try eval(a), "XOR"), let y = try truth(try eval(b), "XOR") else { return .null }
            return .bool(x != y)
        case .compare(let op, let a, let b):
            // `n.key <op> constant`, the most common predicate: no recursive evaluation.
            if case .property(.slot(let s), _, let key?) = a, case .constant(let c) = b, case .node(let n) = row[s],
               let v = liveNodeProperty(n, key) {
                return compare(op, v, c)
            }
            return compare(op, try eval(a), try eval(b))
        case .arithmetic(let op, let a, let b, let range):
            let x = try eval(a), y = try eval(b)
            do {
                switch op {
                case .add: return try Operators.add(x, y)
                case .sub: return try Operators.subtract(x, y)
                case .mul: return try Operators.multiply(x, y)
                case .div: return try Operators.divide(x, y)
                case .mod: return try Operators.modulo(x, y)
                default: return try Operators.power(x, y)
                }
            } catch {
                var located = error
                if located.range == nil { located.range = range }
                throw located
            }
        case .negate(let a): return try Operators.negate(try eval(a))
        case .unaryPlus(let a):
            let v = try eval(a)
            switch v {
            case .int, .double, .null: return v
            default: throw RuntimeError.type(.invalidArgumentType, "Unary + expects a number but got \(v.typeName)")
            }
        case .stringPredicate(let op, let a, let b):
            guard case .string(let s) = try eval(a), case .string(let t) = try eval(b) else { return .null }
            switch op {
            case .startsWith: return .bool(s.hasPrefix(t))
            case .endsWith: return .bool(s.hasSuffix(t))
            default: return .bool(t.isEmpty || s.contains(t))
            }
        case .inList(let a, let b):
            return try inList(try eval(a), try eval(b))
        case .regex(let a, let b, let site):
            guard case .string(let s) = try eval(a), case .string(let p) = try eval(b) else { return .null }
            return .bool(try regexMatches(s, p, site))
        case .isNull(let a, let negated):
            return .bool(try eval(a).isNull != negated)
        case .typePredicate(let a, let type, let negated):
            return .bool(type.contains(try eval(a)) != negated)
        case .function(let name, let args, let range):
            var values: [Value] = []
            values.reserveCapacity(args.count)
            for a in args { values.append(try eval(a)) }
            do {
                return try BuiltinFunctions.call(name, values, graph: graph)
            } catch {
                var err = error
                if err.range == nil { err.range = range }
                throw err
            }
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for i in items { out.append(try eval(i)) }
            return try nestable(.list(out))
        case .map(let entries):
            var out: [String: Value] = [:]
            for (k, v) in entries { out[k] = try eval(v) }
            return try nestable(.map(out))
        case .simpleCase(let subject, let whens, let otherwise):
            let s = try eval(subject)
            for (w, t) in whens where s.cypherEquals(try eval(w)) == true { return try eval(t) }
            return try otherwise.map { (x) throws(QueryError) in try eval(x) } ?? .null
        case .genericCase(let whens, let otherwise):
            for (w, t) in whens where try eval(w) == .bool(true) { return try eval(t) }
            return try otherwise.map { (x) throws(QueryError) in try eval(x) } ?? .null
        case .listComprehension(let slot, let source, let predicate, let projection):
            guard case .list(let items) = try listOrNull(try eval(source)) else { return .null }
            var out: [Value] = []
            for item in items {
                try tick()  // nested comprehensions multiply: `[x IN l | [y IN l | …]]` must stay cancellable
                row[slot] = item
                if let predicate, try eval(predicate) != .bool(true) { continue }
                out.append(try projection.map { (x) throws(QueryError) in try eval(x) } ?? item)
            }
            return try nestable(.list(out))
        case .quantifier(let q, let slot, let source, let predicate):
            guard case .list(let items) = try listOrNull(try eval(source)) else { return .null }
            var trues = 0, nulls = 0
            for item in items {
                try tick()
                row[slot] = item
                switch try truth(try eval(predicate), "a quantifier") {
                case true: trues += 1
                case nil: nulls += 1
                default: break
                }
            }
            let falses = items.count - trues - nulls
            switch q {
            case .all: return falses > 0 ? .bool(false) : (nulls > 0 ? .null : .bool(true))
            case .any: return trues > 0 ? .bool(true) : (nulls > 0 ? .null : .bool(false))
            case .none: return trues > 0 ? .bool(false) : (nulls > 0 ? .null : .bool(true))
            case .single: return trues > 1 ? .bool(false) : (nulls > 0 ? .null : .bool(trues == 1))
            }
        case .reduce(let acc, let initial, let slot, let source, let body):
            row[acc] = try eval(initial)
            guard case .list(let items) = try listOrNull(try eval(source)) else { return .null }
            for item in items {
                try tick()
                row[slot] = item
                row[acc] = try eval(body)
            }
            return row[acc]
        case .mapProjection(let base, let items):
            let b = try eval(base)
            if b.isNull { return .null }
            var out: [String: Value] = [:]
            for item in items {
                switch item {
                case .property(let k): out[k] = try property(of: b, name: k, key: nil)
                case .allProperties:
                    switch b {
                    case .node(let n): out.merge(graph.properties(of: n)) { _, new in new }
                    case .relationship(let r): out.merge(graph.properties(ofRelationship: r)) { _, new in new }
                    case .map(let m): out.merge(m) { _, new in new }
                    default: throw RuntimeError.type(.invalidArgumentType, "Map projection expects a node, relationship or map but got \(b.typeName)")
                    }
                case .entry(let k, let v): out[k] = try eval(v)
                }
            }
            return try nestable(.map(out))
        case .path(let start, let steps):
            return try buildPath(start, steps)
        case .patternComprehension(let reference, let projection):
            let root = try subplan(reference)
            let saved = row.snapshot()
            defer { row.load(saved) }
            try root.open(self)
            var out: [Value] = []
            while try root.pull(self) { out.append(try eval(projection)) }
            return try nestable(.list(out))
        case .exists(let reference):
            let root = try subplan(reference)
            let saved = row.snapshot()
            defer { row.load(saved) }
            try root.open(self)
            return .bool(try root.pull(self))
        case .countRows(let reference):
            let root = try subplan(reference)
            let saved = row.snapshot()
            defer { row.load(saved) }
            try root.open(self)
            var n = 0
            while try root.pull(self) { n += 1 }
            return .int(Int64(n))
        case .collectColumn(let reference, let slot):
            let root = try subplan(reference)
            let saved = row.snapshot()
            defer { row.load(saved) }
            try root.open(self)
            var out: [Value] = []
            while try root.pull(self) { out.append(row[slot]) }
            return try nestable(.list(out))
        }
    }

    /// `v`, a list or map just built, or an error if it nests deeper than ``Value/maxNesting``
    /// (every walk over values recurses once per level).
    func nestable(_ v: Value) throws(QueryError) -> Value {
        guard v.nesting > Value.maxNesting else { return v }
        throw QueryError.nestedTooDeeply
    }

    /// Three-valued truth of a value: `nil` for null; a non-boolean is a TypeError.
    @inline(__always) func truth(_ v: Value, _ context: String) throws(QueryError) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .null: return nil
        default: throw RuntimeError.type(.invalidArgumentType, "\(context) expects a boolean but got \(v.typeName)")
        }
    }

    /// Code-point order of two strings (UTF-8 byte order is code-point order).
    @inline(__always) static func compareUTF8(_ a: String, _ b: String) -> Int {
        // Native strings expose their bytes without a copy (no retain of either string).
        if let r = a.utf8.withContiguousStorageIfAvailable({ x in b.utf8.withContiguousStorageIfAvailable { y in compareBytes(x, y) } }), let r {
            return r
        }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in compareBytes(x, y) }
        }
    }

    /// Byte order of two UTF-8 buffers (-1, 0, 1).
    @inline(__always) static func compareBytes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        if n > 32, let px = x.baseAddress, let py = y.baseAddress {
            let c = memcmp(px, py, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        } else {
            // Short strings (the usual ids, dates, names): a plain loop beats a call.
            var i = 0
            while i < n {
                let p = x[i], q = y[i]
                if p != q { return p < q ? -1 : 1 }
                i += 1
            }
        }
        return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
    }

    /// Equivalence (`==` on values) with a byte-wise fast path for strings.
    @inline(__always) static func fastEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return compareUTF8(x, y) == 0
        case (.int(let x), .int(let y)): return x == y
        case (.node(let x), .node(let y)): return x == y
        default: return a == b
        }
    }

    /// ORDER BY comparison with fast paths for strings and integers.
    @inline(__always) static func orderCompare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): return compareUTF8(x, y)
        default: return a.orderCompare(b)
        }
    }

    /// `=`, `<>`, `<`, `<=`, `>`, `>=` with null meaning unknown.
    @inline(__always) func compare(_ op: Expression.BinaryOp, _ x: Value, _ y: Value) -> Value {
        if op != .eq && op != .ne {
            var c: Int?
            switch (x, y) {
            case (.string(let s), .string(let t)): c = ExecutionContext.compareUTF8(s, t)
            case (.int(let s), .int(let t)): c = s < t ? -1 : (s > t ? 1 : 0)
            default: c = nil
            }
            if let c {
                switch op {
                case .lt: return .bool(c < 0)
                case .le: return .bool(c <= 0)
                case .gt: return .bool(c > 0)
                default: return .bool(c >= 0)
                }
            }
        }
        switch op {
        case .eq: return x.cypherEquals(y).map { .bool($0) } ?? .null
        case .ne: return x.cypherEquals(y).map { .bool(!$0) } ?? .null
        default:
            guard let c = x.cypherCompare(y) else {
                switch (x, y) {
                case (.double(let d), .int), (.double(let d), .double), (.int, .double(let d)):
                    if d.isNaN { return .bool(false) }
                    if case .double(let e) = y, e.isNaN { return .bool(false) }
                    return .null
                default: return .null
                }
            }
            switch op {
            case .lt: return .bool(c < 0)
            case .le: return .bool(c <= 0)
            case .gt: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        }
    }

    private func listOrNull(_ v: Value) throws(QueryError) -> Value {
        switch v {
        case .list, .null: return v
        default: throw RuntimeError.type(.invalidArgumentType, "Expected a list but got \(v.typeName)")
        }
    }

    /// `x IN list` with null semantics.
    func inList(_ x: Value, _ l: Value) throws(QueryError) -> Value {
        switch l {
        case .null: return .null
        case .list(let items):
            var unknown = false
            for item in items {
                switch x.cypherEquals(item) {
                case .some(true): return .bool(true)
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? .null : .bool(false)
        default:
            throw RuntimeError.type(.invalidArgumentType, "IN expects a list on the right but got \(l.typeName)")
        }
    }

    /// Property `name` of a node, relationship or map.
    @inline(__always) func property(of v: Value, name: String, key: Int32?) throws(QueryError) -> Value {
        switch v {
        case .node(let n):
            guard let k = key ?? graph.keys.id(of: name) else { return .null }
            if n >= graph.nodeCapacity || !graph.contains(node: n) {
                throw QueryError(.runtime, .entityNotFound(.deletedEntityAccess), "Property '\(name)' of a deleted node")
            }
            return graph.property(of: n, k)
        case .relationship(let r):
            guard let k = key ?? graph.keys.id(of: name) else { return .null }
            if !graph.contains(relationship: r) {
                throw QueryError(.runtime, .entityNotFound(.deletedEntityAccess), "Property '\(name)' of a deleted relationship")
            }
            return graph.property(of: r, relationshipKey: k)
        case .map(let m): return m[name] ?? .null
        case .null: return .null
        case .temporal: return try TemporalFunctions.property(v, name) ?? .null
        default:
            throw RuntimeError.type(.invalidArgumentType, "Cannot read property '\(name)' of a \(v.typeName)")
        }
    }

    /// `base[index]` on lists (negative indices count from the end), maps and graph elements.
    func subscriptValue(_ base: Value, _ index: Value) throws(QueryError) -> Value {
        switch (base, index) {
        case (.null, _), (_, .null): return .null
        case (.list(let items), .int(let i)):
            let n = Int64(items.count)
            let j = i < 0 ? i + n : i
            return j >= 0 && j < n ? items[Int(j)] : .null
        case (.list, _):
            throw RuntimeError.type(.invalidArgumentType, "List index must be an integer but got \(index.typeName)")
        case (.map, .string(let k)), (.node, .string(let k)), (.relationship, .string(let k)):
            return try property(of: base, name: k, key: nil)
        case (.map, _), (.node, _), (.relationship, _):
            throw RuntimeError.type(.mapElementAccessByNonString, "Map key must be a string but got \(index.typeName)")
        default:
            throw RuntimeError.type(.invalidArgumentType, "Cannot index into a \(base.typeName)")
        }
    }

    /// `list[from..to]`.
    func slice(_ base: Value, _ lo: Value?, _ hi: Value?) throws(QueryError) -> Value {
        if base.isNull || lo?.isNull == true || hi?.isNull == true { return .null }
        guard case .list(let items) = base else {
            throw RuntimeError.type(.invalidArgumentType, "Cannot slice a \(base.typeName)")
        }
        let n = Int64(items.count)
        func bound(_ v: Value?, _ dflt: Int64) throws(QueryError) -> Int64 {
            guard let v else { return dflt }
            guard case .int(let i) = v else { throw RuntimeError.type(.invalidArgumentType, "Slice bounds must be integers but got \(v.typeName)") }
            let j = i < 0 ? i + n : i
            return min(max(j, 0), n)
        }
        let a = try bound(lo, 0), b = try bound(hi, n)
        return a < b ? .list(Array(items[Int(a)..<Int(b)])) : .list([])
    }

    /// Whether the whole of `s` matches `pattern` (Java-flavoured, see docs/language.md),
    /// compiled once per query; an invalid pattern is an error at `site`.
    func regexMatches(_ s: String, _ pattern: String, _ site: RegexSite) throws(QueryError) -> Bool {
        let program: RegexProgram
        if let cached = regexCache[pattern] {
            program = cached
        } else {
            do {
                program = try RegexProgram(pattern: pattern)
            } catch {
                throw RuntimeError.argument(.invalidArgumentValue, error.describe(pattern: pattern), site.range(of: error))
            }
            regexCache[pattern] = program
        }
        let states = RegexMatcher.stateCount(program, s.unicodeScalars.count)
        guard states <= RegexMatcher.maxStates else {
            throw QueryError(.runtime, .resourceLimit(.regexTooLarge),
                             "The regular expression is too large to match against a string of \(s.unicodeScalars.count) characters: \(states) states, more than the \(RegexMatcher.maxStates) a match may use",
                             at: site.range, hint: "match a shorter string, or simplify the pattern (large counted repetitions such as {0,5000} cost the most)")
        }
        var matcher = RegexMatcher(program, s, cancellation: cancellation)
        let matched = matcher.matches()
        if matcher.cancelled { try checkCancelled() }
        return matched
    }

    /// A path value from a start node slot and steps (variable-length steps hold lists).
    func buildPath(_ start: Int, _ steps: [BoundExpression.PathStep]) throws(QueryError) -> Value {
        guard case .node(let first) = row[start] else { return .null }
        // Sized first: a path from a deep variable-length walk holds no spare capacity.
        var total = 0
        for step in steps {
            switch row[step.relationshipSlot] {
            case .relationship: total += 1
            case .list(let items): total += items.count
            default: return .null
            }
        }
        var nodes: [NodeID] = [], rels: [RelID] = []
        nodes.reserveCapacity(total + 1)
        rels.reserveCapacity(total)
        nodes.append(first)
        var current = first
        for step in steps {
            let value = row[step.relationshipSlot]
            let single: [Value]
            if case .relationship = value { single = [value] } else { single = [] }
            let items: [Value]
            if case .list(let list) = value { items = list } else { items = single }
            for case .relationship(let r) in items {
                let s = graph.startNode(of: r), e = graph.endNode(of: r)
                current = s == current ? e : s
                rels.append(r)
                nodes.append(current)
            }
        }
        return .path(Path(nodes: nodes, relationships: rels))
    }
}
