/// Who Parley logs in as. With no user, the `none` scheme (a server without authentication).
public struct BoltCredentials: Sendable {
    public var user: String?
    public var password: String?

    public init(user: String? = nil, password: String? = nil) {
        self.user = user
        self.password = password
    }

    /// The authentication token HELLO (before 5.1) or LOGON carries.
    var token: BoltMap {
        guard let user else { return ["scheme": "none"] }
        return ["scheme": "basic", "principal": .string(user), "credentials": .string(password ?? "")]
    }
}
