/// The one process allowed to append to a log, for as long as it holds the writer's lock.
///
/// Opening takes the lock, validates the file and cuts off a torn tail left by a
/// crash (keeping its bytes in a side file), so that the next record starts on a
/// clean boundary. Before each append it checks that the file still ends where it
/// last saw it end, with the record it last saw: a log cut or replaced meanwhile is
/// refused, never written past its end. `append` returns only after the record is
/// on stable storage.
public final class LogWriter {
    public let path: String
    private let file: FileHandle
    private let lock: WriterLock
    /// The log's format version: records are framed as the header says.
    public let version: UInt32
    /// The end of the last record, the last transaction id, and that record's stamp.
    public private(set) var position: LogPosition
    private var isClosed = false

    public var endOffset: UInt64 { position.offset }
    public var lastTxID: UInt64 { position.txID }

    /// What opening found: the records to replay, and any torn tail that was cut.
    public struct Opening {
        public let writer: LogWriter
        /// The records after `position` (all of them when opened without one).
        public let contents: LogContents
        /// The torn tail that was cut off, if there was one.
        public let cutTail: TornTail?
        /// The side file that keeps the torn tail's bytes.
        public let cutTailSavedTo: String?
    }

    /// Opens the log at `path` for appending.
    ///
    /// - Parameters:
    ///   - holder: who is writing, recorded in the lock file for refused writers to see.
    ///   - create: create the log if the file does not exist.
    ///   - wait: wait for another writer to finish instead of failing at once.
    ///   - position: what the caller already read; only records after it are read and
    ///     returned. If the log no longer holds what was read there, opening fails
    ///     with `LogError.changedUnderneath`.
    public static func open(
        path: String, holder: String, create: Bool = false, wait: Bool = false, after position: LogPosition? = nil
    ) throws -> Opening {
        if create { try LogFile.createIfMissing(at: path) }
        let lock = try WriterLock.acquire(for: path, holder: holder, wait: wait)
        do {
            let file = try FileHandle.open(path, .readWrite)
            do {
                let contents = try LogFile.read(file, from: position)
                var saved: String?
                if let torn = contents.tornTail {
                    saved = try LogFile.cut(file, at: torn.offset)
                }
                let writer = LogWriter(path: path, file: file, lock: lock, version: contents.version, position: contents.position)
                return Opening(writer: writer, contents: contents, cutTail: contents.tornTail, cutTailSavedTo: saved)
            } catch {
                file.close()
                throw error
            }
        } catch let error as SystemError {
            lock.release()
            throw LogError.system(error)
        } catch {
            lock.release()
            throw error
        }
    }

    private init(path: String, file: FileHandle, lock: WriterLock, version: UInt32, position: LogPosition) {
        self.path = path
        self.file = file
        self.lock = lock
        self.version = version
        self.position = position
    }

    deinit { close() }

    /// Appends one transaction and waits until it is durable; returns its record.
    ///
    /// First checks that the log is still as this writer left it. On failure (a
    /// full disk, say) the file is cut back to where it was, so a failed append
    /// leaves no partial record behind.
    @discardableResult
    public func append(author: String, timestampMillis: Int64, body: [UInt8]) throws -> LogRecord {
        precondition(!isClosed, "append on a closed LogWriter")
        let txID = position.txID + 1
        let payload = LogFormat.payload(txID: txID, timestampMillis: timestampMillis, author: author, body: body)
        guard payload.count <= LogFormat.maxPayloadSize else { throw LogError.transactionTooLarge(bytes: payload.count) }
        let frame = LogFormat.frame(payload: payload, version: version)
        let start = position.offset
        do {
            try LogFile.verify(position, of: file, version: version, size: try file.size(), exactSize: true)
            try file.write(frame, at: start)
            try file.syncData()
        } catch let error as SystemError {
            try? file.truncate(to: start)
            throw LogError.system(error)
        }
        let stamp = RecordFrame(version: version).stamp(inHeader: Array(frame.prefix(LogFormat.frameHeaderSize(version: version))))!
        let bodyOffset = frame.count - body.count
        let record = LogRecord(
            txID: txID, timestampMillis: timestampMillis, author: author, offset: start,
            size: frame.count, stamp: stamp, bodyRange: bodyOffset..<frame.count)
        position = LogPosition(after: record)
        return record
    }

    /// Releases the lock and closes the file. Safe to call twice.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        file.close()
        lock.release()
    }
}
