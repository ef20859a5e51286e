import ParleyGraph
import ParleyValues

/// Property values as the text of an XML attribute or element, and back: what GraphML and
/// GEXF share.
enum PropertyText {
    /// What a value is written as: the typed attribute it needs.
    enum Kind: Hashable {
        case string, long, double, boolean
        /// A list, written as JSON text (``listJSON(_:)``).
        case list
        /// A list whose items are all of one scalar kind (GEXF's list types).
        case listOf(ScalarKind)
        /// A temporal value, written as ISO 8601 text.
        case temporal(TemporalKind)
        /// Integers and floats under one name: a float attribute marked `parley.type="number"`
        /// (integers are written without a decimal point, floats always with one).
        case number
        /// Values of several types under one name: a string attribute marked
        /// `parley.type="mixed"`, each value as JSON text (`"text"`, `2`, `true`, `[1]`).
        case mixed
    }

    /// The kinds a homogeneous list's items may have.
    enum ScalarKind: Hashable {
        case string, long, double, boolean
    }

    /// The text of an integer, float, boolean, string or temporal value (lists: see
    /// ``listJSON(_:)``).
    static func scalar(_ v: Value) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return double(d)
        case .string(let s): return s
        case .temporal(let t): return t.description
        default: return ""
        }
    }

    /// A double as text every consumer reads back to the same double: the shortest form, with
    /// `NaN`, `Infinity` and `-Infinity` (read by Python, Java and C alike).
    static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }

    /// A list as Parley JSON text: temporal items as typed values (`{"$date": "2015-05-25"}`)
    /// so they read back as temporal values; NaN and infinities (which JSON lacks) as strings
    /// `"NaN"`, `"Infinity"`, `"-Infinity"`, counted in `nonFinite`.
    static func listJSON(_ items: [Value], nonFinite: inout Int) -> String {
        var out = "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            switch item {
            case .temporal(let t): out += "{\"$\(TemporalKind(of: t).rawValue)\": \"\(t.description)\"}"
            case .double(let d) where !d.isFinite:
                nonFinite += 1
                out += "\"\(double(d))\""
            case .double(let d): out += GraphWriter.format(d)
            default: out += item.jsonText(in: nil)
            }
        }
        return out + "]"
    }

    /// Reads JSON text written by ``listJSON(_:nonFinite:)`` (any Parley JSON list of property
    /// values), through the JSON graph loader; the message says what is wrong.
    static func parseListJSON(_ text: String) -> Result<[Value], TextProblem> {
        let document = "{\"nodes\": [{\"id\": \"x\", \"properties\": {\"v\": " + text + "}}]}"
        let graph: GraphStore
        do {
            graph = try GraphFile.parse(Array(document.utf8), name: "")
        } catch {
            var message = error.diagnostic.message
            if message.hasPrefix("nodes[0].properties.v") { message = "the list" + message.dropFirst("nodes[0].properties.v".count) }
            return .failure(TextProblem(message))
        }
        guard graph.nodeCount == 1, let node = graph.nodeIDs.first(where: { _ in true }),
            graph.propertyPairs(of: node).count == 2, case .list(let items) = graph.property(of: node, named: "v")
        else { return .failure(TextProblem("expected a JSON list such as [1, 2]")) }
        return .success(items)
    }

    /// A value as one JSON value (for ``Kind/mixed``).
    static func json(_ v: Value, nonFinite: inout Int) -> String {
        let list = listJSON([v], nonFinite: &nonFinite)
        return String(list.dropFirst().dropLast())
    }

    /// Reads one JSON value written by ``json(_:nonFinite:)``.
    static func parseJSON(_ text: String) -> Result<Value, TextProblem> {
        switch parseListJSON("[" + text + "]") {
        case .success(let items) where items.count == 1: return .success(items[0])
        case .success: return .failure(TextProblem("expected one JSON value but found \(quoted(text))"))
        case .failure(let p): return .failure(TextProblem(p.message.replacingOccurrences(of: "the list[0]", with: "the value")))
        }
    }

    /// An integer (digits only) or a float, for ``Kind/number``.
    static func number(_ text: String) -> Value? {
        if let i = long(text) { return .int(i) }
        return parseDouble(text).map { .double($0) }
    }

    /// An integer written as decimal digits (with an optional sign; white space around is
    /// allowed, as XML Schema's `long` allows it).
    static func long(_ text: String) -> Int64? {
        let t = trimmed(text)
        return Int64(t.hasPrefix("+") ? String(t.dropFirst()) : t)
    }

    /// A double in XML Schema's or a programming language's spelling (`1.5`, `1e-5`, `NaN`,
    /// `INF`, `-Infinity`, `nan`, `inf`).
    static func parseDouble(_ text: String) -> Double? {
        let t = trimmed(text)
        switch t.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        guard !t.isEmpty, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || "+-.eE".utf8.contains($0) }) else { return nil }
        return Double(t)
    }

    /// `true`/`false` in any case, or `1`/`0` (XML Schema's boolean; NetworkX writes `True`).
    static func boolean(_ text: String) -> Bool? {
        switch trimmed(text).lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// `text` without white space around it.
    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }

    /// Labels as one text in Neo4j's style: `:State:Talk` (empty for none).
    static func labelsText(_ labels: [String]) -> String {
        labels.map { ":" + $0 }.joined()
    }

    /// The labels of `:State:Talk` (a leading colon is optional; empty parts are skipped).
    static func labels(_ text: String) -> [String] {
        trimmed(text).split(separator: ":").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// The relationship type given to edges that name none.
    static let defaultType = "RELATED"

    /// The text of a short value for messages: `"abc"`, cut at 40 characters.
    static func quoted(_ text: String) -> String {
        let t = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\"" + t + "\""
    }
}

