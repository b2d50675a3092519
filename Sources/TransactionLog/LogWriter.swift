/// The one process allowed to append to a log, for as long as it holds the writer's lock.
///
/// Opening takes the lock, validates the file and cuts off a torn tail left by a
/// crash, so that the next record starts on a clean boundary. `append` returns only
/// after the record is on stable storage.
public final class LogWriter {
    public let path: String
    private let file: FileHandle
    private let lock: WriterLock
    public private(set) var endOffset: UInt64
    public private(set) var lastTxID: UInt64
    private var isClosed = false

    /// What opening found: the records to replay, and any torn tail that was cut.
    public struct Opening {
        public let writer: LogWriter
        /// The records after `position` (all of them when opened without one).
        public let contents: LogContents
        /// The torn tail that was cut off, if there was one.
        public let cutTail: TornTail?
    }

    /// Opens the log at `path` for appending.
    ///
    /// - Parameters:
    ///   - holder: who is writing, recorded in the lock file for refused writers to see.
    ///   - create: create the log if the file does not exist.
    ///   - wait: wait for another writer to finish instead of failing at once.
    ///   - position: end offset and last transaction id already known to the caller;
    ///     only records after it are read and returned.
    public static func open(
        path: String, holder: String, create: Bool = false, wait: Bool = false,
        after position: (offset: UInt64, txID: UInt64)? = nil
    ) throws -> Opening {
        if create { try LogFile.createIfMissing(at: path) }
        let lock = try WriterLock.acquire(for: path, holder: holder, wait: wait)
        do {
            let file = try FileHandle.open(path, .readWrite)
            do {
                let contents = try LogFile.read(file, from: position)
                if let torn = contents.tornTail {
                    try file.truncate(to: torn.offset)
                    try file.syncData()
                }
                let writer = LogWriter(
                    path: path, file: file, lock: lock, endOffset: contents.validEnd,
                    lastTxID: contents.lastTxID ?? position?.txID ?? 0)
                return Opening(writer: writer, contents: contents, cutTail: contents.tornTail)
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

    private init(path: String, file: FileHandle, lock: WriterLock, endOffset: UInt64, lastTxID: UInt64) {
        self.path = path
        self.file = file
        self.lock = lock
        self.endOffset = endOffset
        self.lastTxID = lastTxID
    }

    deinit { close() }

    /// Appends one transaction and waits until it is durable; returns its record.
    ///
    /// On failure (a full disk, say) the file is cut back to where it was, so a
    /// failed append leaves no partial record behind.
    @discardableResult
    public func append(author: String, timestampMillis: Int64, body: [UInt8]) throws -> LogRecord {
        precondition(!isClosed, "append on a closed LogWriter")
        let txID = lastTxID + 1
        let payload = LogFormat.payload(txID: txID, timestampMillis: timestampMillis, author: author, body: body)
        guard payload.count <= LogFormat.maxPayloadSize else { throw LogError.transactionTooLarge(bytes: payload.count) }
        let frame = LogFormat.frame(payload: payload)
        do {
            try file.write(frame, at: endOffset)
            try file.syncData()
        } catch let error as SystemError {
            try? file.truncate(to: endOffset)
            throw LogError.system(error)
        }
        let bodyOffset = frame.count - body.count
        let record = LogRecord(
            txID: txID, timestampMillis: timestampMillis, author: author, offset: endOffset,
            size: frame.count, bodyRange: bodyOffset..<frame.count)
        endOffset += UInt64(frame.count)
        lastTxID = txID
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
