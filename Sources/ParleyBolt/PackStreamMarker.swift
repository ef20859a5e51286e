/// PackStream v1 marker bytes and the structure signatures Bolt gives meaning to.
enum PackStreamMarker {
    static let null: UInt8 = 0xC0
    static let float64: UInt8 = 0xC1
    static let falseValue: UInt8 = 0xC2
    static let trueValue: UInt8 = 0xC3
    static let int8: UInt8 = 0xC8
    static let int16: UInt8 = 0xC9
    static let int32: UInt8 = 0xCA
    static let int64: UInt8 = 0xCB
    static let bytes8: UInt8 = 0xCC
    static let bytes16: UInt8 = 0xCD
    static let bytes32: UInt8 = 0xCE
    static let string8: UInt8 = 0xD0
    static let string16: UInt8 = 0xD1
    static let string32: UInt8 = 0xD2
    static let list8: UInt8 = 0xD4
    static let list16: UInt8 = 0xD5
    static let list32: UInt8 = 0xD6
    static let map8: UInt8 = 0xD8
    static let map16: UInt8 = 0xD9
    static let map32: UInt8 = 0xDA
    /// High nibbles of the tiny forms; the low nibble is the size.
    static let tinyString: UInt8 = 0x80
    static let tinyList: UInt8 = 0x90
    static let tinyMap: UInt8 = 0xA0
    static let tinyStructure: UInt8 = 0xB0
}

/// The tag bytes of the structures Bolt defines (its specification's "Structure Semantics").
public enum BoltSignature {
    public static let node: UInt8 = 0x4E  // N
    public static let relationship: UInt8 = 0x52  // R
    public static let unboundRelationship: UInt8 = 0x72  // r
    public static let path: UInt8 = 0x50  // P
    public static let date: UInt8 = 0x44  // D
    public static let time: UInt8 = 0x54  // T
    public static let localTime: UInt8 = 0x74  // t
    public static let dateTime: UInt8 = 0x49  // I: UTC seconds (5.0+, 4.4 with the utc patch)
    public static let dateTimeZoneID: UInt8 = 0x69  // i: UTC seconds
    public static let legacyDateTime: UInt8 = 0x46  // F: local seconds (4.4)
    public static let legacyDateTimeZoneID: UInt8 = 0x66  // f: local seconds (4.4)
    public static let localDateTime: UInt8 = 0x64  // d
    public static let duration: UInt8 = 0x45  // E
    public static let point2D: UInt8 = 0x58  // X
    public static let point3D: UInt8 = 0x59  // Y
}
