import ParleyGraph

/// Renders a plan as indented text, root first (EXPLAIN), optionally with the rows and time
/// of each step's operator (PROFILE).
enum PlanPrinter {
    /// The plan of a statement; with `profile`, the counters of the operators that ran it.
    static func render(_ plan: StatementPlan, profile: [PhysicalPipeline]? = nil) -> String {
        var lines: [String] = []
        for (i, part) in plan.parts.enumerated() {
            if i > 0 { lines.append(plan.distinctUnion ? "Union" : "UnionAll") }
            let header = part.columns.isEmpty ? "ProduceResults" : "ProduceResults " + part.columns.joined(separator: ", ")
            lines.append(header)
            render(part.plan, profile?[i], depth: 1, into: &lines)
        }
        // The subqueries expressions run, numbered in the order they are written.
        var number = 0
        for (i, label) in plan.subplanLabels.enumerated() {
            guard let label, i < plan.subplans.count else { continue }
            number += 1
            lines.append("\(label) subquery #\(number) (per row)")
            render(plan.subplans[i], nil, depth: 1, into: &lines)
        }
        return lines.joined(separator: "\n")
    }

    /// Plans deeper than this are not indented further; their lines carry their depth instead
    /// (`(120) Projection …`), so a long pipeline prints in linear space.
    static let maxIndent = 64

    /// Appends the lines of `plan`, root first, walking it with a stack of its own (a pipeline
    /// of thousands of WITH clauses is thousands of steps deep).
    private static func render(_ plan: LogicalPlan, _ pipeline: PhysicalPipeline?, depth: Int, into lines: inout [String]) {
        enum Item { case step(LogicalPlan, PhysicalPipeline?, index: Int, depth: Int), perRow(Int) }
        var pending: [Item] = [.step(plan, pipeline, index: plan.steps.count - 1, depth: depth)]
        while let item = pending.popLast() {
            switch item {
            case .perRow(let depth):
                lines.append(indent(depth) + "(per row)")
            case .step(let plan, let pipeline, let index, let depth):
                let operation = plan.steps[index].operation
                var line = indent(depth) + operation.name
                let details = operation.details
                if !details.isEmpty { line += " " + details }
                if let op = pipeline?.operators[index] {
                    let ms = Double(op.elapsed.components.seconds) * 1000 + Double(op.elapsed.components.attoseconds) / 1e15
                    line += "  [rows=\(op.rowsProduced), time=\(formatMs(ms)) ms]"
                }
                lines.append(line)
                // Pushed in reverse: the plans a step runs per row print first, then its input.
                if index > 0 { pending.append(.step(plan, pipeline, index: index - 1, depth: depth + 1)) }
                let innerPipelines = pipeline?.innerPipelines(of: index)
                for (k, inner) in operation.innerPlans.enumerated().reversed() {
                    let innerPipeline = innerPipelines.flatMap { k < $0.count ? $0[k] : nil }
                    pending.append(.step(inner, innerPipeline, index: inner.steps.count - 1, depth: depth + 2))
                    pending.append(.perRow(depth + 1))
                }
            }
        }
    }

    /// The indentation of a line at `depth`.
    private static func indent(_ depth: Int) -> String {
        depth <= maxIndent ? String(repeating: "  ", count: depth) : String(repeating: "  ", count: maxIndent) + "(\(depth)) "
    }

    private static func formatMs(_ ms: Double) -> String {
        let hundredths = Int((ms * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
