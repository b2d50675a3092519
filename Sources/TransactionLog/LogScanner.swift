/// Validates a log's bytes and tells complete records from a torn tail and from damage.
///
/// The rule (as in etcd's WAL decoder): a record that fails its checksum, or whose
/// length runs past the end of the file, is a *torn tail* only if nothing valid comes
/// after it; then it is the trace of an interrupted append and may be cut off. If a
/// valid record follows, the file is *damaged* and the scan fails with the offset, so
/// that damage is never mistaken for a crash and skipped silently.
enum LogScanner {
    /// Checks the 16-byte header at the start of `bytes` (the whole file).
    static func checkHeader(_ bytes: UnsafeRawBufferPointer, fileSize: UInt64, path: String) throws {
        if fileSize == 0 { throw LogError.emptyFile(path: path) }
        let magic = LogFormat.magic
        let prefix = min(bytes.count, magic.count)
        let magicMatches = (0..<prefix).allSatisfy { bytes[$0] == magic[$0] }
        if fileSize < UInt64(LogFormat.headerSize) {
            if magicMatches { throw LogError.truncatedHeader(path: path, size: fileSize) }
            throw LogError.notALog(path: path)
        }
        guard magicMatches else { throw LogError.notALog(path: path) }
        var reader = ByteReader(bytes, offset: magic.count)
        let version = try! reader.uint32LE()
        let crc = try! reader.uint32LE()
        let computed = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<12]))
        if version > LogFormat.version {
            throw LogError.unsupportedVersion(path: path, found: version, supported: LogFormat.version)
        }
        guard crc == computed, version >= 1 else { throw LogError.damagedHeader(path: path) }
    }

    /// Scans records in `bytes`, which hold the file from `baseOffset`; scanning starts
    /// at `startOffset` (a file offset) and the first record must carry `previousTxID + 1`.
    static func scanRecords(
        _ bytes: [UInt8], baseOffset: UInt64, startOffset: UInt64, previousTxID: UInt64, path: String
    ) throws -> LogContents {
        var records: [LogRecord] = []
        var lastTxID = previousTxID
        var position = Int(startOffset - baseOffset)
        var torn: TornTail?
        try bytes.withUnsafeBytes { raw in
            while position < raw.count {
                switch try frame(at: position, in: raw, previousTxID: lastTxID, baseOffset: baseOffset, path: path) {
                case .record(let record):
                    records.append(record)
                    lastTxID = record.txID
                    position += record.size
                case .bad(let reason):
                    if let next = findNextRecord(after: position, in: raw, previousTxID: lastTxID, baseOffset: baseOffset, path: path) {
                        throw LogError.damagedRecord(
                            path: path, offset: baseOffset + UInt64(position), expectedTxID: lastTxID + 1,
                            nextValidOffset: next.offset, nextValidTxID: next.txID)
                    }
                    torn = TornTail(offset: baseOffset + UInt64(position), length: UInt64(raw.count - position), reason: reason)
                    position = raw.count
                }
            }
        }
        let validEnd = torn?.offset ?? baseOffset + UInt64(bytes.count)
        return LogContents(
            bytes: bytes, records: records, validEnd: validEnd,
            tornTail: torn, fileSize: baseOffset + UInt64(bytes.count))
    }

    private enum Frame {
        case record(LogRecord)
        case bad(String)
    }

    /// Reads the frame at `position`: a complete record, or why it is not one.
    /// A frame with a valid checksum but an invalid envelope is an error, not a torn tail.
    private static func frame(
        at position: Int, in raw: UnsafeRawBufferPointer, previousTxID: UInt64, baseOffset: UInt64, path: String
    ) throws -> Frame {
        let remaining = raw.count - position
        if remaining < LogFormat.frameHeaderSize {
            return .bad("only \(remaining) bytes where a record header needs \(LogFormat.frameHeaderSize)")
        }
        var reader = ByteReader(raw, offset: position)
        let length = Int(try reader.uint32LE())
        let stored = try reader.uint32LE()
        if length > LogFormat.maxPayloadSize || LogFormat.frameHeaderSize + length > remaining {
            return .bad("record length \(length) runs past the end of the file")
        }
        let payloadStart = position + LogFormat.frameHeaderSize
        if LogFormat.checksum(ofFrameAt: position, payloadLength: length, in: raw) != stored { return .bad("checksum mismatch") }

        let offset = baseOffset + UInt64(position)
        let payload = UnsafeRawBufferPointer(rebasing: raw[payloadStart..<payloadStart + length])
        var envelope = ByteReader(payload)
        do {
            let txID = try envelope.varint()
            guard txID == previousTxID + 1 else {
                throw LogError.invalidRecord(
                    path: path, offset: offset, txID: txID,
                    reason: "transaction id \(txID) follows \(previousTxID); ids must increase by one")
            }
            let time = try envelope.signedVarint()
            let author = try envelope.string()
            let bodyStart = payloadStart + envelope.offset
            return .record(LogRecord(
                txID: txID, timestampMillis: time, author: author, offset: offset,
                size: LogFormat.frameHeaderSize + length, bodyRange: bodyStart..<payloadStart + length))
        } catch let error as ByteReader.Malformed {
            throw LogError.invalidRecord(path: path, offset: offset, txID: nil, reason: error.description)
        }
    }

    /// Looks for any valid record after a bad frame at `position`.
    ///
    /// First trusts the bad frame's length (the common case: a flipped byte in a
    /// payload), then tries every later byte offset. Candidates must carry a
    /// transaction id just above the last good one before their checksum is
    /// computed, which keeps the byte-by-byte search cheap.
    private static func findNextRecord(
        after position: Int, in raw: UnsafeRawBufferPointer, previousTxID: UInt64, baseOffset: UInt64, path: String
    ) -> (offset: UInt64, txID: UInt64)? {
        func candidate(_ start: Int) -> (offset: UInt64, txID: UInt64)? {
            guard start > position, raw.count - start >= LogFormat.frameHeaderSize + 1 else { return nil }
            var reader = ByteReader(raw, offset: start)
            guard let length = try? reader.uint32LE(), let stored = try? reader.uint32LE() else { return nil }
            guard length >= 3, Int(length) <= raw.count - start - LogFormat.frameHeaderSize else { return nil }
            guard let txID = try? reader.varint(), txID > previousTxID, txID <= previousTxID + 1 + (1 << 24) else { return nil }
            guard LogFormat.checksum(ofFrameAt: start, payloadLength: Int(length), in: raw) == stored else { return nil }
            return (baseOffset + UInt64(start), txID)
        }
        if raw.count - position >= LogFormat.frameHeaderSize {
            var reader = ByteReader(raw, offset: position)
            if let length = try? reader.uint32LE(), Int(length) <= raw.count {
                if let found = candidate(position + LogFormat.frameHeaderSize + Int(length)) { return found }
            }
        }
        var start = position + 1
        while start + LogFormat.frameHeaderSize < raw.count {
            if let found = candidate(start) { return found }
            start += 1
        }
        return nil
    }
}
