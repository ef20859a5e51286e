import ParleyQuery

/// What the command line asked for; the executable fills it and calls ``Launcher/run(_:)``.
public struct LaunchOptions: Sendable {
    /// The graph file; nil for `PARLEY_GRAPH` or the bundled graph.
    public var graphPath: String?
    /// Start with an empty graph instead of loading one.
    public var empty = false
    /// Statements given with `-c`, run in order before the `-f` files.
    public var commands: [String] = []
    /// Script files given with `-f`.
    public var files: [String] = []
    /// The output format (`--format`).
    public var format: OutputMode?
    /// `--param name=value` pairs, the value still as text.
    public var parameters: [(name: String, value: String)] = []
    /// `--timing`.
    public var timing = false
    /// `--continue-on-error`.
    public var continueOnError = false
    /// `-i`: stay interactive after the script.
    public var stayInteractive = false
    /// `--no-rc`: skip `~/.parleyrc`.
    public var skipRC = false
    /// `--max-rows N`: the row budget of every query.
    public var maxRows: Int?
    /// `--max-memory SIZE` in bytes: the memory budget of every query.
    public var maxMemory: Int?
    /// `--width N` (0: never cut).
    public var width: Int?
    /// `--no-color`.
    public var noColor = false
    /// `--export dot`: the format to export the result subgraph in.
    public var exportFormat: String?
    /// `-o FILE`: where `--export` writes (standard output if nil).
    public var exportOutput: String?
    /// `--induced`: also draw every relationship between drawn nodes.
    public var induced = false
    /// `--style FILE`: a DOT style file.
    public var styleFile: String?
    /// `--color-by COLUMN`: the result column that colours nodes in DOT (`none`: no column).
    public var colorBy: String?
    /// `--size-by COLUMN`: the result column that sizes nodes in DOT (`none`: no column).
    public var sizeBy: String?
    /// `--quiet`: no progress lines.
    public var quiet = false
    /// `--init FILE`: run FILE at start instead of the rc file.
    public var initFile: String?
    /// `--as-of DATE`: start in an as-of view (a day, month or year; docs/time.md).
    public var asOf: String?
    /// `--user NAME`: who to log in as on a Bolt server (the password comes from PARLEY_PASSWORD).
    public var user: String?
    /// `--database NAME`: the server database queries run in (default: the server's).
    public var database: String?
    /// `--trust-ca FILE`: a PEM file of certificate authorities TLS (`bolt+s://`) trusts as well.
    public var trustCA: String?

    /// Why `text` cannot be an `--as-of` date, or nil when it can.
    public static func asOfProblem(_ text: String) -> String? {
        TimeView.window(asOf: text) == nil ? "--as-of expects a day YYYY-MM-DD, a month YYYY-MM or a year YYYY, not '\(text)'." : nil
    }

    /// Creates default options.
    public init() {}
}
