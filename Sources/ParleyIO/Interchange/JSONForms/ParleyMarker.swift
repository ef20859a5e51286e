import ParleyGraph
import ParleyValues

/// Parley's own note inside a node-link or JGF file, which other tools pass through as
/// ordinary graph metadata: `"parley": {"propertyTypes": {"born": "date"}, "validity": {...}}`.
///
/// `propertyTypes` lists the keys whose ISO 8601 strings are temporal values, so that Parley
/// reads its own files back with dates as dates; `renamed` the properties written under
/// another name because the format uses theirs (`"edges": {"source_": "source"}`); `validity` is the graph's validity rule when
/// it is not the default (docs/graph-format.md).
enum ParleyMarker {
    /// Reads an object (node-link's `graph`, JGF's `metadata`) and takes the `parley` member's
    /// declarations into `builder`; other members are skipped.
    static func read(_ w: inout JSONWalker, _ path: String, into builder: inout InterchangeGraphBuilder) throws(JSONSyntaxError) {
        guard try w.openObject(path) else { return }
        repeat {
            let (key, _) = try w.key(path)
            if key.equals("parley") {
                try readParley(&w, path + ".parley", into: &builder)
            } else {
                try w.skip()
            }
        } while try w.nextMember(path)
    }

    private static func readParley(_ w: inout JSONWalker, _ path: String, into builder: inout InterchangeGraphBuilder) throws(JSONSyntaxError) {
        guard try w.openObject(path) else { return }
        repeat {
            let (key, _) = try w.key(path)
            if key.equals("propertyTypes") {
                let p = path + ".propertyTypes"
                if try w.openObject(p) {
                    repeat {
                        let name = try w.key(p).name.string
                        let at = w.offset
                        let kindName = try w.string("\(p).\(name)").string
                        guard let kind = TemporalKind(rawValue: kindName) else {
                            throw JSONSyntaxError(at: at, length: w.s.pos - at, "\(p).\(name): unknown type \"\(kindName)\": expected one of " + TemporalKind.allCases.map(\.rawValue).joined(separator: ", "))
                        }
                        if name != GraphStore.idKey { builder.declare(name, kind) }
                    } while try w.nextMember(p)
                }
            } else if key.equals("renamed") {
                let p = path + ".renamed"
                if try w.openObject(p) {
                    repeat {
                        let (kind, kindAt) = try w.key(p)
                        let onNodes = kind.equals("nodes")
                        guard onNodes || kind.equals("edges") else {
                            throw JSONSyntaxError(at: kindAt, length: kind.count + 2, "\(p): unknown key \"\(kind.string)\": expected \"nodes\" or \"edges\"")
                        }
                        let q = p + (onNodes ? ".nodes" : ".edges")
                        if try w.openObject(q) {
                            repeat {
                                let written = try w.key(q).name.string
                                let original = try w.nonEmptyString("\(q).\(written)", "a property name").string
                                builder.rename(written, to: original, onNodes: onNodes)
                            } while try w.nextMember(q)
                        }
                    } while try w.nextMember(p)
                }
            } else if key.equals("validity") {
                let p = path + ".validity"
                var rule = ValidityRule()
                if try w.openObject(p) {
                    repeat {
                        let (part, partAt) = try w.key(p)
                        let partName = part.string
                        let value = try w.nonEmptyString("\(p).\(partName)", "a property name").string
                        switch partName {
                        case "date": rule.date = value
                        case "from": rule.from = value
                        case "to": rule.to = value
                        default:
                            throw JSONSyntaxError(at: partAt, length: partName.utf8.count + 2, "\(p): unknown key \"\(partName)\": expected \"date\", \"from\" or \"to\"")
                        }
                    } while try w.nextMember(p)
                }
                builder.store.validity = rule
            } else {
                try w.skip()
            }
        } while try w.nextMember(path)
    }

    /// The marker's members for `graph` (empty when there is nothing to say): the keys whose
    /// values are all of one temporal kind, and the validity rule.
    static func write(_ graph: GraphStore, declared: [Int32: TemporalKind], renamedOnNodes: [String: String] = [:], renamedOnEdges: [String: String] = [:], into out: inout JSONOutput) -> Bool {
        let rule = graph.validity
        guard !declared.isEmpty || !rule.isDefault || !renamedOnNodes.isEmpty || !renamedOnEdges.isEmpty else { return false }
        out.text("\"parley\": {")
        var first = true
        if !renamedOnNodes.isEmpty || !renamedOnEdges.isEmpty {
            out.text("\"renamed\": {")
            var firstKind = true
            for (kind, renames) in [("nodes", renamedOnNodes), ("edges", renamedOnEdges)] where !renames.isEmpty {
                if !firstKind { out.text(", ") }
                firstKind = false
                out.string(kind)
                out.text(": {")
                for (i, written) in renames.keys.sorted().enumerated() {
                    if i > 0 { out.text(", ") }
                    out.string(written)
                    out.text(": ")
                    out.string(renames[written]!)
                }
                out.text("}")
            }
            out.text("}")
            first = false
        }
        if !declared.isEmpty {
            if !first { out.text(", ") }
            out.text("\"propertyTypes\": {")
            for (i, key) in declared.keys.sorted(by: { graph.keys.name($0) < graph.keys.name($1) }).enumerated() {
                if i > 0 { out.text(", ") }
                out.string(graph.keys.name(key))
                out.text(": ")
                out.string(declared[key]!.rawValue)
            }
            out.text("}")
            first = false
        }
        if !rule.isDefault {
            if !first { out.text(", ") }
            out.text("\"validity\": {\"date\": ")
            out.string(rule.date)
            out.text(", \"from\": ")
            out.string(rule.from)
            out.text(", \"to\": ")
            out.string(rule.to)
            out.text("}")
        }
        out.text("}")
        return true
    }
}
