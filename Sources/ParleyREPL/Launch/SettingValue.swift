import ParleyQuery

/// The numeric settings shared by the command line (`--width`) and `:set` (`:set width`):
/// how their values are read, and the message for a bad one, naming the setting, the value
/// and what is accepted.
public enum SettingValue: String, Sendable, CaseIterable {
    case maxRows, maxMemory, display, width

    /// The command-line option, if there is one (`--max-rows`).
    public var option: String? {
        switch self {
        case .maxRows: "--max-rows"
        case .maxMemory: "--max-memory"
        case .display: nil
        case .width: "--width"
        }
    }

    /// What the setting accepts, in words.
    var accepted: String {
        switch self {
        case .maxRows: "a whole number, 0 or more (0: no limit)"
        case .maxMemory: "a size such as 512M, 4G or 0 (no limit)"
        case .display: "a whole number, 0 or more (0: all rows)"
        case .width: "a whole number, 0 or more (0: never cut)"
        }
    }

    /// `text` read as this setting's value (bytes for ``maxMemory``); nil if it is not one.
    /// `auto` (for ``width``) is left to the caller.
    public func parse(_ text: String) -> Int? {
        switch self {
        case .maxMemory:
            return QueryBudget.parseBytes(text)
        case .maxRows, .display, .width:
            guard !text.isEmpty, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            return Int(text)
        }
    }

    /// The message for a bad value given as `name` (`--width`, `width`), without a final period.
    public func problem(_ value: String, name: String, orAuto: Bool = false) -> String {
        if parse(value) == nil, !value.isEmpty, value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            return "\(name) must be \(accepted)\(orAuto ? ", or auto" : ""), not '\(value)' (too large)"
        }
        return "\(name) must be \(accepted)\(orAuto ? ", or auto" : ""), not '\(value)'"
    }
}
