import Testing
@testable import ParleyIO

/// The loader's table of label, type and key names answers as a dictionary would, whatever
/// names share a remembered slot, however long, and in whatever order they come.
@Suite struct NameTableTests {
    @Test func findsWhatWasInsertedAndNothingElseWhateverTheOrder() {
        var rng = SplitMix64(seed: 5)
        // Short names that share slots (same length, first and last byte), long names, the
        // empty name, and names differing only in the middle.
        var names = ["name", "nome", "date", "city", "since", "weight", "population", "", "x",
                     "a-key-longer-than-thirty-two-bytes-0", "a-key-longer-than-thirty-two-bytes-1"]
        for i in 0..<40 { names.append("k\(i)e") }
        var table = NameTable()
        var reference: [String: Int32] = [:]
        for step in 0..<5_000 {
            let name = names[Int(rng.next() % UInt64(names.count))]
            let bytes = Array(name.utf8) + [0, 0, 0]  // room after the name, as in a file
            bytes.withUnsafeBufferPointer { buffer in
                let span = ByteSpan(start: buffer.baseAddress!, count: name.utf8.count)
                let found = table.find(span)
                #expect(found == reference[name], "step \(step): \(name)")
                if found == nil && rng.next() % 2 == 0 {
                    let value = Int32(reference.count)
                    table.insert(span, value: value)
                    reference[name] = value
                }
            }
        }
        #expect(reference.count > 30)
    }
}