extension PropertyText {
    /// The marker a `parley.type` attribute names (`list`, `number`, `mixed` or a temporal
    /// kind), or nil for any other text.
    static func marker(_ text: String) -> Kind? {
        switch text {
        case "list": return .list
        case "number": return .number
        case "mixed": return .mixed
        default: return TemporalKind(rawValue: text).map { .temporal($0) }
        }
    }

    /// What a `parley.type` may say, for messages.
    static let markerNames = "list, number, mixed or a temporal kind (" + TemporalKind.allCases.map(\.rawValue).joined(separator: ", ") + ")"

    /// The value `text` holds in an attribute declared `declared` and marked `marker`
    /// (`parley.type`): a string marked `mixed` is JSON text, a double marked `number` keeps
    /// integers integral, a string marked `list` or with a temporal kind reads back as that;
    /// unmarked text is read as the declared type. Fails with what is wrong.
    static func parse(_ text: String, declared: ScalarKind, marker: Kind?) -> Result<Value, TextProblem> {
        switch declared {
        case .string where marker == .mixed:
            return parseJSON(text)
        case .double where marker == .number:
            guard let v = number(text) else { return .failure(TextProblem("expected a number but found \(quoted(text))")) }
            return .success(v)
        case .string:
            switch marker {
            case .list?: return parseListJSON(text).map { .list($0) }
            case .temporal(let kind)?:
                do {
                    return .success(.temporal(try kind.parse(trimmed(text))))
                } catch {
                    return .failure(TextProblem("expected a \(kind.noun) in ISO 8601 but found \(quoted(text)) (\(error.message))"))
                }
            default: return .success(.string(text))
            }
        case .long:
            guard let i = long(text) else { return .failure(TextProblem("expected an integer but found \(quoted(text))")) }
            return .success(.int(i))
        case .double:
            guard let d = parseDouble(text) else { return .failure(TextProblem("expected a number but found \(quoted(text))")) }
            return .success(.double(d))
        case .boolean:
            guard let b = boolean(text) else { return .failure(TextProblem("expected true or false but found \(quoted(text))")) }
            return .success(.bool(b))
        }
    }
}


/// What is wrong with the text of a value, in words (`expected an integer but found "abc"`).
struct TextProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
