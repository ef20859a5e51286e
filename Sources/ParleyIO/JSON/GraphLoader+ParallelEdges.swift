import Dispatch
import ParleyGraph

/// Reading the `edges` array on two threads: this loader reads the first half while a copy
/// reads the second, from a split guessed in the middle of the array (the `edges` array is
/// usually last, so the middle is between here and the end of the file). How the split is
/// found and checked: GraphLoader+SecondHalf.swift.
extension GraphLoader {
    /// Arrays smaller than this (bytes from `[` to the end of the file) are read on one
    /// thread by default (``edgeSplitMinimum``).
    static let parallelEdgesMinimum = 4 << 20

    /// Where a second thread should start reading edges (the `{` of an edge near the middle
    /// of what is left), or `nil` to read them on one thread. The scanner is inside the array.
    func edgeSplit() -> Int? {
        guard ProcessorCount.online > 1 || edgeSplitMinimum == 0, s.count - s.pos >= max(1, edgeSplitMinimum) else { return nil }
        return elementStart(from: s.pos + (s.count - s.pos) / 2, end: s.count, keys: GraphLoader.edgeKeys)
    }

    /// The keys an edge object may have, as bytes.
    static let edgeKeys: [[UInt8]] = ["source", "target", "type", "id", "properties"].map { Array($0.utf8) }

    /// Reads the edges with a second thread starting at `split` (see the type's comment).
    mutating func readEdgesInTwo(_ split: Int) throws(JSONSyntaxError) {
        let worker = SecondHalfReader(copying: self, at: split, .edges)
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
