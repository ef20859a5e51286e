// parley-bench: release-mode benchmarks (see docs/benchmarks.md).
//
//   swift run -c release parley-bench generate --nodes N --edges M [--seed S] OUT
//
//   swift run -c release parley-bench load [--runs N] [--tsv] FILE...
//
//   swift run -c release parley-bench queries [--runs N] [--only Q1,Q2] [--tsv] DIR
//
//   swift run -c release parley-bench algorithms [--runs N] [--only pagerank20,wcc] DIR
//
// Subcommands live in `commands` below.

import ParleyGraph
import ParleyIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic wall-clock time in seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The resident set size in bytes, from /proc/self/statm (Linux); the peak RSS elsewhere.
func residentBytes() -> Int {
    #if os(Linux)
    if let fd = Optional(open("/proc/self/statm", O_RDONLY)), fd >= 0 {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        if n > 0 {
            let fields = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: " ")
            if fields.count > 1, let pages = Int(fields[1]) { return pages * Int(sysconf(Int32(_SC_PAGESIZE))) }
        }
    }
    #endif
    return peakResidentBytes()
}

/// The CPU time (user + system) this process has used, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The peak resident set size in bytes (getrusage).
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)
    #endif
}

/// `12.3 ms`, `1.234 s`.
func formatSeconds(_ s: Double) -> String {
    if s < 1e-3 { return String(format1: s * 1e6, "µs") }
    if s < 1 { return String(format1: s * 1e3, "ms") }
    return String(format3: s, "s")
}

extension String {
    init(format1 v: Double, _ unit: String) { self = "\((v * 10).rounded() / 10) \(unit)" }
    init(format3 v: Double, _ unit: String) { self = "\((v * 1000).rounded() / 1000) \(unit)" }
}

func mib(_ bytes: Int) -> String { "\((Double(bytes) / 1_048_576 * 10).rounded() / 10) MiB" }

func fail(_ message: String) -> Never {
    warn(message)
    exit(2)
}

/// Writes `parley-bench: MESSAGE` to stderr.
func warn(_ message: String) {
    let text = Array("parley-bench: \(message)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress!, $0.count) }
}

// MARK: - load

/// `load [--runs N] [--tsv] FILE...`: per file, the size, the median load time of N runs, MB/s,
/// the memory held after the load (RSS delta) and the node and relationship counts (`--tsv`:
/// file, median, min and max in seconds, bytes held, nodes, relationships).
func loadBenchmark(_ arguments: [String]) {
    var runs = 3
    var files: [String] = []
    var tsv = false
    var i = 0
    while i < arguments.count {
        if arguments[i] == "--tsv" {
            tsv = true
            i += 1
        } else if arguments[i] == "--runs" {
            guard i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 else { fail("--runs needs a positive number") }
            runs = n
            i += 2
        } else {
            files.append(arguments[i])
            i += 1
        }
    }
    guard !files.isEmpty else { fail("usage: parley-bench load [--runs N] [--tsv] FILE...") }
    if tsv { print("file\tmedian_s\tmin_s\tmax_s\theld_bytes\tnodes\trels") } else { print("file\tsize\tload (median of \(runs))\tmin..max\tMB/s\tCPU (median)\theld\tpeak RSS\tnodes\trels") }
    for file in files {
        var times: [Double] = [], cpu: [Double] = []
        var held = 0
        var nodes = 0, rels = 0
        let size = fileSize(file)
        for run in 0..<runs {
            let before = residentBytes()
            let start = now(), startCPU = cpuSeconds()
            let graph: GraphStore
            do {
                graph = try GraphFile.load(path: file)
            } catch {
                fail(error.description)
            }
            times.append(now() - start)
            cpu.append(cpuSeconds() - startCPU)
            // The first run measures memory: later runs start with whatever the allocator kept.
            if run == 0 { held = residentBytes() - before }
            nodes = graph.nodeCount
            rels = graph.relationshipCount
        }
        times.sort()
        cpu.sort()
        let median = times[times.count / 2]
        if tsv {
            print("\(file)\t\(median)\t\(times.first!)\t\(times.last!)\t\(held)\t\(nodes)\t\(rels)")
            continue
        }
        let mbps = Double(size) / 1e6 / median
        print("\(file)\t\(mib(size))\t\(formatSeconds(median))\t\(formatSeconds(times.first!))..\(formatSeconds(times.last!))\t\((mbps * 10).rounded() / 10)\t\(formatSeconds(cpu[cpu.count / 2]))\t\(mib(held))\t\(mib(peakResidentBytes()))\t\(nodes)\t\(rels)")
    }
}

func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

// MARK: - save

/// `save [--announce] FILE OUT`: loads FILE, then times writing it to OUT (serialize + atomic
/// save). `--announce` prints `saving` (flushed) just before the save starts, so that a test
/// can kill the process during the save (Tests/ParleyIOTests/SaveKillTests.swift).
func saveBenchmark(_ arguments: [String]) {
    var arguments = arguments
    let announce = arguments.first == "--announce"
    if announce { arguments.removeFirst() }
    guard arguments.count == 2 else { fail("usage: parley-bench save [--announce] FILE OUT") }
    let graph: GraphStore
    do {
        graph = try GraphFile.load(path: arguments[0])
    } catch {
        fail(error.description)
    }
    if announce {
        let line = Array("saving\n".utf8)
        _ = line.withUnsafeBytes { write(1, $0.baseAddress!, $0.count) }
    }
    let start = now()
    do {
        try GraphFile.save(graph, to: arguments[1])
    } catch {
        fail(error.description)
    }
    let seconds = now() - start
    let size = fileSize(arguments[1])
    print("\(arguments[1])\t\(mib(size))\tsave \(formatSeconds(seconds))\t\((Double(size) / 1e6 / seconds * 10).rounded() / 10) MB/s")
}

// MARK: - Subcommands

/// The subcommands.
let commands: [String: (summary: String, run: ([String]) -> Void)] = [
    "generate": ("generate --nodes N --edges M [--seed S] [--no-json] OUT   write the synthetic benchmark graph", generateGraph),
    "load": ("load [--runs N] FILE...     time loading JSON graph files", loadBenchmark),
    "save": ("save [--announce] FILE OUT  time saving a loaded graph", saveBenchmark),
    "cancel": ("cancel [--after S] [--max-rows N] [--max-memory SIZE] [--only cancel|budget|paths] FILE   runaway query: cancel latency, budgets", cancelBenchmark),
    "asof": ("asof [--runs N] DIR   what an as-of view costs: making it, and Q1–Q8 on it beside the whole graph", asOfBenchmark),
    "queries": ("queries [--runs N] [--only Q1,Q2] DIR   time Q1–Q8 on DIR/graph.json", queryBenchmark),
    "algorithms": ("algorithms [--runs N] [--only pagerank20,wcc] DIR   time the algo.* procedures on DIR/graph.json", algorithmBenchmark),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let command = commands[name] else {
    print("usage: parley-bench COMMAND ...")
    for (_, c) in commands.sorted(by: { $0.key < $1.key }) { print("  \(c.summary)") }
    exit(arguments.isEmpty ? 0 : 2)
}
command.run(Array(arguments.dropFirst()))
