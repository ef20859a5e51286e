/// The plan a server sends for `EXPLAIN` (the summary's `plan`) or `PROFILE` (`profile`, with
/// rows and database hits per operator), as indented text, root first, like Parley's own
/// EXPLAIN output:
///
/// ```
/// ProduceResults n  [rows=2, dbHits=0]
///   Filter n.name = $name  [rows=2, dbHits=4]
///     NodeByLabelScan n:Person  [rows=10, dbHits=11]
/// ```
///
/// Each operator map holds `operatorType` (Neo4j 5 appends `@neo4j`, which is dropped),
/// `arguments` (`Details`, `EstimatedRows`, and on the root `planner`, `runtime`),
/// `identifiers` and `children`; a profiled one also `rows`, `dbHits`, `pageCacheHits` and
/// `pageCacheMisses` (its `time` is left out).
public struct BoltPlan: Sendable, Equatable {
    /// The root operator map.
    public let root: BoltMap
    /// Whether the plan carries PROFILE's counters.
    public let isProfile: Bool

    /// The plan in a summary's metadata (or RUN's): `profile` before `plan`; nil without one.
    public init?(summary: BoltMap?, runMetadata: BoltMap = [:]) {
        for meta in [summary ?? [:], runMetadata] {
            if let profile = meta["profile"]?.mapValue {
                root = profile
                isProfile = true
                return
            }
            if let plan = meta["plan"]?.mapValue {
                root = plan
                isProfile = false
                return
            }
        }
        return nil
    }

    /// Plans deeper than this are not indented further (their lines carry the depth).
    static let maxIndent = 64

    /// The plan as lines of text, root first; a first line names the runtime and planner when
    /// the server gives them, a last one (PROFILE) the total database hits.
    public func render() -> String {
        var lines: [String] = []
        let arguments = root["arguments"]?.mapValue ?? [:]
        let header = [("runtime", "Runtime"), ("planner", "planner")].compactMap { key, name in
            arguments[key].flatMap(Self.text).map { "\(name) \($0)" }
        }
        if !header.isEmpty { lines.append(header.joined(separator: ", ")) }
        var totalHits: Int64 = 0
        // A stack of its own: a server's plan may be deep.
        var pending: [(BoltMap, Int)] = [(root, 0)]
        while let (op, depth) = pending.popLast() {
            lines.append(Self.indent(depth) + line(for: op))
            totalHits += op["dbHits"]?.intValue ?? 0
            let children = op["children"]?.listValue?.compactMap(\.mapValue) ?? []
            for child in children.reversed() { pending.append((child, depth + 1)) }
        }
        if isProfile { lines.append("Total database accesses: \(totalHits)") }
        return lines.joined(separator: "\n")
    }

    /// One operator: its name, what it works on, its estimate or (PROFILE) its counters.
    private func line(for op: BoltMap) -> String {
        var name = op["operatorType"]?.stringValue ?? "(operator)"
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        let arguments = op["arguments"]?.mapValue ?? [:]
        var text = name
        if let details = arguments["Details"].flatMap(Self.text), !details.isEmpty {
            text += " " + details
        } else if let identifiers = op["identifiers"]?.listValue?.compactMap(\.stringValue), !identifiers.isEmpty {
            text += " " + identifiers.joined(separator: ", ")
        }
        var counters: [String] = []
        if isProfile {
            for (key, label) in [("rows", "rows"), ("dbHits", "dbHits"), ("pageCacheHits", "pageCacheHits"), ("pageCacheMisses", "pageCacheMisses")] {
                if let n = op[key]?.intValue { counters.append("\(label)=\(n)") }
            }
        } else if let estimate = arguments["EstimatedRows"].flatMap(Self.number) {
            counters.append("estimated rows=\(estimate)")
        }
        if !counters.isEmpty { text += "  [" + counters.joined(separator: ", ") + "]" }
        return text
    }

    private static func indent(_ depth: Int) -> String {
        depth <= maxIndent ? String(repeating: "  ", count: depth) : String(repeating: "  ", count: maxIndent) + "(\(depth)) "
    }

    /// A string argument, or a number or boolean as text.
    private static func text(_ value: BoltValue) -> String? {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        default: return number(value)
        }
    }

    /// An integer, or a float rounded to two decimals (`12.5`, `3`).
    private static func number(_ value: BoltValue) -> String? {
        switch value {
        case .int(let i): return String(i)
        case .float(let d):
            guard d.isFinite else { return nil }
            let hundredths = (d * 100).rounded()
            if hundredths == (hundredths / 100).rounded() * 100, abs(d) < 1e15 { return String(Int64(d.rounded())) }
            return String(hundredths / 100)
        default: return nil
        }
    }
}
