import ParleyValues

/// A Bolt protocol version.
public struct BoltVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: UInt8
    public var minor: UInt8

    public init(_ major: UInt8, _ minor: UInt8) {
        self.major = major
        self.minor = minor
    }

    public static func < (a: BoltVersion, b: BoltVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
    public var description: String { "\(major).\(minor)" }

    /// How values are written at this version.
    public var dialect: BoltDialect { major >= 5 ? .v5 : .v4 }
    /// Whether authentication moved from HELLO to LOGON (5.1+).
    public var usesLogon: Bool { self >= BoltVersion(5, 1) }
    /// Whether HELLO must carry `bolt_agent` (5.3+).
    public var wantsBoltAgent: Bool { self >= BoltVersion(5, 3) }
}

/// The opening exchange: the magic preamble and four version proposals, answered by the one
/// version the server picked.
public enum BoltHandshake {
    /// `60 60 B0 17`, which every Bolt connection opens with.
    public static let magic: [UInt8] = [0x60, 0x60, 0xB0, 0x17]
    /// The highest 5.x Parley speaks, and how many minors below it also (5.4 down to 5.0).
    public static let newest = BoltVersion(5, 4)
    static let newestRange: UInt8 = 4
    /// Then Bolt 4.4 (Neo4j 4.4, Memgraph).
    public static let fallback = BoltVersion(4, 4)

    /// The 20 bytes the client sends first: magic, then proposals `[0, range, minor, major]`.
    public static var request: [UInt8] {
        magic + [0, newestRange, newest.minor, newest.major] + [0, 0, fallback.minor, fallback.major] + [UInt8](repeating: 0, count: 8)
    }

    /// The versions offered, as text for errors.
    public static var offeredText: String { "Bolt 5.0–\(newest), \(fallback)" }

    /// The version the server chose from its four-byte answer.
    public static func version(from answer: [UInt8], host: String, port: Int) throws(BoltError) -> BoltVersion {
        guard answer.count == 4 else { throw .protocolViolation("the handshake answer has \(answer.count) bytes, not 4") }
        if answer == [0, 0, 0, 0] { throw .noCommonVersion(offered: offeredText) }
        if answer == Array("HTTP".utf8) { throw .notBolt(host: host, port: port, reason: "it answered in HTTP (is that the HTTP port? Bolt's default is 7687)") }
        if answer[0] == 0x15 || answer[0] == 0x16, answer[1] == 0x03 {
            throw .notBolt(host: host, port: port, reason: "it answered in TLS (the server wants TLS on that port: use bolt+s://, or bolt+ssc:// for a self-signed certificate)")
        }
        let v = BoltVersion(answer[3], answer[2])
        let offered5 = v.major == newest.major && v.minor <= newest.minor && v.minor + newestRange >= newest.minor
        guard answer[0] == 0, answer[1] == 0, offered5 || v == fallback else {
            throw .notBolt(host: host, port: port, reason: "its handshake answer \(answer.map(hex2).joined(separator: " ")) is not a version Parley offered")
        }
        return v
    }
}
