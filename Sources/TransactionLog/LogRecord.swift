/// One transaction as found in the file: its envelope, and where its body lies.
///
/// The body is not copied out of the file buffer; `LogContents.withBody(of:)` lends it.
public struct LogRecord: Sendable, Equatable {
    public let txID: UInt64
    public let timestampMillis: Int64
    public let author: String
    /// File offset of the record's frame (its length field).
    public let offset: UInt64
    /// Bytes the whole record occupies: frame header plus payload.
    public let size: Int
    /// The checksum stored in its frame header, which identifies it (see `RecordStamp`).
    public let stamp: UInt32
    /// Where the body lies in `LogContents.bytes`.
    let bodyRange: Range<Int>

    /// The file offset just after the record.
    public var end: UInt64 { offset + UInt64(size) }
}

/// A record recognised by where it is and the checksum in its frame header: enough
/// for a writer to see, before it appends, that the record it last saw is still the
/// last one, and not cut away by a repair or replaced by another file.
public struct RecordStamp: Sendable, Equatable {
    public let offset: UInt64
    public let checksum: UInt32
}

/// How far a reader or writer has read a log: the end of the last valid record, the
/// last transaction id, and that record's stamp (nil while the log has no record).
public struct LogPosition: Sendable, Equatable {
    public var offset: UInt64
    public var txID: UInt64
    public var lastRecord: RecordStamp?

    public init(offset: UInt64, txID: UInt64, lastRecord: RecordStamp?) {
        self.offset = offset
        self.txID = txID
        self.lastRecord = lastRecord
    }

    /// Just after the header of an empty log.
    public static let start = LogPosition(offset: UInt64(LogFormat.headerSize), txID: 0, lastRecord: nil)

    /// The position just after `record`.
    public init(after record: LogRecord) {
        self.init(offset: record.end, txID: record.txID, lastRecord: RecordStamp(offset: record.offset, checksum: record.stamp))
    }
}

/// A tail that is not a complete record and has nothing valid after it:
/// the trace of a write that a crash interrupted.
public struct TornTail: Sendable, Equatable {
    public let offset: UInt64
    public let length: UInt64
    public let reason: String
}

/// What a scan of (part of) a log file found.
public struct LogContents: Sendable {
    /// The log's format version (from its header).
    public let version: UInt32
    /// The file's bytes from where the read started to the end as read.
    public let bytes: [UInt8]
    public let records: [LogRecord]
    /// Where the read ended: the end of the last valid record (where the next append
    /// goes), the last transaction id and that record's stamp.
    public let position: LogPosition
    public let tornTail: TornTail?
    /// The file's size when it was read.
    public let fileSize: UInt64

    public var validEnd: UInt64 { position.offset }
    public var lastTxID: UInt64? { records.last?.txID }

    /// Lends the body bytes of `record`, which must come from this scan.
    public func withBody<R>(of record: LogRecord, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[record.bodyRange]))
        }
    }
}
