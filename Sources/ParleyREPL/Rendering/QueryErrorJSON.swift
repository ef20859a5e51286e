import ParleyQuery
import ParleyValues

/// A query error as one line of JSON, what script mode writes to standard error in the
/// `json` and `jsonl` formats (docs/errors.md, "Error codes"):
///
/// ```
/// {"error":{"code":"SyntaxError.UndefinedVariable","class":"SyntaxError","detail":"UndefinedVariable","gqlstatus":"42N62","phase":"compile time","message":"Variable `m` not defined","file":"<command>","line":1,"column":18,"hint":null}}
/// ```
///
/// `detail`, `gqlstatus`, `file`, `line`, `column` and `hint` are null when the error has none.
struct QueryErrorJSON {
    /// The error.
    var error: QueryError
    /// The message shown (the error's own, unless the session words it otherwise).
    var message: String
    /// The file name positions are in, if any.
    var fileName: String?
    /// The error's position in the source, if known.
    var location: SourceLocation?

    /// The JSON object, on one line, without a line end.
    var text: String {
        func string(_ s: String?) -> String { s.map(Value.jsonString) ?? "null" }
        let fields: [(String, String)] = [
            ("code", string(error.kind.code)),
            ("class", string(error.type)),
            ("detail", string(error.detail)),
            ("gqlstatus", string(error.gqlStatus)),
            ("phase", string(error.phase.rawValue)),
            ("message", string(message)),
            ("file", string(fileName)),
            ("line", location.map { String($0.line) } ?? "null"),
            ("column", location.map { String($0.column) } ?? "null"),
            ("hint", string(error.hint)),
        ]
        return "{\"error\":{" + fields.map { Value.jsonString($0.0) + ":" + $0.1 }.joined(separator: ",") + "}}"
    }
}
