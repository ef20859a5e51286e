import ParleyQuery

/// `Then a TypeError should be raised at runtime: InvalidArgumentType`, read.
///
/// Matching is strict: same type, same detail (`*` in the scenario accepts any detail, and
/// an error without a detail never matches a named one), and the phase as written
/// (`any time` accepts compile time and runtime).
struct ErrorExpectation: Sendable, Equatable, CustomStringConvertible {
    var type: String
    /// `compile time`, `runtime` or `any time`.
    var phase: String
    var detail: String

    /// Reads the step text; `nil` when it is not an error step.
    init?(step text: String) {
        // "a TypeError should be raised at runtime: InvalidArgumentType"
        guard text.hasPrefix("a ") || text.hasPrefix("an "),
              let should = text.firstRange(of: " should be raised at ") else { return nil }
        let typeStart = text.index(text.startIndex, offsetBy: text.hasPrefix("an ") ? 3 : 2)
        type = String(text[typeStart..<should.lowerBound])
        let rest = text[should.upperBound...]
        if let colon = rest.firstIndex(of: ":") {
            phase = String(rest[..<colon][...].trimmingWhitespace())
            detail = String(rest[rest.index(after: colon)...].trimmingWhitespace())
        } else {
            phase = String(rest.trimmingWhitespace())
            detail = "*"
        }
    }

    /// Whether the engine's error is the expected one.
    func matches(_ error: QueryError) -> Bool {
        guard error.type == type else { return false }
        guard detail == "*" || error.detail == detail else { return false }
        switch phase {
        case "compile time": return error.phase == .compileTime
        case "runtime": return error.phase == .runtime
        case "any time": return true
        default: return false
        }
    }

    /// `TypeError.InvalidArgumentType at runtime`.
    var description: String { "\(type).\(detail) at \(phase)" }
}
