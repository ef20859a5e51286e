import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import Synchronization

// MARK: - cancel

/// `cancel [--after S] [--max-rows N] [--max-memory SIZE] [--only cancel|budget|paths] [--query Q] FILE`:
/// runaway queries on FILE.
///
/// 1. `cancel`: runs `MATCH p=(a)-[*]-(b) RETURN count(p)`, cancels its token from another
///    thread after S seconds (default 1) and reports how long `run` took to return after it.
/// 2. `budget`: runs the same query under a row budget (default 100 000) and a memory budget
///    (default 4 GiB, the REPL's) and reports the error, the time and the peak RSS.
/// 3. `paths`: the same with `RETURN p`: each row holds a path as long as the depth-first
///    search is deep, so here the memory budget is what stops it.
///
/// Peak RSS is the process's: run one part per process (`--only`) to measure each alone.
func cancelBenchmark(_ arguments: [String]) {
    var after = 1.0
    var budget = QueryBudget(maxRows: 100_000, maxMemory: 4 << 30)
    var only: String?
    var query = "MATCH p=(a)-[*]-(b) RETURN count(p)"
    var files: [String] = []
    var i = 0
    while i < arguments.count {
        let a = arguments[i]
        if ["--after", "--max-rows", "--max-memory", "--only", "--query"].contains(a) {
            guard i + 1 < arguments.count else { fail("\(a) needs a value") }
            let v = arguments[i + 1]
            switch a {
            case "--after": guard let s = Double(v), s > 0 else { fail("--after needs seconds") }; after = s
            case "--max-rows": guard let n = Int(v), n >= 0 else { fail("--max-rows needs a number") }; budget.maxRows = n
            case "--max-memory": guard let n = QueryBudget.parseBytes(v) else { fail("--max-memory needs a size") }; budget.maxMemory = n
            case "--only": guard ["cancel", "budget", "paths"].contains(v) else { fail("--only takes cancel, budget or paths") }; only = v
            default: query = v
            }
            i += 2
        } else {
            files.append(a)
            i += 1
        }
    }
    guard files.count == 1 else { fail("usage: parley-bench cancel [--after S] [--max-rows N] [--max-memory SIZE] [--only PART] [--query Q] FILE") }
    let graph: GraphStore
    let loadStart = now()
    do { graph = try GraphFile.load(path: files[0]) } catch { fail(error.description) }
    report("loaded \(files[0]): \(graph.nodeCount) nodes, \(graph.relationshipCount) rels in \(formatSeconds(now() - loadStart)); RSS \(mib(residentBytes()))")

    if only == nil || only == "cancel" {
        let token = CancellationToken()
        let cancelledAt = CancelStamp()
        let delay = after
        let canceller = Thread {
            Thread.sleep(forTimeInterval: delay)
            cancelledAt.time.withLock { $0 = now() }
            token.cancel()
        }
        var engine = QueryEngine(graph: graph)
        let start = now()
        canceller.start()
        let outcome: String
        do {
            let result = try engine.run(query, cancellation: token)
            outcome = "finished before the cancel with \(result.rows.count) row(s)"
        } catch {
            outcome = "\(error.type): \(error.message)"
        }
        let returned = now()
        let cancel = cancelledAt.time.withLock { $0 }
        report("query\t\(query)")
        report("cancel after\t\(formatSeconds(after))")
        report("outcome\t\(outcome)")
        if cancel > 0 {
            report("cancel latency\t\(formatSeconds(returned - cancel))\t(run returned \(formatSeconds(returned - start)) after it started)")
        }
    }
    if only == nil || only == "budget" { runUnderBudget(query, graph, budget) }
    if only == nil || only == "paths" {
        runUnderBudget(query.replacingOccurrences(of: "RETURN count(p)", with: "RETURN p"), graph, budget)
    }
}

/// Runs `query` under `budget`, reporting the outcome, the time and the peak RSS.
private func runUnderBudget(_ query: String, _ graph: GraphStore, _ budget: QueryBudget) {
    var engine = QueryEngine(graph: graph)
    engine.budget = budget
    let rssBefore = residentBytes()
    let start = now()
    let outcome: String
    do {
        let result = try engine.run(query)
        outcome = "finished with \(result.rows.count) row(s)"
    } catch {
        outcome = "\(error.type)/\(error.detail ?? "-"): \(error.message)"
    }
    report("budget query\t\(query) with maxRows \(budget.maxRows), maxMemory \(QueryBudget.describe(bytes: budget.maxMemory))")
    report("outcome\t\(outcome)")
    report("time\t\(formatSeconds(now() - start))\tRSS before \(mib(rssBefore))\tpeak RSS \(mib(peakResidentBytes()))")
}

/// When the canceller thread cancelled the token (0: not yet).
final class CancelStamp: Sendable {
    let time = Mutex<Double>(0)
}

/// Prints `line` and flushes it at once, so a run that is killed still shows what it measured.
private func report(_ line: String) {
    print(line)
    fflush(nil)
}
