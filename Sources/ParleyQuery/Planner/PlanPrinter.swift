import ParleyGraph

/// Renders an operator tree as indented text, root first (EXPLAIN), optionally with rows and
/// time per operator (PROFILE).
enum PlanPrinter {
    /// The plan of a compiled statement.
    static func render(_ statement: CompiledStatement, profile: Bool) -> String {
        var lines: [String] = []
        for (i, part) in statement.parts.enumerated() {
            if i > 0 { lines.append(statement.distinctUnion ? "Union" : "UnionAll") }
            let header = part.columns.isEmpty ? "ProduceResults" : "ProduceResults " + part.columns.joined(separator: ", ")
            lines.append(header)
            render(part.root, depth: 1, profile: profile, into: &lines)
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ op: Operator, depth: Int, profile: Bool, into lines: inout [String]) {
        var line = String(repeating: "  ", count: depth) + op.name
        if !op.details.isEmpty { line += " " + op.details }
        if profile {
            let ms = Double(op.elapsed.components.seconds) * 1000 + Double(op.elapsed.components.attoseconds) / 1e15
            line += "  [rows=\(op.rowsProduced), time=\(formatMs(ms)) ms]"
        }
        lines.append(line)
        for sub in op.subPlans {
            lines.append(String(repeating: "  ", count: depth + 1) + "(per row)")
            render(sub, depth: depth + 2, profile: profile, into: &lines)
        }
        if let input = op.input { render(input, depth: depth + 1, profile: profile, into: &lines) }
    }

    private static func formatMs(_ ms: Double) -> String {
        let hundredths = Int((ms * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
