import Dispatch
import ParleyGraph

/// Reading the `nodes` array on two threads, as the edges are (GraphLoader+SecondHalf.swift):
/// this loader reads the first half while a copy reads the second into a store and an id
/// table of its own, which are then joined to this loader's. An id of the second half that
/// the first half has too sends the second half back to this thread, so that the duplicate
/// is reported as a one-thread read reports it.
///
/// The `nodes` array usually comes first, so where it ends is not known when it starts: it is
/// found roughly (``nodesEnd()``) by looking at a few places in the file, in a binary search
/// for the last one where a node starts.
extension GraphLoader {
    /// Arrays smaller than this (bytes from `[` to the array's guessed end) are read on one
    /// thread by default (``nodeSplitMinimum``).
    static let parallelNodesMinimum = 4 << 20

    /// The keys a node object may have, as bytes.
    static let nodeKeys: [[UInt8]] = ["id", "labels", "properties"].map { Array($0.utf8) }

    /// Reads the `nodes` array (the scanner at its `[`).
    mutating func readNodes() throws(JSONSyntaxError) {
        if try openArray("nodes") {
            if let split = nodeSplit() {
                try readNodesInTwo(split)
            } else {
                _ = try readNodeElements(from: 0, stop: Int.max)
            }
        }
        nodesRead = true
    }

    /// Reads nodes from the one numbered `first` on (see ``readObjectElements(_:from:stop:cancel:_:)``).
    mutating func readNodeElements(from first: Int, stop: Int, cancel: LoaderFlag? = nil) throws(JSONSyntaxError) -> Int? {
        try readObjectElements("nodes", from: first, stop: stop, cancel: cancel) { (loader: inout GraphLoader, index: Int) throws(JSONSyntaxError) in
            try loader.readNode(index)
        }
    }

    /// Where a second thread should start reading nodes (the `{` of a node near the middle of
    /// the array), or `nil` to read them on one thread. The scanner is inside the array.
    func nodeSplit() -> Int? {
        guard ProcessorCount.online > 1 || nodeSplitMinimum == 0 else { return nil }
        let end = nodesEnd()
        guard end - s.pos >= max(1, nodeSplitMinimum) else { return nil }
        return elementStart(from: s.pos + (end - s.pos) / 2, end: end, keys: GraphLoader.nodeKeys)
    }

    /// Roughly where the `nodes` array ends (within 256 bytes and a node): the last of the
    /// places a binary search looks at where the next element is a node
    /// (``looksLikeNode(at:)``; about 20 looks on a 100 MB file). Only a guess for the split;
    /// a wrong one costs time, not correctness.
    func nodesEnd() -> Int {
        var lo = s.pos, hi = s.count
        while hi - lo > 256 {
            let mid = lo + (hi - lo) / 2
            if let j = elementStart(from: mid, end: s.count, keys: GraphLoader.nodeKeys + GraphLoader.edgeKeys), looksLikeNode(at: j) {
                lo = mid
            } else {
                hi = mid
            }
        }
        return lo
    }

    /// Whether the object whose `{` is at `start` looks like a node rather than an edge: its
    /// first key is `labels` or `properties`, or `id` with a string value followed by
    /// `labels`, `properties` or the object's end.
    func looksLikeNode(at start: Int) -> Bool {
        var t = JSONScanner(base: s.base, count: s.count)
        t.pos = start + 1
        t.skipWhitespace()
        guard t.peek() == UInt8(ascii: "\""), let first = try? t.readString() else { return false }
        if first.equals("labels") || first.equals("properties") { return true }
        guard first.equals("id") else { return false }
        t.skipWhitespace()
        guard t.peek() == UInt8(ascii: ":") else { return false }
        t.pos += 1
        t.skipWhitespace()
        guard t.peek() == UInt8(ascii: "\""), (try? t.readString()) != nil else { return false }
        t.skipWhitespace()
        if t.peek() == UInt8(ascii: "}") { return true }
        guard t.peek() == UInt8(ascii: ",") else { return false }
        t.pos += 1
        t.skipWhitespace()
        guard t.peek() == UInt8(ascii: "\""), let second = try? t.readString() else { return false }
        return second.equals("labels") || second.equals("properties")
    }

    /// Reads the nodes with a second thread starting at `split` (see the type's comment).
    mutating func readNodesInTwo(_ split: Int) throws(JSONSyntaxError) {
        let worker = SecondHalfReader(copying: self, at: split, .nodes)
        if let progress = worker.loader?.progress { secondHalf = (progress, split) }
        defer { secondHalf = nil }
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { worker.run() }
        let stoppedAt: Int?
        do {
            stoppedAt = try readNodeElements(from: 0, stop: split)
        } catch {
            worker.cancel.set()
            group.wait()
            throw error
        }
        guard let index = stoppedAt else {
            // The split was not a node's start; this thread has read every node.
            worker.cancel.set()
            group.wait()
            return
        }
        group.wait()
        guard var second = worker.loader.take(), joinNodes(&second) else {
            secondHalf = nil
            _ = try readNodeElements(from: index, stop: Int.max)
            return
        }
    }

    /// Takes the nodes another loader read (after this one's) into this one; `false` (and
    /// nothing taken) if the two share an id.
    mutating func joinNodes(_ other: inout GraphLoader) -> Bool {
        guard nodeTable.isDisjoint(with: other.nodeTable) else { return false }
        nodeTable.insertAll(of: other.nodeTable, adding: Int32(store.nodeCapacity))
        nodeIDOffsets.append(contentsOf: other.nodeIDOffsets)
        store.appendNodes(of: &other.store)
        s.pos = other.s.pos
        joinedNodeHalves = true
        progress?.update(s.pos)
        return true
    }
}
