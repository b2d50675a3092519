/// Validates a log's bytes and tells complete records from a torn tail and from damage.
///
/// The rule, as etcd's WAL decoder decides it:
/// - a record the end of the file cuts short, or bytes that are all zero up to the
///   end of the file, are a *torn tail*: the trace of an append that a crash
///   interrupted, which may be cut off;
/// - a record whose bytes are all present but fail a checksum is *damage*, unless a
///   sector of it (512-byte aligned, at least `minimumZeroedRun` bytes of the record)
///   is all zeros: a write whose data never reached the disk;
/// - any bad record with a valid record after it is *damage*.
/// Damage is never cut automatically: the scan fails with its offset.
enum LogScanner {
    /// The sector size that torn writes are judged by (etcd's `minSectorSize`).
    static let sectorSize = 512
    /// Zeros in a shorter stretch of a sector may be a damaged byte, not a lost write.
    static let minimumZeroedRun = 16

    /// Checks the 16-byte header at the start of `bytes` (the whole file) and returns
    /// the format version. The checksum is checked before the version is believed.
    static func checkHeader(_ bytes: UnsafeRawBufferPointer, fileSize: UInt64, path: String) throws -> UInt32 {
        if fileSize == 0 { throw LogError.emptyFile(path: path) }
        let magic = LogFormat.magic
        let prefix = min(bytes.count, magic.count)
        let differing = (0..<prefix).filter { bytes[$0] != magic[$0] }.count
        if fileSize < UInt64(LogFormat.headerSize) || bytes.count < LogFormat.headerSize {
            if differing == 0 { throw LogError.truncatedHeader(path: path, size: fileSize) }
            throw LogError.notALog(path: path)
        }
        // One or two wrong bytes in the magic are damage to a log, not another kind of file.
        guard differing <= 2 else { throw LogError.notALog(path: path) }
        let stored = RecordFrame.uint32(bytes, 12)
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<12])) == stored, differing == 0 else {
            throw LogError.damagedHeader(path: path)
        }
        let version = RecordFrame.uint32(bytes, 8)
        if version > LogFormat.version {
            throw LogError.unsupportedVersion(path: path, found: version, supported: LogFormat.version)
        }
        guard version >= LogFormat.oldestVersion else { throw LogError.damagedHeader(path: path) }
        return version
    }

    /// Scans records in `bytes`, which hold the file from `baseOffset`; scanning starts
    /// at `start.offset` and the first record must carry `start.txID + 1`.
    static func scanRecords(
        _ bytes: [UInt8], baseOffset: UInt64, start: LogPosition, version: UInt32, path: String
    ) throws -> LogContents {
        let frames = RecordFrame(version: version)
        var records: [LogRecord] = []
        var position = start
        var index = Int(start.offset - baseOffset)
        var torn: TornTail?
        try bytes.withUnsafeBytes { raw in
            while index < raw.count {
                let reading = frames.read(at: index, in: raw)
                if case .record(let payload, let size, let stamp) = reading {
                    let offset = baseOffset + UInt64(index)
                    let record = try envelope(payload, in: raw, offset: offset, size: size, stamp: stamp, previousTxID: position.txID, path: path)
                    records.append(record)
                    position = LogPosition(after: record)
                    index += size
                    continue
                }
                let offset = baseOffset + UInt64(index)
                let next = findNextRecord(after: index, reading: reading, in: raw, frames: frames, previousTxID: position.txID, baseOffset: baseOffset)
                if next == nil, let reason = tornReason(reading, at: index, in: raw, baseOffset: baseOffset) {
                    torn = TornTail(offset: offset, length: UInt64(raw.count - index), reason: reason)
                    break
                }
                throw LogError.damagedRecord(
                    path: path, offset: offset, expectedTxID: position.txID + 1, reason: reason(of: reading), next: next)
            }
        }
        return LogContents(
            version: version, bytes: bytes, records: records, position: position, tornTail: torn,
            fileSize: baseOffset + UInt64(bytes.count))
    }

    static func reason(of reading: RecordFrame.Reading) -> String {
        switch reading {
        case .record: return "a valid record"
        case .short(let reason), .failed(let reason, _): return reason
        }
    }

    /// Why the bad bytes at `index` are a torn tail, or nil if they are damage.
    /// (Only asked when no valid record follows them.)
    static func tornReason(_ reading: RecordFrame.Reading, at index: Int, in raw: UnsafeRawBufferPointer, baseOffset: UInt64) -> String? {
        if isZero(raw, index..<raw.count) { return "\(raw.count - index) zero bytes" }
        switch reading {
        case .record:
            return nil
        case .short(let reason):
            return reason
        case .failed(let reason, let extent):
            guard let sector = zeroedSector(in: extent ?? index..<raw.count, of: raw, baseOffset: baseOffset) else { return nil }
            return "\(reason), and its bytes at file offset \(sector) are zeros (a write that did not reach the disk)"
        }
    }

    /// The file offset of a sector-aligned stretch of `range` that is all zeros and
    /// at least `minimumZeroedRun` bytes long (or all of `range`), if there is one.
    static func zeroedSector(in range: Range<Int>, of raw: UnsafeRawBufferPointer, baseOffset: UInt64) -> UInt64? {
        var start = range.lowerBound
        while start < range.upperBound {
            let fileOffset = baseOffset + UInt64(start)
            let toBoundary = sectorSize - Int(fileOffset % UInt64(sectorSize))
            let end = min(range.upperBound, start + toBoundary)
            if end - start >= min(minimumZeroedRun, range.count), isZero(raw, start..<end) { return fileOffset }
            start = end
        }
        return nil
    }

    static func isZero(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        for i in range where raw[i] != 0 { return false }
        return true
    }

    /// The envelope of a record whose checksums pass. A bad envelope is an error, not a torn tail.
    static func envelope(
        _ payload: Range<Int>, in raw: UnsafeRawBufferPointer, offset: UInt64, size: Int, stamp: UInt32,
        previousTxID: UInt64?, path: String
    ) throws -> LogRecord {
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[payload]))
        do {
            let txID = try reader.varint()
            if let previousTxID, txID != previousTxID + 1 {
                throw LogError.invalidRecord(
                    path: path, offset: offset, txID: txID,
                    reason: "transaction id \(txID) follows \(previousTxID); ids must increase by one")
            }
            let time = try reader.signedVarint()
            let author = try reader.string()
            let bodyStart = payload.lowerBound + reader.offset
            return LogRecord(
                txID: txID, timestampMillis: time, author: author, offset: offset, size: size, stamp: stamp,
                bodyRange: bodyStart..<payload.upperBound)
        } catch let error as ByteReader.Malformed {
            throw LogError.invalidRecord(path: path, offset: offset, txID: nil, reason: error.description)
        }
    }

    /// The first valid record after the bad one at `index`, if any.
    ///
    /// First trusts the bad record's extent (the common case: a flipped byte in a
    /// payload), then tries every later marker (version 2) or byte offset (version 1).
    /// A candidate must carry a transaction id above the last good one.
    static func findNextRecord(
        after index: Int, reading: RecordFrame.Reading, in raw: UnsafeRawBufferPointer, frames: RecordFrame,
        previousTxID: UInt64, baseOffset: UInt64
    ) -> RecordLocation? {
        func candidate(_ start: Int) -> RecordLocation? {
            guard start > index, start < raw.count else { return nil }
            if frames.version < 2 {
                // No marker: check the length and the id before computing a checksum.
                guard raw.count - start > 8 else { return nil }
                let length = Int(RecordFrame.uint32(raw, start))
                var peek = ByteReader(raw, offset: start + 8)
                guard length >= 3, length <= raw.count - start - 8, let txID = try? peek.varint(),
                      txID > previousTxID, txID <= previousTxID + 1 + (1 << 24) else { return nil }
            }
            guard case .record(let payload, _, _) = frames.read(at: start, in: raw) else { return nil }
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[payload]))
            guard let txID = try? reader.varint(), txID > previousTxID, txID <= previousTxID + 1 + (1 << 24) else { return nil }
            return RecordLocation(offset: baseOffset + UInt64(start), txID: txID)
        }
        if case .failed(_, let extent?) = reading, let found = candidate(extent.upperBound) { return found }
        if frames.version < 2, raw.count - index >= 8 {
            // A version-1 length that runs past the end may still be right about a record before it.
            let length = Int(RecordFrame.uint32(raw, index))
            if length <= raw.count, let found = candidate(index + 8 + length) { return found }
        }
        var start = index
        while let next = frames.nextCandidate(after: start, in: raw) {
            if let found = candidate(next) { return found }
            start = next
        }
        return nil
    }
}
