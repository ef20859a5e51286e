// libFuzzer target `deep`: structure-aware. The input bytes are not query text but the choices
// of `DeepQueryGenerator`, which builds long chains and deep nesting up to and past the engine's
// bounds; each query is parsed, compiled and run on `fuzzGraph` on the fuzzer's own thread (an
// ordinary stack, so the engine's stack guard is exercised too).

import ParleyGraph
import ParleyValues
import ParleyIO
import ParleyQuery

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether to print each generated query and its outcome (`PARLEY_FUZZ_PRINT=1`, for `repro`).
let printQueries = getenv("PARLEY_FUZZ_PRINT") != nil

/// Runs one generated query (at most 10 000 rows per step, 256 MiB, 2 s) and checks it: an error
/// is a well-formed, positioned `QueryError` that leaves the graph unchanged; a result agrees with
/// what the generator computed, and none of its values nests deeper than `Value.maxNesting`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeep(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var generator = DeepQueryGenerator(FuzzChoices(data, size))
    let query = generator.generate()
    if printQueries { print("query: \(excerpt(query.text))") }
    var engine = QueryEngine(graph: fuzzGraph)
    engine.budget = QueryBudget(maxRows: 10_000, maxMemory: 256 << 20)
    do {
        let result = try Watchdog.shared.guarding { token throws(QueryError) in
            try engine.run(query.text, cancellation: token)
        }
        if printQueries { print("ran: \(result.rows.count) rows; first: \(String(describing: result.rows.first ?? []).prefix(200))") }
        checkResult(result, of: query)
    } catch {
        if printQueries { print("error: \(error.type)/\(error.detail ?? "-") at \(error.range.map { "\($0.start.offset)" } ?? "nowhere"): \(error.message)") }
        checkError(error, in: query.text)
        checkDeepError(error, of: query)
        guard GraphFile.serialize(engine.graph) == fuzzGraphBytes else {
            fatalError("a failed query changed the graph: \(error)")
        }
    }
    return 0
}

/// The start of a long query, for messages.
func excerpt(_ text: String) -> String {
    text.utf8.count <= 300 ? text : "\(text.prefix(300))… (\(text.utf8.count) bytes)"
}

/// Traps unless a successful run agrees with the generator.
func checkResult(_ result: QueryResult, of query: DeepCase) {
    if let bound = query.mustFail {
        fatalError("ran, but should have failed with \"\(bound)\": \(excerpt(query.text))")
    }
    for row in result.rows {
        for value in row where value.nesting > Value.maxNesting {
            fatalError("a result value nests \(value.nesting) levels, more than \(Value.maxNesting): \(excerpt(query.text))")
        }
    }
    if let rows = query.rows, result.rows.count != rows {
        fatalError("\(result.rows.count) rows, expected \(rows): \(excerpt(query.text))")
    }
    if let expected = query.value {
        guard result.rows.count == 1, result.rows[0].count == 1 else {
            fatalError("expected one value, got \(result.rows.count) rows: \(excerpt(query.text))")
        }
        let actual = result.rows[0][0]
        guard actual == expected, actual.typeName == expected.typeName else {
            fatalError("got \(String(describing: actual).prefix(200)), expected \(String(describing: expected).prefix(200)): \(excerpt(query.text))")
        }
    }
    if let created = query.relationshipsCreated, result.statistics.relationshipsCreated != created {
        fatalError("created \(result.statistics.relationshipsCreated) relationships, expected \(created): \(excerpt(query.text))")
    }
}

/// Traps unless an error is positioned and allowed for this query: a query that must run may
/// only be cancelled by the watchdog; one that must fail fails for the expected reason.
func checkDeepError(_ error: QueryError, of query: DeepCase) {
    guard error.range != nil || error.type == "Cancelled" else {
        fatalError("an error without a position (\(error.type)/\(error.detail ?? "-")): \(error.message): \(excerpt(query.text))")
    }
    if query.mustRun && error.type != "Cancelled" {
        fatalError("a balanced chain failed: \(error.message): \(excerpt(query.text))")
    }
    if let bound = query.mustFail, error.type != "Cancelled",
       !error.message.lowercased().contains(bound.lowercased()) {
        fatalError("failed with \"\(error.message)\", expected \"\(bound)\": \(excerpt(query.text))")
    }
}
