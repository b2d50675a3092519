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
///  record, version 2 (16-byte frame header)
///  +-----------------------------------+-----------------------------------+
///  |  marker D7 57 47 52 ("\xD7WGR")   |      payload length n (u32)       |
///  +-----------------------------------+-----------------------------------+
///  |    CRC-32C of the payload (u32)   |  CRC-32C of the 12 bytes before   |
///  +-----------------------------------+-----------------------------------+
///  |  payload (n bytes):                                                   |
///  |    transaction id   varint   1, 2, 3, … with no gaps                  |
///  |    time             zigzag varint, milliseconds since 1970 UTC        |
///  |    author           varint length ‖ UTF-8                             |
///  |    body             the rest; its meaning belongs to the log's user   |
///  +-----------------------------------------------------------------------+
///
///  record, version 1 (8-byte frame header; still read, and appended to old logs)
///  |      payload length n (u32)       | CRC-32C of length bytes ‖ payload |  payload
/// ```
///
/// Version 2 gives the frame header a checksum of its own, so a damaged length is
/// told from a record cut short by a crash, and starts every record with a marker,
/// so that a repair can find the records that follow a damaged one. A record is
/// written with one `pwrite` and made durable with `fdatasync` before `append` returns.
public enum LogFormat {
    public static let magic: [UInt8] = Array("WGRAPHLG".utf8)
    /// The version new logs are written in.
    public static let version: UInt32 = 2
    /// The oldest version this program reads (and appends to, in its own framing).
    public static let oldestVersion: UInt32 = 1
    public static let headerSize = 16
    /// No single transaction may exceed 1 GiB; a larger length field means damage.
    public static let maxPayloadSize = 1 << 30
    /// The first bytes of every version-2 record. `D7` followed by `57` is never
    /// valid UTF-8, so the marker does not occur inside a log's strings.
    public static let recordMarker: [UInt8] = [0xD7, 0x57, 0x47, 0x52]

    /// Length, checksums (and marker) in front of every payload.
    public static func frameHeaderSize(version: UInt32) -> Int { version >= 2 ? 16 : 8 }

    /// The 16 header bytes of a new log.
    public static func header(version: UInt32 = version) -> [UInt8] {
        var writer = ByteWriter(capacity: headerSize)
        writer.append(magic)
        writer.uint32LE(version)
        let crc = writer.bytes.withUnsafeBytes { CRC32C.checksum($0) }
        writer.uint32LE(crc)
        return writer.bytes
    }

    /// Frames a payload for a log of `version`.
    public static func frame(payload: [UInt8], version: UInt32 = version) -> [UInt8] {
        var writer = ByteWriter(capacity: frameHeaderSize(version: version) + payload.count)
        if version >= 2 {
            writer.append(recordMarker)
            writer.uint32LE(UInt32(payload.count))
            writer.uint32LE(CRC32C.checksum(payload))
            let headerCRC = writer.bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<12])) }
            writer.uint32LE(headerCRC)
            writer.append(payload)
        } else {
            writer.uint32LE(UInt32(payload.count))
            writer.uint32LE(0)
            writer.append(payload)
            let crc = writer.bytes.withUnsafeBytes { checksumV1(ofFrameAt: 0, payloadLength: payload.count, in: $0) }
            writer.patchUInt32LE(crc, at: 4)
        }
        return writer.bytes
    }

    /// Where a frame header keeps the checksum that identifies its record (version 1:
    /// the record's checksum; version 2: the frame header's, which covers the payload's).
    static func stampOffset(version: UInt32) -> Int { version >= 2 ? 12 : 4 }

    /// The version-1 checksum of the record whose frame starts at `start` in `bytes`:
    /// CRC-32C of its four length bytes followed by its `length` payload bytes.
    static func checksumV1(ofFrameAt start: Int, payloadLength length: Int, in bytes: UnsafeRawBufferPointer) -> UInt32 {
        let payloadStart = start + 8
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
