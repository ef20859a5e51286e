import ParleyValues

/// Writes values in PackStream v1, each in its smallest form (big-endian, as the spec requires).
public struct PackStreamEncoder: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// How structures whose layout changed between Bolt versions are written.
    public var dialect: BoltDialect

    public init(dialect: BoltDialect = .v5) { self.dialect = dialect }

    /// Encodes one value and returns the bytes (a convenience for tests and small messages).
    public static func bytes(of value: BoltValue, dialect: BoltDialect = .v5) throws(BoltError) -> [UInt8] {
        var e = PackStreamEncoder(dialect: dialect)
        try e.encode(value)
        return e.bytes
    }

    /// Appends one value.
    public mutating func encode(_ value: BoltValue) throws(BoltError) {
        switch value {
        case .null: bytes.append(PackStreamMarker.null)
        case .bool(let b): bytes.append(b ? PackStreamMarker.trueValue : PackStreamMarker.falseValue)
        case .int(let i): encodeInt(i)
        case .float(let d):
            bytes.append(PackStreamMarker.float64)
            appendBigEndian(d.bitPattern)
        case .string(let s): try encodeString(s)
        case .bytes(let b):
            try header(count: b.count, tiny: nil, m8: PackStreamMarker.bytes8, m16: PackStreamMarker.bytes16, m32: PackStreamMarker.bytes32, what: "byte array")
            bytes += b
        case .list(let items):
            try header(count: items.count, tiny: PackStreamMarker.tinyList, m8: PackStreamMarker.list8, m16: PackStreamMarker.list16, m32: PackStreamMarker.list32, what: "list")
            for item in items { try encode(item) }
        case .map(let map): try encodeMap(map)
        case .node(let n): try encodeNode(n)
        case .relationship(let r): try encodeRelationship(r)
        case .unboundRelationship(let r): try encodeUnbound(r)
        case .path(let p):
            try structureHeader(fields: 3, signature: BoltSignature.path)
            try encode(.list(p.nodes.map { .node($0) }))
            try encode(.list(p.relationships.map { .unboundRelationship($0) }))
            try encode(.list(p.indices.map { .int($0) }))
        case .date(let d):
            try structureHeader(fields: 1, signature: BoltSignature.date)
            encodeInt(d.epochDay)
        case .time(let t):
            try structureHeader(fields: 2, signature: BoltSignature.time)
            encodeInt(t.time.nanoOfDay)
            encodeInt(Int64(t.offsetSeconds))
        case .localTime(let t):
            try structureHeader(fields: 1, signature: BoltSignature.localTime)
            encodeInt(t.nanoOfDay)
        case .dateTime(let z): try encodeDateTime(z)
        case .localDateTime(let l):
            try structureHeader(fields: 2, signature: BoltSignature.localDateTime)
            encodeInt(l.epochSecond)
            encodeInt(l.time.nanosecond)
        case .duration(let d):
            try structureHeader(fields: 4, signature: BoltSignature.duration)
            encodeInt(d.months)
            encodeInt(d.days)
            encodeInt(d.seconds)
            encodeInt(d.nanoseconds)
        case .point(let p):
            if let z = p.z {
                try structureHeader(fields: 4, signature: BoltSignature.point3D)
                encodeInt(p.srid)
                try encode(.float(p.x))
                try encode(.float(p.y))
                try encode(.float(z))
            } else {
                try structureHeader(fields: 3, signature: BoltSignature.point2D)
                encodeInt(p.srid)
                try encode(.float(p.x))
                try encode(.float(p.y))
            }
        case .structure(let s):
            try structureHeader(fields: s.fields.count, signature: s.signature)
            for f in s.fields { try encode(f) }
        }
    }

    /// Appends a structure's marker and signature; its fields follow.
    public mutating func structureHeader(fields: Int, signature: UInt8) throws(BoltError) {
        guard fields <= 15 else { throw .unsupportedValue("a structure of \(fields) fields (PackStream allows 15)") }
        bytes.append(PackStreamMarker.tinyStructure | UInt8(fields))
        bytes.append(signature)
    }

    /// Appends an integer in the smallest of the five forms that holds it.
    public mutating func encodeInt(_ i: Int64) {
        switch i {
        case -16...127: bytes.append(UInt8(bitPattern: Int8(i)))
        case -128 ..< -16:
            bytes.append(PackStreamMarker.int8)
            bytes.append(UInt8(bitPattern: Int8(i)))
        case -32768...32767:
            bytes.append(PackStreamMarker.int16)
            appendBigEndian(UInt16(bitPattern: Int16(i)))
        case Int64(Int32.min)...Int64(Int32.max):
            bytes.append(PackStreamMarker.int32)
            appendBigEndian(UInt32(bitPattern: Int32(i)))
        default:
            bytes.append(PackStreamMarker.int64)
            appendBigEndian(UInt64(bitPattern: i))
        }
    }

    /// Appends a string as UTF-8.
    public mutating func encodeString(_ s: String) throws(BoltError) {
        let utf8 = Array(s.utf8)
        try header(count: utf8.count, tiny: PackStreamMarker.tinyString, m8: PackStreamMarker.string8, m16: PackStreamMarker.string16, m32: PackStreamMarker.string32, what: "string")
        bytes += utf8
    }

    /// Appends a dictionary, entries in order.
    public mutating func encodeMap(_ map: BoltMap) throws(BoltError) {
        try header(count: map.count, tiny: PackStreamMarker.tinyMap, m8: PackStreamMarker.map8, m16: PackStreamMarker.map16, m32: PackStreamMarker.map32, what: "map")
        for e in map.entries {
            try encodeString(e.key)
            try encode(e.value)
        }
    }

    private mutating func encodeNode(_ n: BoltNode) throws(BoltError) {
        try structureHeader(fields: dialect.elementIDs ? 4 : 3, signature: BoltSignature.node)
        encodeInt(n.id)
        try encode(.list(n.labels.map { .string($0) }))
        try encodeMap(n.properties)
        if dialect.elementIDs { try encodeString(n.elementID ?? String(n.id)) }
    }

    private mutating func encodeRelationship(_ r: BoltRelationship) throws(BoltError) {
        try structureHeader(fields: dialect.elementIDs ? 8 : 5, signature: BoltSignature.relationship)
        encodeInt(r.id)
        encodeInt(r.startNodeID)
        encodeInt(r.endNodeID)
        try encodeString(r.type)
        try encodeMap(r.properties)
        if dialect.elementIDs {
            try encodeString(r.key)
            try encodeString(r.startKey)
            try encodeString(r.endKey)
        }
    }

    private mutating func encodeUnbound(_ r: BoltUnboundRelationship) throws(BoltError) {
        try structureHeader(fields: dialect.elementIDs ? 4 : 3, signature: BoltSignature.unboundRelationship)
        encodeInt(r.id)
        try encodeString(r.type)
        try encodeMap(r.properties)
        if dialect.elementIDs { try encodeString(r.elementID ?? String(r.id)) }
    }

    private mutating func encodeDateTime(_ z: CypherDateTime) throws(BoltError) {
        // UTC forms carry the instant's seconds; legacy forms the wall clock's.
        let seconds = dialect.utcDateTime ? z.epochSecond : z.local.epochSecond
        if let zone = z.zoneName {
            try structureHeader(fields: 3, signature: dialect.utcDateTime ? BoltSignature.dateTimeZoneID : BoltSignature.legacyDateTimeZoneID)
            encodeInt(seconds)
            encodeInt(z.nano)
            try encodeString(zone)
        } else {
            try structureHeader(fields: 3, signature: dialect.utcDateTime ? BoltSignature.dateTime : BoltSignature.legacyDateTime)
            encodeInt(seconds)
            encodeInt(z.nano)
            encodeInt(Int64(z.offsetSeconds))
        }
    }

    private mutating func header(count: Int, tiny: UInt8?, m8: UInt8, m16: UInt8, m32: UInt8, what: String) throws(BoltError) {
        if let tiny, count < 16 {
            bytes.append(tiny | UInt8(count))
        } else if count <= Int(UInt8.max) {
            bytes.append(m8)
            bytes.append(UInt8(count))
        } else if count <= Int(UInt16.max) {
            bytes.append(m16)
            appendBigEndian(UInt16(count))
        } else if count <= Int(Int32.max) {
            // PackStream sizes are unsigned 32-bit, but readers in signed languages stop at 2^31 - 1.
            bytes.append(m32)
            appendBigEndian(UInt32(count))
        } else {
            throw .unsupportedValue("a \(what) of \(count) entries is too large for PackStream")
        }
    }

    private mutating func appendBigEndian<T: FixedWidthInteger>(_ v: T) {
        var be = v.bigEndian
        withUnsafeBytes(of: &be) { bytes.append(contentsOf: $0) }
    }
}
