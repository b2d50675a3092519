/// A ZIP archive of stored (uncompressed) files, as an .xlsx needs: the files'
/// bytes with a local header each, then the central directory and its end record
/// (PKWARE APPNOTE 6.3, sections 4.3.7, 4.3.12 and 4.3.16). Without compression
/// the writer is small and needs no library; spreadsheets of answers are small.
///
/// Every entry has the same timestamp (1980-01-01 00:00, the first DOS date), so
/// the same files make the same bytes.
struct ZipArchive {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// Adds a file; `name` is ASCII (the parts of an .xlsx are).
    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        let offset = UInt32(body.count)
        // Local file header.
        append32(&body, 0x0403_4B50)
        append16(&body, 20)  // version needed: 2.0
        append16(&body, 0)  // flags
        append16(&body, 0)  // method: stored
        append16(&body, 0)  // time 00:00
        append16(&body, 0x21)  // date 1980-01-01
        append32(&body, crc)
        append32(&body, UInt32(data.count))
        append32(&body, UInt32(data.count))
        append16(&body, UInt16(nameBytes.count))
        append16(&body, 0)  // extra field length
        body += nameBytes
        body += data
        // Its central directory entry.
        append32(&directory, 0x0201_4B50)
        append16(&directory, 20)  // made by: 2.0
        append16(&directory, 20)
        append16(&directory, 0)
        append16(&directory, 0)
        append16(&directory, 0)
        append16(&directory, 0x21)
        append32(&directory, crc)
        append32(&directory, UInt32(data.count))
        append32(&directory, UInt32(data.count))
        append16(&directory, UInt16(nameBytes.count))
        append16(&directory, 0)  // extra
        append16(&directory, 0)  // comment
        append16(&directory, 0)  // disk number
        append16(&directory, 0)  // internal attributes
        append32(&directory, 0)  // external attributes
        append32(&directory, offset)
        directory += nameBytes
        count += 1
    }

    /// The archive's bytes: the files, the central directory, its end record.
    func bytes() -> [UInt8] {
        var out = body + directory
        append32(&out, 0x0605_4B50)
        append16(&out, 0)  // this disk
        append16(&out, 0)  // the directory's disk
        append16(&out, UInt16(count))
        append16(&out, UInt16(count))
        append32(&out, UInt32(directory.count))
        append32(&out, UInt32(body.count))
        append16(&out, 0)  // comment length
        return out
    }

    private func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    private func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}

/// CRC-32 as ZIP uses it (ISO-HDLC: polynomial 0x04C11DB7 reflected, 0xEDB88320),
/// table-driven, one byte at a time. `checksum("123456789")` is 0xCBF43926.
/// (The log's checksum is the other common CRC-32, Castagnoli's.)
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
