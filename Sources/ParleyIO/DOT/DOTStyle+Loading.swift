import Foundation

extension DOTStyle {
    /// Reads a JSON style file and lays it over the default style (see docs/dot.md).
    public static func load(path: String) throws(DOTFileError) -> DOTStyle {
        guard !path.isEmpty else { throw DOTFileError(path: path, message: "cannot read the style file: the file name is empty") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DOTFileError(path: path, message: "cannot read the style file (missing or not readable)")
        }
        return try parse([UInt8](data), name: path)
    }

    /// Parses a JSON style from UTF-8 bytes and lays it over the default style; `name` is used
    /// in error messages.
    public static func parse(_ bytes: [UInt8], name: String) throws(DOTFileError) -> DOTStyle {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            throw DOTFileError(path: name, message: "invalid JSON: \(detail)")
        }
        guard let top = object as? [String: Any] else {
            throw DOTFileError(path: name, message: "expected a JSON object at the top level")
        }
        var reader = StyleReader(name: name)
        return try reader.style(from: top)
    }
}

/// Turns the JSON objects of a style file into a ``DOTStyle``, checking names and values.
private struct StyleReader {
    let name: String

    static let topKeys = ["rankdir", "clusterBy", "legend", "colorBy", "sizeBy", "labels", "types", "statusProperty", "status"]
    static let labelKeys = ["shape", "color", "borderColor", "label"]
    static let typeKeys = ["color", "style"]
    static let rankdirs = ["LR", "TB", "RL", "BT"]
    static let lineStyles = ["solid", "dashed", "dotted", "bold", "invis", "tapered"]
    static let shapes: Set<String> = [
        "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext", "plain",
        "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon",
        "doublecircle", "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse",
        "Mdiamond", "Msquare", "Mcircle", "rect", "rectangle", "square", "star", "none", "underline",
        "cylinder", "note", "tab", "folder", "box3d", "component", "promoter", "cds", "terminator",
        "utr", "primersite", "restrictionsite", "fivepoverhang", "threepoverhang", "noverhang",
        "assembly", "signature", "insulator", "ribosite", "rnastab", "proteasesite", "proteinstab",
        "rpromoter", "rarrow", "larrow", "lpromoter",
    ]

    func fail(_ message: String) -> DOTFileError { DOTFileError(path: name, message: message) }

    mutating func style(from top: [String: Any]) throws(DOTFileError) -> DOTStyle {
        var style = DOTStyle()
        try checkKeys(top, allowed: StyleReader.topKeys, at: "the top level")
        if let v = top["rankdir"] {
            let s = try string(v, at: "'rankdir'").uppercased()
            guard StyleReader.rankdirs.contains(s) else {
                throw fail("'rankdir' must be one of LR, TB, RL, BT, but found '\(s)'")
            }
            style.rankdir = s
        }
        if let v = top["clusterBy"] {
            if v is NSNull { style.clusterBy = nil } else { style.clusterBy = try string(v, at: "'clusterBy'") }
        }
        if let v = top["legend"] {
            guard let b = v as? Bool else { throw fail("'legend' must be true or false, but found \(describe(v))") }
            style.legend = b
        }
        if let v = top["colorBy"] { style.colorBy = try columnChoice(v, at: "colorBy") }
        if let v = top["sizeBy"] { style.sizeBy = try columnChoice(v, at: "sizeBy") }
        if let v = top["statusProperty"] { style.statusProperty = try string(v, at: "'statusProperty'") }
        if let v = top["labels"] {
            for (label, where_, fields) in try entries(v, section: "labels", allowed: StyleReader.labelKeys) {
                var node = DOTStyle.NodeStyle()
                if let s = fields["shape"] {
                    let shape = try string(s, at: "'\(where_).shape'")
                    guard StyleReader.shapes.contains(shape) else {
                        throw fail("'\(where_).shape' is not a Graphviz shape: '\(shape)' (try box, ellipse, diamond, hexagon, component, folder, note)")
                    }
                    node.shape = shape
                }
                if let c = fields["color"] { node.color = try color(c, at: "'\(where_).color'") }
                if let c = fields["borderColor"] { node.borderColor = try color(c, at: "'\(where_).borderColor'") }
                if let p = fields["label"] { node.labelProperty = try string(p, at: "'\(where_).label'") }
                style.labels[label] = (style.labels[label] ?? DOTStyle.NodeStyle()).overlaid(with: node)
            }
        }
        if let v = top["types"] {
            for (type, where_, fields) in try entries(v, section: "types", allowed: StyleReader.typeKeys) {
                var edge = DOTStyle.EdgeStyle()
                if let c = fields["color"] { edge.color = try color(c, at: "'\(where_).color'") }
                if let s = fields["style"] { edge.style = try lineStyle(s, at: "'\(where_).style'") }
                style.types[type] = edge
            }
        }
        if let v = top["status"] {
            for (value, s) in try object(v, at: "'status'").sorted(by: { $0.key < $1.key }) {
                style.statusStyles[value.lowercased()] = try lineStyle(s, at: "'status.\(value)'")
            }
        }
        return style
    }

