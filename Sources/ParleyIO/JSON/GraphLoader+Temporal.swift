import ParleyGraph
import ParleyValues

/// Temporal values in graph files: typed values (`{"$date": "2015-05-25"}`), the
/// `propertyTypes` declaration, and the `validity` rule (docs/graph-format.md).
extension GraphLoader {
    /// The typed-value keys: `$date`, `$localtime`, ...
    static let typedKeys = TemporalKind.allCases.map { "$" + $0.rawValue }

    /// Reads `{"$KIND": "ISO text"}` (the scanner at `{`); `element` is the list index, if any.
    mutating func readTypedValue(_ at: PropertyPath, element: Int?) throws(JSONSyntaxError) -> Value {
        let path = describe(at) + (element.map { "[\($0)]" } ?? "")
        let objectAt = s.pos
        let expected = "a typed value such as {\"$date\": \"2015-05-25\"} (keys " + GraphLoader.typedKeys.joined(separator: ", ") + ")"
        guard try openObject() else {
            throw JSONSyntaxError(at: objectAt, length: 2, "\(path): expected \(expected) but found an empty object")
        }
        let (key, keyAt) = try readKey(path)
        let name = key.string
        guard name.hasPrefix("$"), let kind = TemporalKind(rawValue: String(name.dropFirst())) else {
            throw JSONSyntaxError(at: keyAt, length: key.count + 2, "\(path): expected \(expected) but found the key \"\(name)\" (property values cannot be objects)")
        }
        guard s.peek() == UInt8(ascii: "\""), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "\(path).\(name): expected the \(kind.noun) as ISO 8601 text but found \(s.foundValue(at: s.pos))")
        }
        let value = try readTemporal(kind, path)
        s.skipWhitespace()
        if s.peek() == UInt8(ascii: ","), !s.atEnd {
            throw JSONSyntaxError(at: s.pos, "\(path): a typed value has exactly one key (\(name)) but found another after ','")
        }
        guard try !nextMember(path) else { throw JSONSyntaxError(at: s.pos, "\(path): a typed value has one key") }
        return value
    }

    /// Reads a string (the scanner at its quote) of a property declared `kind`: a partial date
    /// `YYYY` or `YYYY-MM` stays a string; anything else must be a valid value of the kind.
    mutating func readDeclared(_ kind: TemporalKind, _ at: PropertyPath) throws(JSONSyntaxError) -> Value {
        let start = s.pos
        let text = try s.readString().string
        if kind == .date && TemporalKind.isPartialDate(text) { return .string(text) }
        s.pos = start
        return try readTemporal(kind, describe(at))
    }

    /// Reads a string (at its quote) and parses it as `kind`; the error points at the string.
    mutating func readTemporal(_ kind: TemporalKind, _ path: String) throws(JSONSyntaxError) -> Value {
        let start = s.pos
        let text = try s.readString().string
        do {
            return .temporal(try kind.parse(text))
        } catch {
            throw JSONSyntaxError(at: start, length: s.pos - start, "\(path): invalid \(kind.noun) '\(text)' (\(error.message))")
        }
    }

    // MARK: Declarations

    /// Reads `"propertyTypes": {"KEY": "KIND", ...}`: every string value of KEY (alone or in a
    /// list) is read as a KIND.
    mutating func readPropertyTypes() throws(JSONSyntaxError) {
        guard s.peek() == UInt8(ascii: "{"), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "propertyTypes: expected an object such as {\"date\": \"date\"} but found \(s.foundValue(at: s.pos))")
        }
        var seen: Set<String> = []
        guard try openObject() else { return }
        repeat {
            let (name, keyAt) = try readKey("propertyTypes")
            let keyName = name.string
            guard seen.insert(keyName).inserted else { throw duplicateKey(keyAt, keyName, "propertyTypes") }
            guard keyName != GraphStore.idKey else {
                throw JSONSyntaxError(at: keyAt, length: name.count + 2, "propertyTypes: \"id\" cannot be declared (node ids are strings)")
            }
            let key: Int32
            if let known = keyTable.find(name) {
                key = known
            } else {
                key = store.internKey(keyName)
                keyTable.insert(name, value: key)
            }
            let kindAt = s.pos
            let kindName = try readStringValue("propertyTypes.\(keyName)").string
            guard let kind = TemporalKind(rawValue: kindName) else {
                throw JSONSyntaxError(at: kindAt, length: s.pos - kindAt, "propertyTypes.\(keyName): unknown type \"\(kindName)\": expected one of " + TemporalKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            while declaredTypes.count <= Int(key) { declaredTypes.append(nil) }
            declaredTypes[Int(key)] = kind
        } while try nextMember("propertyTypes")
    }

    /// Reads `"validity": {"date": ..., "from": ..., "to": ...}` (each optional): the
    /// property names of the graph's ``ValidityRule``.
    mutating func readValidity() throws(JSONSyntaxError) {
        guard s.peek() == UInt8(ascii: "{"), !s.atEnd else {
            throw JSONSyntaxError(at: s.pos, "validity: expected an object such as {\"date\": \"date\", \"from\": \"start_date\", \"to\": \"end_date\"} but found \(s.foundValue(at: s.pos))")
        }
        var rule = ValidityRule()
        var seen: Set<String> = []
        if try openObject() {
            repeat {
                let (name, keyAt) = try readKey("validity")
                let keyName = name.string
                guard ["date", "from", "to"].contains(keyName) else {
                    throw JSONSyntaxError(at: keyAt, length: name.count + 2, "validity: unknown key \"\(keyName)\": expected \"date\", \"from\" or \"to\"")
                }
                guard seen.insert(keyName).inserted else { throw duplicateKey(keyAt, keyName, "validity") }
                let at = s.pos
                let property = try readStringValue("validity.\(keyName)").string
                guard !property.isEmpty else { throw JSONSyntaxError(at: at, length: 2, "validity.\(keyName): expected a property name but found \"\"") }
                switch keyName {
                case "date": rule.date = property
                case "from": rule.from = property
                default: rule.to = property
                }
            } while try nextMember("validity")
        }
        store.validity = rule
    }
}
