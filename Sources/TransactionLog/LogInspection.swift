/// A scan of a whole log that goes on past damage, for `check` and `repair`: the
/// records before the first damage, every damaged region, the records after it
/// whose checksums pass (which a salvage can keep), and a torn tail.
///
/// After a damaged region the scan resynchronises on the next valid record (version
/// 2 records start with a marker; version 1 is searched byte by byte), so one bad
/// byte costs one transaction, not every later one.
public struct LogInspection: Sendable {
    /// Bytes that are not a valid record, between valid ones or up to the end of the file.
    public struct DamagedRegion: Sendable, Equatable {
        public let offset: UInt64
        public let length: UInt64
        /// The transaction that should have been there (one after the last valid one before it).
        public let expectedTxID: UInt64
        public let reason: String
    }

    public let path: String
    public let version: UInt32
    public let fileSize: UInt64
    /// The whole file.
    public let bytes: [UInt8]
    /// The valid records before the first damaged region (all of them if there is none).
    public let records: [LogRecord]
    public let damage: [DamagedRegion]
    /// Valid records after the first damaged region, in file order.
    public let salvageable: [LogRecord]
    public let tornTail: TornTail?

    public var isHealthy: Bool { damage.isEmpty && tornTail == nil }

    /// Lends the body bytes of `record`, which must come from this inspection.
    public func withBody<R>(of record: LogRecord, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[record.bodyRange]))
        }
    }

    /// Some of this inspection's records (in order) as `LogContents`, to replay them.
    public func contents(of records: [LogRecord]) -> LogContents {
        let position = records.last.map(LogPosition.init(after:)) ?? .start
        return LogContents(version: version, bytes: bytes, records: records, position: position, tornTail: nil, fileSize: fileSize)
    }
}

extension LogFile {
    /// Inspects the log at `path` whole, without changing it. Fails only when the
    /// header is unusable (or the file cannot be read).
    public static func inspect(at path: String) throws -> LogInspection {
        let bytes: [UInt8]
        let version: UInt32
        do {
            let file = try FileHandle.open(path, .readOnly)
            defer { file.close() }
            let size = try file.size()
            bytes = try file.read(count: Int(size), at: 0)
            version = try bytes.withUnsafeBytes { try LogScanner.checkHeader($0, fileSize: size, path: path) }
        } catch let error as SystemError {
            throw LogError.system(error)
        }
        var records: [LogRecord] = []
        var salvageable: [LogRecord] = []
        var damage: [LogInspection.DamagedRegion] = []
        var torn: TornTail?
        let frames = RecordFrame(version: version)
        bytes.withUnsafeBytes { raw in
            var index = LogFormat.headerSize
            var lastTxID: UInt64 = 0
            func region(_ end: Int, _ reason: String) {
                damage.append(.init(offset: UInt64(index), length: UInt64(end - index), expectedTxID: lastTxID + 1, reason: reason))
            }
            while index < raw.count {
                let reading = frames.read(at: index, in: raw)
                if case .record(let payload, let size, let stamp) = reading {
                    // A record out of order is damage too; after damage, ids may jump.
                    let expected: UInt64? = damage.isEmpty ? lastTxID : nil
                    do {
                        let record = try LogScanner.envelope(
                            payload, in: raw, offset: UInt64(index), size: size, stamp: stamp, previousTxID: expected, path: path)
                        if record.txID > lastTxID {
                            if damage.isEmpty { records.append(record) } else { salvageable.append(record) }
                            lastTxID = record.txID
                            index += size
                            continue
                        }
                        region(index + size, "transaction id \(record.txID) does not follow \(lastTxID)")
                    } catch LogError.invalidRecord(_, _, _, let reason) {
                        region(index + size, "its checksum passes but \(reason)")
                    } catch {
                        region(index + size, "\(error)")
                    }
                    index += size
                    continue
                }
                if let next = LogScanner.findNextRecord(
                    after: index, reading: reading, in: raw, frames: frames, previousTxID: lastTxID, baseOffset: 0) {
                    region(Int(next.offset), LogScanner.reason(of: reading))
                    index = Int(next.offset)
                } else if let reason = LogScanner.tornReason(reading, at: index, in: raw, baseOffset: 0) {
                    torn = TornTail(offset: UInt64(index), length: UInt64(raw.count - index), reason: reason)
                    break
                } else {
                    region(raw.count, LogScanner.reason(of: reading))
                    break
                }
            }
        }
        return LogInspection(
            path: path, version: version, fileSize: UInt64(bytes.count), bytes: bytes, records: records, damage: damage,
            salvageable: salvageable, tornTail: torn)
    }
}
