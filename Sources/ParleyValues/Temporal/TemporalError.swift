/// A temporal value could not be built, parsed or computed (bad field, out of range, unknown zone).
public struct TemporalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for the user.
    public var message: String

    /// Creates an error with a user-facing message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
