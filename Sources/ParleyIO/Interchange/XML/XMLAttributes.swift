/// The attributes of the start tag an ``XMLScanner`` read last: names as byte ranges in the
/// document, values as byte ranges too, or, for a value with references or white space to
/// normalise, decoded into a buffer of the scanner's. Valid until the scanner reads on.
struct XMLAttributes {
    /// One attribute: where its name and (decoded) value are.
    struct Record {
        /// The offset of the name in the document (the qualified name, prefix and all).
        var nameStart: Int
        var nameCount: Int
        /// The offset of the value: in the document, or in the decoded buffer when `decoded`.
        var valueStart: Int
        var valueCount: Int
        var decoded: Bool
    }

    let records: [Record]
    let document: UnsafePointer<UInt8>
    let decodedValues: UnsafePointer<UInt8>

    /// The number of attributes.
    var count: Int { records.count }

    /// The qualified name of the attribute at `index` (in the order of the tag).
    func name(at index: Int) -> ByteSpan {
        let r = records[index]
        return ByteSpan(start: document + r.nameStart, count: r.nameCount)
    }

    /// The value of the attribute at `index`, references decoded and white space normalised.
    func value(at index: Int) -> ByteSpan {
        let r = records[index]
        return ByteSpan(start: (r.decoded ? decodedValues : document) + r.valueStart, count: r.valueCount)
    }

    /// The value of the attribute named `name` (compared with the qualified name: GraphML's and
    /// GEXF's own attributes have no prefix), or nil.
    @inline(__always) subscript(_ name: StaticString) -> ByteSpan? {
        let n = name.utf8CodeUnitCount
        for r in records where r.nameCount == n && ByteSpan.same(document + r.nameStart, name.utf8Start, n) {
            return ByteSpan(start: (r.decoded ? decodedValues : document) + r.valueStart, count: r.valueCount)
        }
        return nil
    }

    /// The value of the attribute named `name` as a `String`, or nil.
    func string(_ name: StaticString) -> String? {
        self[name]?.string
    }
}
