import Testing
@testable import TransactionLog

@Suite struct EncodingTests {
    @Test func crc32cStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func crc32cIsTheSameInPiecesAndWhole() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var pieces = CRC32C()
        pieces.update(data[0..<3])
        pieces.update(data[3..<517])
        pieces.update(data[517...])
        #expect(pieces.value == CRC32C.checksum(data))
    }

    @Test(arguments: [0, 1, 127, 128, 300, 16_383, 16_384, Int(UInt32.max), Int.max])
    func varintRoundTrip(value: Int) throws {
        var writer = ByteWriter()
        writer.varint(UInt64(value))
        try writer.bytes.withUnsafeBytes { (raw) throws in
            var reader = ByteReader(raw)
            #expect(try reader.varint() == UInt64(value))
            #expect(reader.isAtEnd)
        }
    }

    @Test(arguments: [Int64.min, -1_000_000, -1, 0, 1, 63, 64, Int64.max])
    func signedVarintRoundTrip(value: Int64) throws {
        var writer = ByteWriter()
        writer.signedVarint(value)
        try writer.bytes.withUnsafeBytes { (raw) throws in
            var reader = ByteReader(raw)
            #expect(try reader.signedVarint() == value)
        }
    }

    @Test func stringsRoundTripAndInvalidUTF8IsAnError() throws {
        var writer = ByteWriter()
        writer.string("泉区 フェリス女学院大学")
        writer.varint(2)
        writer.byte(0xFF)
        writer.byte(0xFE)
        try writer.bytes.withUnsafeBytes { (raw) throws in
            var reader = ByteReader(raw)
            #expect(try reader.string() == "泉区 フェリス女学院大学")
            #expect(throws: ByteReader.Malformed.self) { try reader.string() }
        }
    }

    @Test func truncatedVarintIsAnError() {
        [UInt8]([0x80, 0x80]).withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            #expect(throws: ByteReader.Malformed.self) { try reader.varint() }
        }
    }
}
