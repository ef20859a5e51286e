/// Writes a synthetic graph's files, byte for byte in the anchors' generator's formats:
/// `nodes_<Label>.csv` and `rels_<TYPE>_<From>_<To>.csv` (header row, Kùzu `COPY` ready),
/// `kuzu_schema.cypher`, `kuzu_copy.cypher`, `graph.json` (Parley's JSON graph format, one
/// element a line), `params.json` and `manifest.json`.
struct SyntheticGraphWriter {
    let graph: SyntheticGraph

    /// The size at which the large files (graph.json, relationship CSV) are handed on in pieces.
    static let pieceSize = 1 << 23

    /// Hands each file to `emit` in the order they are written, as its name, its bytes or the
    /// next piece of them, and whether that piece ends the file; `json: false` leaves out
    /// graph.json.
    func files<E: Error>(json: Bool, _ emit: (_ name: String, _ bytes: [UInt8], _ ends: Bool) throws(E) -> Void) throws(E) {
        let spec = SyntheticGraphSpec.self
        var schema: [String] = [], copies: [String] = []
        let kuzuType = ["name": "STRING", "population": "INT64", "born": "INT64", "role": "STRING", "date": "STRING", "city": "STRING"]
        for (label, name) in spec.labels.enumerated() {
            let columns = spec.nodeColumns[label]
            schema.append("CREATE NODE TABLE \(name)(id STRING PRIMARY KEY, " + columns.map { "\($0) \(kuzuType[$0]!)" }.joined(separator: ", ") + ");")
            let file = "nodes_\(name).csv"
            try emit(file, nodeCSV(label), true)
            copies.append("COPY \(name) FROM '\(file)' (header=true);")
        }
        for type in spec.writeOrder {
            let groups = graph.relationships.filter { $0.type == type }
            let pairs = groups.map { "FROM \(spec.labels[$0.from]) TO \(spec.labels[$0.to])" }.joined(separator: ", ")
            let property = groups.first?.property
            let definition = switch property {
            case .weight: ", weight DOUBLE"
            case .since: ", since INT64"
            case nil: ""
            }
            schema.append("CREATE REL TABLE \(type)(\(pairs)\(definition));")
            for group in groups {
                let from = spec.labels[group.from], to = spec.labels[group.to]
                let file = "rels_\(type)_\(from)_\(to).csv"
                let rest = try relationshipCSV(group) { (piece: inout OutputBuffer) throws(E) in
                    try emit(file, piece.bytes, false)
                    piece.bytes.removeAll(keepingCapacity: true)
                }
                try emit(file, rest, true)
                copies.append("COPY \(type) FROM '\(file)' (from='\(from)', to='\(to)', header=true);")
            }
        }
        try emit("kuzu_schema.cypher", Array((schema.joined(separator: "\n") + "\n").utf8), true)
        try emit("kuzu_copy.cypher", Array((copies.joined(separator: "\n") + "\n").utf8), true)
        if json {
            let rest = try graphJSON { (piece: inout OutputBuffer) throws(E) in
                try emit("graph.json", piece.bytes, false)
                piece.bytes.removeAll(keepingCapacity: true)
            }
            try emit("graph.json", rest, true)
        }
        try emit("params.json", Array(parametersJSON(graph.parameters).utf8), true)
        try emit("manifest.json", Array(manifestJSON(json: json).utf8), true)
    }

    // MARK: - CSV