    /// The entries of a `labels` or `types` object, sorted by name: each entry's name, its
    /// place for messages (`labels.Talk`) and its fields, checked against `allowed`.
    func entries(_ value: Any, section: String, allowed: [String]) throws(DOTFileError) -> [(name: String, place: String, fields: [String: Any])] {
        var result: [(name: String, place: String, fields: [String: Any])] = []
        for (name, entry) in try object(value, at: "'\(section)'").sorted(by: { $0.key < $1.key }) {
            let place = "\(section).\(name)"
            let fields = try object(entry, at: "'\(place)'")
            try checkKeys(fields, allowed: allowed, at: "'\(place)'")
            result.append((name, place, fields))
        }
        return result
    }

    /// A `colorBy` or `sizeBy` value: a column name, `true` (the automatic choice), or
    /// `false` or `null` (no column).
    func columnChoice(_ value: Any, at key: String) throws(DOTFileError) -> DOTColumnChoice {
        if value is NSNull { return .none }
        if let s = value as? String {
            guard !s.isEmpty else { throw fail("'\(key)' must name a column, but found the empty string") }
            return .column(s)
        }
        if let b = value as? Bool { return b ? .automatic : .none }
        throw fail("'\(key)' must be a column name, true (choose by name) or false (none), but found \(describe(value))")
    }

    func checkKeys(_ object: [String: Any], allowed: [String], at place: String) throws(DOTFileError) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw fail("unknown key '\(key)' in \(place); expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    func string(_ value: Any, at place: String) throws(DOTFileError) -> String {
        guard let s = value as? String else { throw fail("\(place) must be a string, but found \(describe(value))") }
        return s
    }

    func object(_ value: Any, at place: String) throws(DOTFileError) -> [String: Any] {
        guard let o = value as? [String: Any] else { throw fail("\(place) must be an object, but found \(describe(value))") }
        return o
    }

    func color(_ value: Any, at place: String) throws(DOTFileError) -> String {
        let s = try string(value, at: place)
        let isHex = s.hasPrefix("#") && [7, 9].contains(s.count) && s.dropFirst().allSatisfy(\.isHexDigit)
        let isName = !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && s.first!.isLetter
        guard isHex || isName else {
            throw fail("\(place) must be a colour like '#1f5f99' or a Graphviz colour name like 'steelblue', but found '\(s)'")
        }
        return s
    }

    func lineStyle(_ value: Any, at place: String) throws(DOTFileError) -> String {
        let s = try string(value, at: place)
        let parts = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty, parts.allSatisfy({ StyleReader.lineStyles.contains($0) }) else {
            throw fail("\(place) must be one or more of \(StyleReader.lineStyles.joined(separator: ", ")) (comma-separated), but found '\(s)'")
        }
        return parts.joined(separator: ",")
    }

    func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let s as String: return "the string '\(s)'"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "\(value)"
        }
    }
}
