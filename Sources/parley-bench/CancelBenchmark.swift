import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import Synchronization

// MARK: - cancel

/// `cancel [--after S] [--max-rows N] [--query Q] FILE`: runaway queries on FILE.
///
/// 1. Runs `MATCH p=(a)-[*]-(b) RETURN count(p)`, cancels its token from another thread after
///    S seconds (default 1) and reports how long `run` took to return after the cancel.
/// 2. Runs the same pattern with `RETURN p` under a `maxRows` budget (default 1 000) and
///    reports the error, the time it took and the peak RSS. The budget counts rows, not bytes:
///    each row holds a path as long as the depth-first search is deep, so the memory is about
///    rows × path length (a budget of 100 000 paths on the M graph needs tens of GiB).
func cancelBenchmark(_ arguments: [String]) {
    var after = 1.0
    var maxRows = 1_000
    var query = "MATCH p=(a)-[*]-(b) RETURN count(p)"
    var files: [String] = []
    var i = 0
    while i < arguments.count {
        let a = arguments[i]
        if ["--after", "--max-rows", "--query"].contains(a) {
            guard i + 1 < arguments.count else { fail("\(a) needs a value") }
            let v = arguments[i + 1]
            switch a {
            case "--after": guard let s = Double(v), s > 0 else { fail("--after needs seconds") }; after = s
            case "--max-rows": guard let n = Int(v), n > 0 else { fail("--max-rows needs a positive number") }; maxRows = n
            default: query = v
            }
            i += 2
        } else {
            files.append(a)
            i += 1
        }
    }
    guard files.count == 1 else { fail("usage: parley-bench cancel [--after S] [--max-rows N] [--query Q] FILE") }
    let graph: GraphStore
    let loadStart = now()
    do { graph = try GraphFile.load(path: files[0]) } catch { fail(error.description) }
    report("loaded \(files[0]): \(graph.nodeCount) nodes, \(graph.relationshipCount) rels in \(formatSeconds(now() - loadStart)); RSS \(mib(residentBytes()))")

    // 1. Cancellation latency.
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

    // 2. The row budget.
    let rowsQuery = query.replacingOccurrences(of: "RETURN count(p)", with: "RETURN p")
    var limited = QueryEngine(graph: graph)
    limited.maxRows = maxRows
    let rssBefore = residentBytes()
    let limitStart = now()
    let limitOutcome: String
    do {
        let result = try limited.run(rowsQuery)
        limitOutcome = "finished with \(result.rows.count) row(s)"
    } catch {
        limitOutcome = "\(error.type)/\(error.detail ?? "-"): \(error.message)"
    }
    report("budget query\t\(rowsQuery) with maxRows \(maxRows)")
    report("outcome\t\(limitOutcome)")
    report("time\t\(formatSeconds(now() - limitStart))\tRSS before \(mib(rssBefore))\tpeak RSS \(mib(peakResidentBytes()))")
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