    func nodeCSV(_ label: Int) -> [UInt8] {
        let columns = graph.nodeProperties[label]
        var out = OutputBuffer(capacity: graph.labelCounts[label] * 40)
        out.append((["id"] + SyntheticGraphSpec.nodeColumns[label]).joined(separator: ",") + "\n")
        for i in 0..<graph.labelCounts[label] {
            appendID(label, i, to: &out)
            for column in columns {
                out.append(UInt8(ascii: ","))
                switch column {
                case .text(let values): out.append(values[i])
                case .integer(let values): out.append(values[i])
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out.bytes
    }

    /// The CSV of one relationship group; `flush` takes each full piece, the rest is returned.
    func relationshipCSV<E: Error>(_ group: SyntheticRelationships, flush: (inout OutputBuffer) throws(E) -> Void) throws(E) -> [UInt8] {
        var out = OutputBuffer(capacity: min(group.count * 20, Self.pieceSize + 4096))
        out.append("from,to")
        switch group.property {
        case .weight: out.append(",weight")
        case .since: out.append(",since")
        case nil: break
        }
        out.append(UInt8(ascii: "\n"))
        for r in 0..<group.count {
            appendEnds(group, r, separator: ",", to: &out)
            if group.property != nil {
                out.append(UInt8(ascii: ","))
                appendValue(group, r, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            if out.bytes.count >= Self.pieceSize { try flush(&out) }
        }
        return out.bytes
    }

    // MARK: - graph.json

    /// The graph in Parley's JSON format as the anchors' generator writes it: elements
    /// compact and one a line, node properties as Python's `json.dumps` writes a dict
    /// (`{"name": "Kalo", "born": 1950}`), `"properties":{}` on relationships without any.
    /// The strings come from the word lists and need no escapes. `flush` takes each full
    /// piece; the rest is returned.
    func graphJSON<E: Error>(flush: (inout OutputBuffer) throws(E) -> Void) throws(E) -> [UInt8] {
        let spec = SyntheticGraphSpec.self
        var out = OutputBuffer(capacity: min(graph.nodeCount * 110 + graph.edgeCount * 85, Self.pieceSize + 4096))
        out.append("{\"nodes\":[\n")
        var first = true
        for (label, name) in spec.labels.enumerated() where graph.labelCounts[label] > 0 {
            let keys = spec.nodeColumns[label], columns = graph.nodeProperties[label]
            for i in 0..<graph.labelCounts[label] {
                out.append(first ? "" : ",\n")
                first = false
                out.append("{\"id\":\"")
                appendID(label, i, to: &out)
                out.append("\",\"labels\":[\"\(name)\"],\"properties\":{")
                for (k, column) in columns.enumerated() {
                    out.append(k == 0 ? "\"" : ", \"")
                    out.append(keys[k])
                    out.append("\": ")
                    switch column {
                    case .text(let values):
                        out.append(UInt8(ascii: "\""))
                        out.append(values[i])
                        out.append(UInt8(ascii: "\""))
                    case .integer(let values): out.append(values[i])
                    }
                }
                out.append("}}")
                if out.bytes.count >= Self.pieceSize { try flush(&out) }
            }
        }
        out.append("\n],\"edges\":[\n")
        first = true
        for type in spec.writeOrder {
            for group in graph.relationships where group.type == type {
                for r in 0..<group.count {
                    out.append(first ? "{\"source\":\"" : ",\n{\"source\":\"")
                    first = false
                    appendEnds(group, r, separator: "\",\"target\":\"", to: &out)
                    out.append("\",\"type\":\"\(type)\",\"properties\":{")
                    switch group.property {
                    case .weight: out.append("\"weight\":")
                    case .since: out.append("\"since\":")
                    case nil: break
                    }
                    if group.property != nil { appendValue(group, r, to: &out) }
                    out.append("}}")
                    if out.bytes.count >= Self.pieceSize { try flush(&out) }
                }
            }
        }
        out.append("\n]}\n")
        return out.bytes
    }

    // MARK: - params.json, manifest.json

    /// params.json as Python's `json.dump(..., indent=1)` writes it (no final newline).
    func parametersJSON(_ p: SyntheticParameters) -> String {
        """
        {
         "lookup_person": "\(p.lookupPerson)",
         "hub_person": "\(p.hubPerson)",
         "hub_person_attended": \(p.hubPersonAttended),
         "path_src": "\(p.pathSource)",
         "path_dst": "\(p.pathTarget)",
         "date_from": "\(p.dateFrom)"
        }
        """
    }

    /// manifest.json: the counts per label and per type and endpoint labels, the degree
    /// summary and the seed, laid out as Python's `json.dump(..., indent=1)`; `generator`
    /// says which generator made the folder.
    func manifestJSON(json: Bool) -> String {
        let spec = SyntheticGraphSpec.self
        let summary = graph.degreeSummary
        let labels = spec.labels.enumerated().map { "  \"\($1)\": \(graph.labelCounts[$0])" }
        let types = graph.relationships.map { "  \"\($0.type):\(spec.labels[$0.from])->\(spec.labels[$0.to])\": \($0.count)" }
        return """
            {
             "generator_version": 1,
             "generator": "parley-bench generate",
             "nodes": \(graph.nodeCount),
             "edges": \(graph.edgeCount),
             "seed": \(graph.seed),
             "label_counts": {
            \(labels.joined(separator: ",\n"))
             },
             "rel_counts": {
            \(types.joined(separator: ",\n"))
             },
             "max_degree": \(summary.maximum),
             "mean_degree": \(summary.mean),
             "isolated_nodes": \(summary.isolated),
             "json": \(json)
            }
            """
    }

    // MARK: - Pieces

    /// The id of the `index`th node of `label` (`p17`).
    func appendID(_ label: Int, _ index: Int, to out: inout OutputBuffer) {
        out.append(SyntheticGraphSpec.prefixes[label])
        out.append(index)
    }

    /// The ids of relationship `r`'s start and end, with `separator` between them.
    func appendEnds(_ group: SyntheticRelationships, _ r: Int, separator: String, to out: inout OutputBuffer) {
        appendID(group.from, Int(group.sources[r]) - graph.offsets[group.from], to: &out)
        out.append(separator)
        appendID(group.to, Int(group.targets[r]) - graph.offsets[group.to], to: &out)
    }

    /// Relationship `r`'s property value (`0.25`, `1987`).
    func appendValue(_ group: SyntheticRelationships, _ r: Int, to out: inout OutputBuffer) {
        switch group.property {
        case .weight: out.appendThousandths(Int(group.values[r]))
        case .since: out.append(Int(group.values[r]))
        case nil: break
        }
    }
}
