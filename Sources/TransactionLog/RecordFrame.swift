/// Reads the frame of one record in a log's bytes, in the framing of the log's
/// version, and says what is there: a record whose checksums pass, a record cut
/// short by the end of the file, or a record whose bytes are present but fail.
struct RecordFrame {
    /// What lies at a position.
    enum Reading {
        /// A record whose checksums pass; `stamp` is the checksum that identifies it.
        case record(payload: Range<Int>, size: Int, stamp: UInt32)
        /// The end of the file comes before the record does.
        case short(String)
        /// The bytes are there but fail a checksum. `extent` is where the record's
        /// bytes lie when its length can be trusted (nil when it cannot).
        case failed(String, extent: Range<Int>?)
    }

    let version: UInt32
    var headerSize: Int { LogFormat.frameHeaderSize(version: version) }

    /// The frame at `position` of `raw`.
    func read(at position: Int, in raw: UnsafeRawBufferPointer) -> Reading {
        let remaining = raw.count - position
        guard remaining >= headerSize else {
            return .short("only \(remaining) bytes where a record header needs \(headerSize)")
        }
        return version >= 2 ? readV2(at: position, in: raw) : readV1(at: position, in: raw)
    }

    private func readV2(at position: Int, in raw: UnsafeRawBufferPointer) -> Reading {
        let remaining = raw.count - position
        let header = UnsafeRawBufferPointer(rebasing: raw[position..<position + 16])
        let storedHeaderCRC = Self.uint32(header, 12)
        let markerMatches = (0..<4).allSatisfy { header[$0] == LogFormat.recordMarker[$0] }
        guard markerMatches, CRC32C.checksum(UnsafeRawBufferPointer(rebasing: header[0..<12])) == storedHeaderCRC else {
            return .failed(markerMatches ? "the record header fails its checksum" : "no record marker where a record should start", extent: nil)
        }
        let length = Int(Self.uint32(header, 4))
        if length > LogFormat.maxPayloadSize {
            return .failed("record length \(length) is larger than any transaction", extent: nil)
        }
        if 16 + length > remaining {
            return .short("a record of \(16 + length) bytes, of which only \(remaining) are in the file")
        }
        let payload = position + 16..<position + 16 + length
        if CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[payload])) != Self.uint32(header, 8) {
            return .failed("the record's payload fails its checksum", extent: payload)
        }
        return .record(payload: payload, size: 16 + length, stamp: storedHeaderCRC)
    }

    private func readV1(at position: Int, in raw: UnsafeRawBufferPointer) -> Reading {
        let remaining = raw.count - position
        let header = UnsafeRawBufferPointer(rebasing: raw[position..<position + 8])
        let length = Int(Self.uint32(header, 0))
        let stored = Self.uint32(header, 4)
        // Version 1 cannot tell a damaged length from a record cut short.
        if length > LogFormat.maxPayloadSize || 8 + length > remaining {
            return .short("record length \(length) runs past the end of the file")
        }
        let payload = position + 8..<position + 8 + length
        if LogFormat.checksumV1(ofFrameAt: position, payloadLength: length, in: raw) != stored {
            return .failed("checksum mismatch", extent: payload)
        }
        return .record(payload: payload, size: 8 + length, stamp: stored)
    }

    /// The identifying checksum stored in a frame header (see `LogFormat.stampOffset`).
    func stamp(inHeader header: [UInt8]) -> UInt32? {
        let at = LogFormat.stampOffset(version: version)
        guard header.count >= at + 4 else { return nil }
        return header.withUnsafeBytes { Self.uint32($0, at) }
    }

    static func uint32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    /// Where a record may start after `position`: the next marker (version 2), or
    /// every byte (version 1, which has none).
    func nextCandidate(after position: Int, in raw: UnsafeRawBufferPointer) -> Int? {
        var start = position + 1
        guard version >= 2 else { return start + 8 < raw.count ? start : nil }
        let first = LogFormat.recordMarker[0]
        while start + 16 <= raw.count {
            if raw[start] == first, raw[start + 1] == LogFormat.recordMarker[1], raw[start + 2] == LogFormat.recordMarker[2],
               raw[start + 3] == LogFormat.recordMarker[3] {
                return start
            }
            start += 1
        }
        return nil
    }
}
