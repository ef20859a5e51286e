import Foundation
import ParleyGraph
import ParleyQuery
import Synchronization

/// Finds the TCK, parses every feature and runs every scenario on worker threads.
struct TCKSuite: Sendable {
    /// The folder holding `features/` and `graphs/`.
    var tckRoot: URL
    /// The features folder (`PARLEY_TCK_FEATURES`, or `<tckRoot>/features`).
    var featuresRoot: URL

    /// The package root, found from this file's path (`Tests/ParleyTCKTests/Runner/...`).
    /// (`#filePath` is read here, not at the caller, so every caller gets the same root.)
    static func packageRoot() -> URL {
        let filePath: String = #filePath
        return URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The suite from the environment, or `nil` when the TCK is not there (a user's clone).
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> TCKSuite? {
        let features: URL
        if let custom = environment["PARLEY_TCK_FEATURES"], !custom.isEmpty {
            features = URL(fileURLWithPath: custom, relativeTo: packageRoot()).standardizedFileURL
        } else {
            features = packageRoot().appendingPathComponent("../shared/tck/features").standardizedFileURL
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: features.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return TCKSuite(tckRoot: features.deletingLastPathComponent(), featuresRoot: features)
    }

    /// Every `.feature` file under the features folder, as paths relative to it, sorted.
    func featurePaths() -> [String] {
        let base = featuresRoot.path.hasSuffix("/") ? featuresRoot.path : featuresRoot.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let next = walker.nextObject() as? String {
            if next.hasSuffix(".feature") { paths.append(next) }
        }
        return paths.sorted()
    }

    /// Parses every feature file; parse errors are returned, not thrown, so one bad file does
    /// not hide the others.
    func loadFeatures() -> (features: [Feature], errors: [String]) {
        var features: [Feature] = []
        var errors: [String] = []
        for path in featurePaths() {
            let url = featuresRoot.appendingPathComponent(path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                errors.append("\(path): cannot read")
                continue
            }
            do throws(GherkinError) {
                features.append(try GherkinParser(path: path).parse(text))
            } catch {
                errors.append(error.description)
            }
        }
        return (features, errors)
    }

    /// The Cypher script of a named graph: `graphs/<name>/<name>.cypher`.
    func namedGraphScript(_ name: String) -> String? {
        let url = tckRoot.appendingPathComponent("graphs/\(name)/\(name).cypher")
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// Runs `scenarios` on `jobs` threads (64 MB stacks, so deep recursion in an engine does not
    /// overflow), each query guarded by a watchdog of `timeout`. Records come back in input order.
    func run(_ scenarios: [Scenario], jobs: Int, timeout: Duration, verbose: Bool) async -> [ScenarioRecord] {
        let watchdog = Watchdog(limit: timeout)
        defer { watchdog.stop() }
        let workers = max(1, min(jobs, scenarios.count))
        let queue = WorkQueue(count: scenarios.count)
        let graphs = NamedGraphCache(suite: self)

        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            for _ in 0..<workers {
                let thread = Thread {
                    let runner = ScenarioRunner(makeEngine: { QueryEngine(graph: $0) }, namedGraph: graphs.graph, watchdog: watchdog)
                    while let i = queue.take() {
                        let scenario = scenarios[i]
                        if verbose { FileHandle.standardError.write(Data("TCK running \(scenario.id)\n".utf8)) }
                        let start = ContinuousClock.now
                        let outcome = runner.run(scenario)
                        let elapsed = ContinuousClock.now - start
                        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                        queue.record(i, ScenarioRecord(id: scenario.id, folder: scenario.folder, outcome: outcome, seconds: seconds))
                    }
                    if queue.workerFinished() == workers { done.resume() }
                }
                thread.stackSize = 64 << 20
                thread.name = "tck-worker"
                thread.start()
            }
        }
        return queue.records()
    }
}

/// The shared state of the worker threads: the next scenario index and the records.
final class WorkQueue: Sendable {
    private let count: Int
    private let next = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let slots: Mutex<[ScenarioRecord?]>

    init(count: Int) {
        self.count = count
        slots = Mutex(Array(repeating: nil, count: count))
    }

    /// The next scenario index to run, or `nil` when all are taken.
    func take() -> Int? {
        let i = next.add(1, ordering: .relaxed).oldValue
        return i < count ? i : nil
    }

    /// Stores the record of scenario `i`.
    func record(_ i: Int, _ record: ScenarioRecord) { slots.withLock { $0[i] = record } }

    /// Counts a finished worker; returns how many have finished.
    func workerFinished() -> Int { finished.add(1, ordering: .acquiringAndReleasing).newValue }

    /// The records, in scenario order.
    func records() -> [ScenarioRecord] { slots.withLock { $0.compactMap { $0 } } }
}

/// Named graphs built once (by running their script through the engine) and shared.
final class NamedGraphCache: Sendable {
    private let suite: TCKSuite
    private let cache = Mutex<[String: Result<GraphStore, NamedGraphError>]>([:])

    init(suite: TCKSuite) { self.suite = suite }

    /// The graph named `name`, built on first use.
    func graph(_ name: String) -> Result<GraphStore, NamedGraphError> {
        if let hit = cache.withLock({ $0[name] }) { return hit }
        let built: Result<GraphStore, NamedGraphError>
        if let script = suite.namedGraphScript(name) {
            var engine = QueryEngine(graph: GraphStore())
            switch engine.execute(script, parameters: [:], cancellation: CancellationToken()) {
            case .success: built = .success(engine.graph)
            case .failure(let e): built = .failure(.init(message: ScenarioRunner<QueryEngine>.describe(e)))
            }
        } else {
            built = .failure(.init(message: "no graphs/\(name)/\(name).cypher"))
        }
        cache.withLock { $0[name] = built }
        return built
    }
}
