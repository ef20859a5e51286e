import Foundation

/// `Tests/ParleyTCKTests/passing.txt`: the ids of scenarios known to pass, one per line.
/// A listed scenario that stops passing is a regression and fails the test.
struct PassingList {
    var url: URL

    /// The ids in the file (blank lines and `#` comments ignored); empty when absent.
    func load() -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Rewrites the file with `ids`, sorted.
    func save(_ ids: [String]) throws {
        let header = "# openCypher TCK scenarios that pass; regenerate with PARLEY_TCK_UPDATE=1 make tck\n"
        try (header + ids.sorted().map { $0 + "\n" }.joined()).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Listed ids that did not pass (or no longer exist), and passing ids not listed.
    static func compare(listed: [String], records: [ScenarioRecord]) -> (regressions: [String], newlyPassing: [String]) {
        let passing = Set(records.filter { $0.outcome.isPassed }.map(\.id))
        let listedSet = Set(listed)
        return (listed.filter { !passing.contains($0) }, records.map(\.id).filter { passing.contains($0) && !listedSet.contains($0) })
    }
}
