/// How one scenario ended.
enum ScenarioOutcome: Sendable, Equatable {
    case passed
    /// `category` groups failures coarsely (`unexpected error`, `result mismatch`, ...);
    /// `reason` is the first line shown and grouped in the report; `detail` adds expected and
    /// actual values.
    case failed(category: String, reason: String, detail: String)
    /// The runner lacks a step the scenario needs (`procedures`, `unknown step: ...`).
    case skipped(reason: String)

    var isPassed: Bool { self == .passed }

    /// A failure.
    static func failure(_ category: String, _ reason: String, _ detail: String = "") -> ScenarioOutcome {
        .failed(category: category, reason: reason, detail: detail)
    }
}

/// One scenario and its outcome, with how long it took.
struct ScenarioRecord: Sendable {
    var id: String
    var folder: String
    var outcome: ScenarioOutcome
    var seconds: Double
}
