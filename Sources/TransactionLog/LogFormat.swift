/// The on-disk layout of a transaction log. All integers are little-endian.
///
/// ```
///  file     := header record*
///
///  header   (16 bytes)
///  +--------+--------+--------+--------+--------+--------+--------+--------+
///  |  'W'   |  'G'   |  'R'   |  'A'   |  'P'   |  'H'   |  'L'   |  'G'   |  magic
///  +--------+--------+--------+--------+--------+--------+--------+--------+
///  |        format version (u32)       |   CRC-32C of bytes 0..<12 (u32)   |
///  +-----------------------------------+-----------------------------------+
///
///  record
///  +-----------------------------------+-----------------------------------+
///  |      payload length n (u32)       | CRC-32C of length bytes ‖ payload |
///  +-----------------------------------+-----------------------------------+
///  |  payload (n bytes):                                                   |
///  |    transaction id   varint   1, 2, 3, … with no gaps                  |
///  |    time             zigzag varint, milliseconds since 1970 UTC        |
///  |    author           varint length ‖ UTF-8                             |
///  |    body             the rest; its meaning belongs to the log's user   |
///  +-----------------------------------------------------------------------+
/// ```
///
/// The checksum covers the length field too, so a damaged length cannot send the
/// reader to a plausible but wrong place without being noticed. A record is written
/// with one `pwrite` and made durable with `fdatasync` before `append` returns.
public enum LogFormat {
    public static let magic: [UInt8] = Array("WGRAPHLG".utf8)
    public static let version: UInt32 = 1
    public static let headerSize = 16
    /// Length and checksum in front of every payload.
    public static let frameHeaderSize = 8
    /// No single transaction may exceed 1 GiB; a larger length field means damage.
    public static let maxPayloadSize = 1 << 30

    /// The 16 header bytes of a new log.
    public static func header() -> [UInt8] {
        var writer = ByteWriter(capacity: headerSize)
        writer.append(magic)
        writer.uint32LE(version)
        let crc = writer.bytes.withUnsafeBytes { CRC32C.checksum($0) }
        writer.uint32LE(crc)
        return writer.bytes
    }

    /// Frames a payload: length, checksum over length and payload, payload.
    public static func frame(payload: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: frameHeaderSize + payload.count)
        writer.uint32LE(UInt32(payload.count))
        writer.uint32LE(0)
        writer.append(payload)
        let crc = writer.bytes.withUnsafeBytes { checksum(ofFrameAt: 0, payloadLength: payload.count, in: $0) }
        writer.patchUInt32LE(crc, at: 4)
        return writer.bytes
    }

    /// The checksum of the record whose frame starts at `start` in `bytes`: CRC-32C
    /// of its four length bytes followed by its `length` payload bytes.
    static func checksum(ofFrameAt start: Int, payloadLength length: Int, in bytes: UnsafeRawBufferPointer) -> UInt32 {
        let payloadStart = start + frameHeaderSize
        var crc = CRC32C()
        crc.update(UnsafeRawBufferPointer(rebasing: bytes[start..<start + 4]))
        crc.update(UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadStart + length]))
        return crc.value
    }

    /// The payload of one transaction: id, time, author, body.
    public static func payload(txID: UInt64, timestampMillis: Int64, author: String, body: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: body.count + author.utf8.count + 24)
        writer.varint(txID)
        writer.signedVarint(timestampMillis)
        writer.string(author)
        writer.append(body)
        return writer.bytes
    }
}
