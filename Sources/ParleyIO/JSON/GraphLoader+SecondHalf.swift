import ParleyGraph
import Synchronization

/// What reading an array on two threads shares between the `nodes` and the `edges`: finding
/// a split, and the copy of the loader that reads from it.
///
/// The split is the first `}` `,` `{` `"key":` after a point in the array, with a key an
/// element of the array has; in a valid file that is an element's start (see
/// ``startsMember(after:limit:keys:)``). A file may be invalid, so the guess is still checked:
/// the second half is kept only if this loader, reading the first half, lands exactly on the
/// split as an element's start and the copy met no error; otherwise this loader reads on
/// alone, so messages, positions and the loaded graph are those of a single-threaded read.
extension GraphLoader {
    /// The `{` of the first element at or after byte `from` whose first key is one of `keys`
    /// (searching at most 1 MiB, and not past `end`), or `nil`.
    func elementStart(from: Int, end: Int, keys: [[UInt8]]) -> Int? {
        var i = from
        let limit = min(end, s.count - 1, from + (1 << 20))
        while i < limit {
            if s.base[i] == UInt8(ascii: "}") {
                var j = i + 1
                while j < limit && JSONScanner.isWhitespace(s.base[j]) { j += 1 }
                if j < limit && s.base[j] == UInt8(ascii: ",") {
                    j += 1
                    while j < limit && JSONScanner.isWhitespace(s.base[j]) { j += 1 }
                    if j < limit && s.base[j] == UInt8(ascii: "{") && startsMember(after: j + 1, limit: limit, keys: keys) { return j }
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether the bytes after an object's `{` at `start` are whitespace and one of `keys`
    /// in quotes followed by `:`.
    ///
    /// In valid JSON such a `{` after `}` `,` can only start an element of the `nodes` or
    /// `edges` array: inside a string its `"` would have to be escaped (or would end the
    /// string, and a key name cannot follow a string), a property's list holds typed values
    /// (keys starting with `$`), and after a comma inside an object comes a key, not `{`.
    func startsMember(after start: Int, limit: Int, keys: [[UInt8]]) -> Bool {
        var i = start
        while i < limit && JSONScanner.isWhitespace(s.base[i]) { i += 1 }
        guard i < limit && s.base[i] == UInt8(ascii: "\"") else { return false }
        i += 1
        for key in keys where i + key.count < limit {
            var k = 0
            while k < key.count && s.base[i + k] == key[k] { k += 1 }
            guard k == key.count, s.base[i + k] == UInt8(ascii: "\"") else { continue }
            var j = i + k + 1
            while j < limit && JSONScanner.isWhitespace(s.base[j]) { j += 1 }
            return j < limit && s.base[j] == UInt8(ascii: ":")
        }
        return false
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
final class SecondHalfReader: @unchecked Sendable {
    /// The array it reads the second half of.
    enum Section { case nodes, edges }

    /// The loader reading the second half; after ``run()``, the one that read all of it, or
    /// `nil` if it met an error or was cancelled.
    var loader: GraphLoader?
    let cancel = LoaderFlag()
    let section: Section

    /// A copy of `loader` that reads `section` from byte `split` to the end of the array.
    init(copying loader: GraphLoader, at split: Int, _ section: Section) {
        self.section = section
        var copy = loader
        // A scanner of its own: the scratch buffer for escaped strings is a shared class.
        copy.s = JSONScanner(base: loader.s.base, count: loader.s.count)
        copy.s.pos = split
        copy.progress = loader.progress == nil ? nil : WorkProgress(unit: .bytes, total: 0)
        copy.secondHalf = nil
        copy.releasedFrom = split
        // Both threads intern names as they meet them: tables of its own (see NameTable.separated).
        copy.labelTable = loader.labelTable.separated()
        copy.typeTable = loader.typeTable.separated()
        copy.keyTable = loader.keyTable.separated()
        switch section {
        case .edges:
            copy.relTypes = []
            copy.relStarts = []
            copy.relEnds = []
            copy.pending = []
            copy.pendingEdges = 0
        case .nodes:
            // Ids of its own (joined to this loader's after both halves are read).
            copy.nodeTable = ByteStringTable(capacity: loader.nodeTable.capacityHint / 2)
            copy.nodeIDOffsets = []
        }
        self.loader = copy
    }

    func run() {
        guard var reader = loader.take() else { return }
        do throws(JSONSyntaxError) {
            let stopped: Int?
            switch section {
            case .edges:
                reader.pending.reserveCapacity(GraphLoader.batch + 2)
                stopped = try reader.readEdgeElements(from: 0, stop: Int.max, cancel: cancel)
            case .nodes:
                stopped = try reader.readNodeElements(from: 0, stop: Int.max, cancel: cancel)
            }
            if stopped == nil && !cancel.isSet { loader = consume reader }
        } catch {
            loader = nil
        }
    }
}
