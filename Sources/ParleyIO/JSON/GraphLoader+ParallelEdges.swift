import Dispatch
import ParleyGraph
import Synchronization

/// Reading the `edges` array on two threads: this loader reads the first half while a copy
/// reads the second, from a split guessed in the middle of the array.
///
/// The guess is the first `}` `,` `{` `"key":` after the middle with a key an edge has, which
/// in a valid file is the start of an edge (``startsEdgeMember(after:limit:)``); a file may be
/// invalid, so the guess is still checked: the second half is kept only if
/// this loader, reading the first half, lands exactly on the split as the start of an edge;
/// then reading on from there alone would have read the very same edges. If it does not,
/// or if the second half meets any error (whose message would not know the edge's number),
/// the copy's work is dropped and this loader reads on alone, so messages, positions and the
/// loaded graph are those of a single-threaded read.
extension GraphLoader {
    /// Arrays smaller than this (bytes from `[` to the end of the file) are read on one
    /// thread by default (``edgeSplitMinimum``).
    static let parallelEdgesMinimum = 4 << 20

    /// Where a second thread should start reading edges (the `{` of an edge near the middle
    /// of what is left), or `nil` to read them on one thread. The scanner is inside the array.
    func edgeSplit() -> Int? {
        guard ProcessorCount.online > 1 || edgeSplitMinimum == 0, s.count - s.pos >= max(1, edgeSplitMinimum) else { return nil }
        var i = s.pos + (s.count - s.pos) / 2
        let limit = min(s.count - 1, i + (1 << 20))
        while i < limit {
            if s.base[i] == UInt8(ascii: "}") {
                var j = i + 1
                while j < limit && JSONScanner.isWhitespace(s.base[j]) { j += 1 }
                if j < limit && s.base[j] == UInt8(ascii: ",") {
                    j += 1
                    while j < limit && JSONScanner.isWhitespace(s.base[j]) { j += 1 }
                    if j < limit && s.base[j] == UInt8(ascii: "{") && startsEdgeMember(after: j + 1, limit: limit) { return j }
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether the bytes after an object's `{` at `i` are whitespace and a key an edge has
    /// (`"source"`, `"target"`, `"type"`, `"id"`, `"properties"`) followed by `:`.
    ///
    /// In valid JSON such a `{` after `}` `,` can only start an element of the edges array:
    /// inside a string its `"` would have to be escaped (or would end the string, and a key
    /// name cannot follow a string), a property's list holds typed values (keys starting with
    /// `$`), and after a comma inside an object comes a key, not `{`.
    func startsEdgeMember(after start: Int, limit: Int) -> Bool {
        var i = start
        while i < limit && JSONScanner.isWhitespace(s.base[i]) { i += 1 }
        guard i < limit && s.base[i] == UInt8(ascii: "\"") else { return false }
        i += 1
        for key in GraphLoader.edgeKeys where i + key.count < limit {
            var k = 0
            while k < key.count && s.base[i + k] == key[k] { k += 1 }
            guard k == key.count, s.base[i + k] == UInt8(ascii: "\"") else { continue }
            var j = i + k + 1
            while j < limit && JSONScanner.isWhitespace(s.base[j]) { j += 1 }
            return j < limit && s.base[j] == UInt8(ascii: ":")
        }
        return false
    }

    /// The keys an edge object may have, as bytes.
    static let edgeKeys: [[UInt8]] = ["source", "target", "type", "id", "properties"].map { Array($0.utf8) }

    /// Reads the edges with a second thread starting at `split` (see the type's comment).
    mutating func readEdgesInTwo(_ split: Int) throws(JSONSyntaxError) {
        let worker = EdgeWorker(copying: self, at: split)
        if let progress = worker.loader?.progress { secondHalf = (progress, split) }
        defer { secondHalf = nil }
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { worker.run() }
        let stoppedAt: Int?
        do {
            stoppedAt = try readEdgeElements(from: 0, stop: split)
        } catch {
            worker.cancel.set()
            group.wait()
            throw error
        }
        guard let index = stoppedAt else {
            // The split was not an edge's start; this thread has read every edge.
            worker.cancel.set()
            group.wait()
            return
        }
        group.wait()
        guard var second = worker.loader.take() else {
            secondHalf = nil
            _ = try readEdgeElements(from: index, stop: Int.max)
            return
        }
        join(&second)
    }

    /// Takes the edges another loader read (after this one's) into this one.
    mutating func join(_ other: inout GraphLoader) {
        let base = relTypes.count
        var typeMap: [Int32] = []
        typeMap.reserveCapacity(other.store.types.count)
        for t in 0..<other.store.types.count {
            typeMap.append(store.internType(other.store.types.name(Int32(t))))
        }
        relTypes.reserveCapacity(base + other.relTypes.count)
        for t in other.relTypes { relTypes.append(typeMap[Int(t)]) }
        relStarts.append(contentsOf: other.relStarts)
        relEnds.append(contentsOf: other.relEnds)
        store.appendRelationshipProperties(of: &other.store, at: base)
        s.pos = other.s.pos
        joinedHalves = true
        progress?.update(s.pos)
    }
}

/// A flag one thread sets and another polls.
final class LoaderFlag: Sendable {
    private let value = Atomic<Bool>(false)
    /// Sets the flag.
    func set() { value.store(true, ordering: .relaxed) }
    /// Whether the flag is set.
    var isSet: Bool { value.load(ordering: .relaxed) }
}

/// The second thread's loader and what it read. Written by that thread alone until the
/// group it runs in is waited for.
private final class EdgeWorker: @unchecked Sendable {
    /// The loader reading the second half; after ``run()``, the one that read all of it, or
    /// `nil` if it met an error or was cancelled.
    var loader: GraphLoader?
    let cancel = LoaderFlag()

    init(copying loader: GraphLoader, at split: Int) {
        var copy = loader
        // A scanner of its own: the scratch buffer for escaped strings is a shared class.
        copy.s = JSONScanner(base: loader.s.base, count: loader.s.count)
        copy.s.pos = split
        copy.progress = loader.progress == nil ? nil : WorkProgress(unit: .bytes, total: 0)
        copy.secondHalf = nil
        copy.relTypes = []
        copy.relStarts = []
        copy.relEnds = []
        copy.pending = []
        copy.pendingEdges = 0
        copy.releasedFrom = split
        self.loader = copy
    }

    func run() {
        guard var reader = loader.take() else { return }
        do throws(JSONSyntaxError) {
            reader.pending.reserveCapacity(GraphLoader.batch + 2)
            let stopped = try reader.readEdgeElements(from: 0, stop: Int.max, cancel: cancel)
            if stopped == nil && !cancel.isSet { loader = consume reader }
        } catch {
            loader = nil
        }
    }
}
