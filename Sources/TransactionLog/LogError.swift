/// Why a log could not be opened, read or written.
///
/// Each case carries what a person needs to act: the path, the byte offset, the
/// transaction. The wording lives in `LogError+Description.swift`.
public enum LogError: Error, Sendable, Equatable {
    /// The file is empty: not even a header.
    case emptyFile(path: String)
    /// The file is shorter than a header but starts like one (a crash while creating it).
    case truncatedHeader(path: String, size: UInt64)
    /// The file does not start with the log's magic bytes.
    case notALog(path: String)
    /// The header's own checksum does not match (checked before its version is believed).
    case damagedHeader(path: String)
    /// Written by a newer WardGraph (the header is intact and names a later version).
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// A record whose bytes are all present fails its checksum, or a bad record has
    /// valid records after it: damage, never mistaken for an interrupted write.
    /// `next` is the first valid record after it, if there is one.
    case damagedRecord(path: String, offset: UInt64, expectedTxID: UInt64, reason: String, next: RecordLocation?)
    /// A record passes its checksum but its contents are wrong (bad envelope, out-of-order id).
    case invalidRecord(path: String, offset: UInt64, txID: UInt64?, reason: String)
    /// The file is not what this process last read: shorter, or its last record
    /// differs (cut by a repair, or replaced). Nothing was written.
    case changedUnderneath(path: String, detail: String)
    /// A file already exists where a new log was to be created.
    case alreadyExists(path: String)
    /// Another process holds the writer's lock.
    case locked(path: String, lockPath: String, holder: String)
    /// A transaction larger than `LogFormat.maxPayloadSize`.
    case transactionTooLarge(bytes: Int)
    /// A system call failed.
    case system(SystemError)
}

/// Where a record lies and which transaction it holds.
public struct RecordLocation: Sendable, Equatable {
    public let offset: UInt64
    public let txID: UInt64
}
