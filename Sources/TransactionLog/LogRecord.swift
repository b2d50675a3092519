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
    /// Where the body lies in `LogContents.bytes`.
    let bodyRange: Range<Int>
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
    /// The file's bytes from where the read started to the end as read.
    public let bytes: [UInt8]
    public let records: [LogRecord]
    /// The end of the last valid record: where the next append goes.
    public let validEnd: UInt64
    public let tornTail: TornTail?
    /// The file's size when it was read.
    public let fileSize: UInt64

    public var lastTxID: UInt64? { records.last?.txID }

    /// Lends the body bytes of `record`, which must come from this scan.
    public func withBody<R>(of record: LogRecord, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[record.bodyRange]))
        }
    }
}
