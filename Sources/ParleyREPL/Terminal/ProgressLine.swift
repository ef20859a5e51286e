import Foundation
import ParleyIO
import Synchronization

/// A progress line on standard error for a long load: shown only on a terminal, only after
/// the work has taken a second (`PARLEY_PROGRESS_AFTER` seconds), redrawn ten times a second
/// and erased at the end: `Loading g.json: 45.2 of 94.1 MB (48%), 41.0 MB/s, about 1 s left`.
final class ProgressLine: Sendable {
    private let title: String
    private let progress = Mutex<WorkProgress?>(nil)
    private let stopped = Atomic<Bool>(false)
    private let drawn = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Runs `body` with a progress factory, showing the line while it runs when `enabled`.
    /// `unit` says what the work counts (bytes by default; elements for a push or pull).
    static func run<T, E: Error>(_ title: String, unit: WorkProgress.Unit = .bytes, enabled: Bool, _ body: (((Int) -> WorkProgress)?) throws(E) -> T) throws(E) -> T {
        guard enabled else { return try body(nil) }
        let line = ProgressLine(title: title)
        let factory: (Int) -> WorkProgress = { total in
            let p = WorkProgress(unit: unit, total: total)
            line.progress.withLock { $0 = p }
            return p
        }
        line.start()
        defer { line.stop() }
        return try body(factory)
    }

    private init(title: String) { self.title = title }

    /// Seconds before the line first shows (1, or `PARLEY_PROGRESS_AFTER`).
    static var delay: Double {
        ProcessInfo.processInfo.environment["PARLEY_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
    }

    private func start() {
        let delay = ProgressLine.delay
        let thread = Thread { [self] in
            let started = Date()
            while !stopped.load(ordering: .relaxed) {
                usleep(100_000)
                let elapsed = Date().timeIntervalSince(started)
                guard elapsed >= delay, !stopped.load(ordering: .relaxed), let p = progress.withLock({ $0 }) else { continue }
                FileOutput.standardError.write("\r\u{1B}[K" + ProgressLine.text(title, unit: p.unit, done: p.done, total: p.total, elapsed: elapsed))
                drawn.store(true, ordering: .relaxed)
            }
            finished.signal()
        }
        thread.start()
    }

    private func stop() {
        stopped.store(true, ordering: .relaxed)
        finished.wait()
        if drawn.load(ordering: .relaxed) { FileOutput.standardError.write("\r\u{1B}[K") }
    }

    /// `Loading g.json: 45.2 of 94.1 MB (48%), 41.0 MB/s, about 1 s left`.
    /// With elements: `Pushing to bolt://db:7687: 1200 of 5000 (24%), 800/s, about 5 s left`
    /// (`1200 so far` when the total is not known).
    static func text(_ title: String, unit: WorkProgress.Unit = .bytes, done: Int, total: Int, elapsed: Double) -> String {
        if unit == .elements {
            var text = total > 0 ? "\(title): \(done) of \(total) (\(done * 100 / total)%)" : "\(title): \(done) so far"
            if elapsed > 0 && done > 0 {
                let rate = Double(done) / elapsed
                text += ", \(Int(rate))/s"
                if total > done { text += ", about \(Int((Double(total - done) / rate).rounded(.up))) s left" }
            }
            return text
        }
        func mb(_ b: Int) -> String { String(format: "%.1f", Double(b) / 1_000_000) }
        var text = "\(title): \(mb(done)) of \(mb(total)) MB"
        if total > 0 { text += " (\(done * 100 / total)%)" }
        if elapsed > 0 && done > 0 {
            let rate = Double(done) / elapsed
            text += String(format: ", %.1f MB/s", rate / 1_000_000)
            if total > done { text += ", about \(Int((Double(total - done) / rate).rounded(.up))) s left" }
        }
        return text
    }
}
