import ParleyValues

/// Reads PackStream v1 values from a byte array, any form a writer chose (a server may write
/// `1` as INT_8 where Parley writes a tiny int), and turns Bolt's structures into typed values.
public struct PackStreamDecoder: Sendable {
    /// The bytes being read.
    public let bytes: [UInt8]
    /// The offset of the next byte to read.
    public private(set) var position: Int = 0
    /// Deepest nesting of lists, maps and structures accepted (a guard against hostile input).
    public static let maximumDepth = 256

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// Decodes a whole buffer holding one value.
    public static func value(of bytes: [UInt8]) throws(BoltError) -> BoltValue {
        var d = PackStreamDecoder(bytes)
        let v = try d.decode()
        guard d.isAtEnd else { throw .protocolViolation("\(bytes.count - d.position) bytes after the value") }
        return v
    }

    /// Reads one value.
    public mutating func decode() throws(BoltError) -> BoltValue {
        try decode(depth: 0)
    }

    /// Reads a structure's marker and signature (a Bolt message's header): its field count and tag.
    public mutating func decodeStructureHeader() throws(BoltError) -> (fields: Int, signature: UInt8) {
        let m = try byte()
        guard m & 0xF0 == PackStreamMarker.tinyStructure else {
            throw .protocolViolation("expected a structure, found marker 0x\(hex2(m)) at byte \(position - 1)")
        }
        return (Int(m & 0x0F), try byte())
    }

    private mutating func decode(depth: Int) throws(BoltError) -> BoltValue {
        guard depth < Self.maximumDepth else { throw .protocolViolation("values nested deeper than \(Self.maximumDepth)") }
        let at = position
        let m = try byte()
        switch m {
        case 0x00...0x7F: return .int(Int64(m))
        case 0xF0...0xFF: return .int(Int64(Int8(bitPattern: m)))
        case PackStreamMarker.null: return .null
        case PackStreamMarker.falseValue: return .bool(false)
        case PackStreamMarker.trueValue: return .bool(true)
        case PackStreamMarker.float64: return .float(Double(bitPattern: try read(UInt64.self)))
        case PackStreamMarker.int8: return .int(Int64(Int8(bitPattern: try byte())))
        case PackStreamMarker.int16: return .int(Int64(Int16(bitPattern: try read(UInt16.self))))
        case PackStreamMarker.int32: return .int(Int64(Int32(bitPattern: try read(UInt32.self))))
        case PackStreamMarker.int64: return .int(Int64(bitPattern: try read(UInt64.self)))
        case PackStreamMarker.bytes8: return .bytes(try take(Int(try byte())))
        case PackStreamMarker.bytes16: return .bytes(try take(Int(try read(UInt16.self))))
        case PackStreamMarker.bytes32: return .bytes(try take(Int(try read(UInt32.self))))
        case 0x80...0x8F: return .string(try string(Int(m & 0x0F)))
        case PackStreamMarker.string8: return .string(try string(Int(try byte())))
        case PackStreamMarker.string16: return .string(try string(Int(try read(UInt16.self))))
        case PackStreamMarker.string32: return .string(try string(Int(try read(UInt32.self))))
        case 0x90...0x9F: return .list(try list(Int(m & 0x0F), depth: depth))
        case PackStreamMarker.list8: return .list(try list(Int(try byte()), depth: depth))
        case PackStreamMarker.list16: return .list(try list(Int(try read(UInt16.self)), depth: depth))
        case PackStreamMarker.list32: return .list(try list(Int(try read(UInt32.self)), depth: depth))
        case 0xA0...0xAF: return .map(try map(Int(m & 0x0F), depth: depth))
        case PackStreamMarker.map8: return .map(try map(Int(try byte()), depth: depth))
        case PackStreamMarker.map16: return .map(try map(Int(try read(UInt16.self)), depth: depth))
        case PackStreamMarker.map32: return .map(try map(Int(try read(UInt32.self)), depth: depth))
        case 0xB0...0xBF:
            let signature = try byte()
            var fields: [BoltValue] = []
            fields.reserveCapacity(Int(m & 0x0F))
            for _ in 0..<Int(m & 0x0F) { fields.append(try decode(depth: depth + 1)) }
            return try BoltStructureReader.value(signature: signature, fields: fields)
        default:
            throw .protocolViolation("unknown PackStream marker 0x\(hex2(m)) at byte \(at)")
        }
    }

    private mutating func list(_ count: Int, depth: Int) throws(BoltError) -> [BoltValue] {
        try need(count)  // every item takes at least one byte
        var out: [BoltValue] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try decode(depth: depth + 1)) }
        return out
    }

    private mutating func map(_ count: Int, depth: Int) throws(BoltError) -> BoltMap {
        try need(count * 2)
        var entries: [(key: String, value: BoltValue)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let keyAt = position
            guard case .string(let key) = try decode(depth: depth + 1) else {
                throw .protocolViolation("a map key at byte \(keyAt) is not a string")
            }
            entries.append((key: key, value: try decode(depth: depth + 1)))
        }
        return BoltMap(entries)
    }

    private mutating func string(_ count: Int) throws(BoltError) -> String {
        let at = position
        let raw = try take(count)
        guard let s = String(validating: raw, as: UTF8.self) else {
            throw .protocolViolation("a string at byte \(at) is not valid UTF-8")
        }
        return s
    }

    private mutating func byte() throws(BoltError) -> UInt8 {
        try need(1)
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func take(_ count: Int) throws(BoltError) -> [UInt8] {
        try need(count)
        defer { position += count }
        return Array(bytes[position ..< position + count])
    }

    private mutating func read<T: FixedWidthInteger>(_: T.Type) throws(BoltError) -> T {
        let size = MemoryLayout<T>.size
        try need(size)
        var v: T = 0
        for i in 0..<size { v = v << 8 | T(bytes[position + i]) }
        position += size
        return v
    }

    private func need(_ count: Int) throws(BoltError) {
        guard count <= bytes.count - position else {
            throw .protocolViolation("the value ends early: \(count) more bytes needed at byte \(position), \(bytes.count - position) left")
        }
    }
}
