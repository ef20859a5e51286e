// `generate`: the synthetic benchmark graph (ParleyBenchSupport.SyntheticGraph) into a folder.

import ParleyBenchSupport

/// `generate --nodes N --edges M [--seed S] [--no-json] OUT`: writes OUT/graph.json, the CSV
/// files and Kùzu scripts, params.json and manifest.json, then one summary line.
func generateGraph(_ arguments: [String]) {
    let usage = "usage: parley-bench generate --nodes N --edges M [--seed S] [--no-json] OUT"
    var nodes: Int?, edges: Int?
    var seed: UInt64 = 42
    var json = true
    var folder: String?
    var i = 0
    while i < arguments.count {
        let a = arguments[i]
        func value() -> String {
            guard i + 1 < arguments.count else { fail("\(a) needs a value\n\(usage)") }
            i += 1
            return arguments[i]
        }
        switch a {
        case "--nodes":
            guard let n = Int(value()), n > 0 else { fail("--nodes needs a positive number") }
            nodes = n
        case "--edges":
            guard let n = Int(value()), n >= 0 else { fail("--edges needs a number") }
            edges = n
        case "--seed":
            guard let n = UInt64(value()) else { fail("--seed needs a non-negative number") }
            seed = n
        case "--no-json": json = false
        case "--out": folder = value()
        default:
            guard !a.hasPrefix("-"), folder == nil else { fail("unexpected \(a)\n\(usage)") }
            folder = a
        }
        i += 1
    }
    guard let nodes, let edges, let folder else { fail(usage) }
    let start = now()
    do {
        let graph = try SyntheticGraph(nodes: nodes, edges: edges, seed: seed)
        if graph.nodeCount(ofLabel: "Person") <= 123 { warn("fewer than 124 Person nodes; p123 will not exist") }
        try graph.write(to: folder, json: json)
        let p = graph.parameters, summary = graph.degreeSummary
        print(
            "{\"out\": \"\(folder)\", \"seconds\": \(((now() - start) * 10).rounded() / 10), \"lookup_person\": \"\(p.lookupPerson)\", "
                + "\"hub_person\": \"\(p.hubPerson)\", \"hub_person_attended\": \(p.hubPersonAttended), \"path_src\": \"\(p.pathSource)\", "
                + "\"path_dst\": \"\(p.pathTarget)\", \"date_from\": \"\(p.dateFrom)\", \"max_degree\": \(summary.maximum), "
                + "\"isolated\": \(summary.isolated)}")
    } catch {
        fail(error.description)
    }
}
