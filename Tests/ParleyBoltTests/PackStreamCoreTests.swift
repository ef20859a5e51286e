import ParleyBolt
import Testing

@Suite("PackStream core types")
struct PackStreamCoreTests {
    @Test(
        "integers are written in the smallest form and read back",
        arguments: [
            (Int64(0), "00"), (1, "01"), (127, "7F"), (-1, "FF"), (-16, "F0"),
            (-17, "C8 EF"), (-128, "C8 80"), (128, "C9 00 80"), (-129, "C9 FF 7F"),
            (32767, "C9 7F FF"), (-32768, "C9 80 00"), (32768, "CA 00 00 80 00"),
            (2_147_483_647, "CA 7F FF FF FF"), (-2_147_483_649, "CB FF FF FF FF 7F FF FF FF"),
            (2_147_483_648, "CB 00 00 00 00 80 00 00 00"), (Int64.min, "CB 80 00 00 00 00 00 00 00"),
            (Int64.max, "CB 7F FF FF FF FF FF FF FF"),
        ])
    func integers(value: Int64, bytes: String) throws {
        #expect(try PackStreamEncoder.bytes(of: .int(value)) == hex(bytes))
        #expect(try PackStreamDecoder.value(of: hex(bytes)) == .int(value))
    }

    @Test("a wider form than needed is read too (FalkorDB writes 1 as INT_8, 200 as INT_16)")
    func widerIntegerForms() throws {
        #expect(try PackStreamDecoder.value(of: hex("C8 01")) == .int(1))
        #expect(try PackStreamDecoder.value(of: hex("C9 00 C8")) == .int(200))
        #expect(try PackStreamDecoder.value(of: hex("CA 00 00 9C 40")) == .int(40000))
        #expect(try PackStreamDecoder.value(of: hex("CB 00 00 00 00 00 00 00 02")) == .int(2))
    }

    @Test("null, booleans and floats have their fixed bytes")
    func scalars() throws {
        #expect(try PackStreamEncoder.bytes(of: .null) == [0xC0])
        #expect(try PackStreamEncoder.bytes(of: true) == [0xC3])
        #expect(try PackStreamEncoder.bytes(of: false) == [0xC2])
        #expect(try PackStreamEncoder.bytes(of: .float(1.23)) == hex("C1 3F F3 AE 14 7A E1 47 AE"))
        #expect(try PackStreamDecoder.value(of: hex("C1 3F F3 AE 14 7A E1 47 AE")) == .float(1.23))
        #expect(try PackStreamEncoder.bytes(of: .float(-0.0)) == hex("C1 80 00 00 00 00 00 00 00"))
        guard case .float(let nan) = try PackStreamDecoder.value(of: hex("C1 7F F8 00 00 00 00 00 00")) else {
            Issue.record("NaN did not decode as a float")
            return
        }
        #expect(nan.isNaN)
    }

    @Test("strings count UTF-8 bytes, not characters, and switch form at 16, 256 and 65,536 bytes")
    func strings() throws {
        #expect(try PackStreamEncoder.bytes(of: "") == [0x80])
        #expect(try PackStreamEncoder.bytes(of: "A") == [0x81, 0x41])
        let german = "Größenmaßstäbe"
        let bytes = hex("D0 12 47 72 C3 B6 C3 9F 65 6E 6D 61 C3 9F 73 74 C3 A4 62 65")
        #expect(try PackStreamEncoder.bytes(of: .string(german)) == bytes)
        #expect(try PackStreamDecoder.value(of: bytes) == .string(german))
        let fifteen = String(repeating: "x", count: 15)
        #expect(try PackStreamEncoder.bytes(of: .string(fifteen)).first == 0x8F)
        #expect(try PackStreamEncoder.bytes(of: .string(fifteen + "x")).prefix(2) == [0xD0, 0x10])
        let long = String(repeating: "y", count: 256)
        #expect(try PackStreamEncoder.bytes(of: .string(long)).prefix(3) == [0xD1, 0x01, 0x00])
        let huge = String(repeating: "z", count: 65_536)
        let hugeBytes = try PackStreamEncoder.bytes(of: .string(huge))
        #expect(hugeBytes.prefix(5) == [0xD2, 0x00, 0x01, 0x00, 0x00])
        #expect(try PackStreamDecoder.value(of: hugeBytes) == .string(huge))
    }

    @Test("byte arrays have no tiny form")
    func byteArrays() throws {
        #expect(try PackStreamEncoder.bytes(of: .bytes([])) == [0xCC, 0x00])
        #expect(try PackStreamEncoder.bytes(of: .bytes([1, 2, 3])) == hex("CC 03 01 02 03"))
        let big = [UInt8](repeating: 7, count: 300)
        let bytes = try PackStreamEncoder.bytes(of: .bytes(big))
        #expect(bytes.prefix(3) == [0xCD, 0x01, 0x2C])
        #expect(try PackStreamDecoder.value(of: bytes) == .bytes(big))
    }

    @Test("lists and maps: tiny forms under 16 entries, then LIST_8 and MAP_8; map order is kept")
    func listsAndMaps() throws {
        #expect(try PackStreamEncoder.bytes(of: []) == [0x90])
        #expect(try PackStreamEncoder.bytes(of: [1, 2, 3]) == hex("93 01 02 03"))
        let sixteen = BoltValue.list((1...16).map { .int($0) })
        #expect(try PackStreamEncoder.bytes(of: sixteen) == [0xD4, 0x10] + (1...16).map { UInt8($0) })
        #expect(try PackStreamEncoder.bytes(of: .map([:])) == [0xA0])
        let map: BoltMap = ["one": "eins", "two": 2]
        let bytes = [0xA2] + tiny("one") + tiny("eins") + tiny("two") + [0x02]
        #expect(try PackStreamEncoder.bytes(of: .map(map)) == bytes)
        let back = try PackStreamDecoder.value(of: bytes)
        #expect(back == .map(map))
        #expect(back.mapValue?.entries.map(\.key) == ["one", "two"])
        let wide = BoltMap((0..<20).map { (key: "k\($0)", value: BoltValue.int(Int64($0))) })
        let wideBytes = try PackStreamEncoder.bytes(of: .map(wide))
        #expect(wideBytes.prefix(2) == [0xD8, 20])
        #expect(try PackStreamDecoder.value(of: wideBytes) == .map(wide))
    }

    @Test("nested values round-trip")
    func nested() throws {
        let v: BoltValue = [.map(["a": [1, 2.5, "s", nil, true]]), .bytes([0xFF]), [[[]]]]
        #expect(try PackStreamDecoder.value(of: PackStreamEncoder.bytes(of: v)) == v)
    }

    @Test("broken input gives a protocol error naming the byte, never a crash")
    func brokenInput() {
        #expect(throws: BoltError.protocolViolation("unknown PackStream marker 0xE0 at byte 0")) {
            try PackStreamDecoder.value(of: [0xE0])
        }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("D0 05 41")) }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("CB 00 00")) }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("D6 7F FF FF FF")) }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("A1 01 01")) }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("82 C3 28")) }
        let deep = [UInt8](repeating: 0x91, count: 10_000) + [0x01]
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: deep) }
        #expect(throws: BoltError.self) { try PackStreamDecoder.value(of: hex("01 02")) }
    }
}
