/// Creating, reading and repairing log files. Appending is `LogWriter`'s job.
public enum LogFile {
    /// Where the writer's lock lives: beside the log, so that readers never touch it.
    public static func lockPath(for path: String) -> String { path + ".lock" }

    /// Creates an empty log (header only) at `path`, which must not exist.
    ///
    /// The header is written to a temporary file, synced, then linked into place
    /// (link, unlike rename, refuses to replace an existing file) and the directory
    /// is synced, so a crash leaves either no log or a complete header.
    public static func create(at path: String) throws {
        let temporary = "\(path).creating.\(FileSystem.processID)"
        FileSystem.unlink(temporary)
        do {
            let file = try FileHandle.createExclusive(temporary)
            defer { file.close() }
            try file.write(LogFormat.header(), at: 0)
            try file.sync()
        } catch let error as SystemError {
            FileSystem.unlink(temporary)
            throw LogError.system(error)
        }
        defer { FileSystem.unlink(temporary) }
        do {
            try FileSystem.link(temporary, path)
        } catch let error as SystemError {
            if error.isAlreadyExists { throw LogError.alreadyExists(path: path) }
            throw LogError.system(error)
        }
        do {
            try FileSystem.syncDirectory(directory(of: path))
        } catch let error as SystemError {
            throw LogError.system(error)
        }
    }

    /// Creates an empty log at `path` unless a file is there already (or another
    /// process creates one meanwhile).
    public static func createIfMissing(at path: String) throws {
        guard !FileSystem.exists(path) else { return }
        do { try create(at: path) } catch LogError.alreadyExists { /* created by someone else meanwhile */ }
    }

    /// Reads and validates the whole log or, after `position` (the `validEnd` and
    /// last transaction id of an earlier read), the records appended since, for a
    /// reader that follows a writer. Never writes: a torn tail is reported in the
    /// result (it may also be an append in progress by a writer), not cut off.
    public static func read(at path: String, after position: (offset: UInt64, txID: UInt64)? = nil) throws -> LogContents {
        do {
            let file = try FileHandle.open(path, .readOnly)
            defer { file.close() }
            return try read(file, from: position)
        } catch let error as SystemError {
            throw LogError.system(error)
        }
    }

    /// The records appended after `position`: `read(at:after:)` with a position.
    public static func readNew(at path: String, after position: (offset: UInt64, txID: UInt64)) throws -> LogContents {
        try read(at: path, after: position)
    }

    /// Reads `file` whole (from the header) or from `position` on.
    static func read(_ file: FileHandle, from position: (offset: UInt64, txID: UInt64)?) throws -> LogContents {
        let size = try file.size()
        let header = try file.read(count: LogFormat.headerSize, at: 0)
        try header.withUnsafeBytes { try LogScanner.checkHeader($0, fileSize: size, path: file.path) }
        let start = position?.offset ?? UInt64(LogFormat.headerSize)
        let bytes = size > start ? try file.read(count: Int(size - start), at: start) : []
        return try LogScanner.scanRecords(
            bytes, baseOffset: start, startOffset: start, previousTxID: position?.txID ?? 0, path: file.path)
    }

    /// Cuts a damaged log at `offset` (which must be a record boundary reported by a
    /// scan), keeping the cut bytes in a side file whose path is returned.
    /// This is the only operation that removes bytes other than a torn tail, and it
    /// runs only when a person asks for it.
    public static func cut(at path: String, offset: UInt64, holder: String) throws -> String {
        let lock = try WriterLock.acquire(for: path, holder: holder, wait: false)
        defer { lock.release() }
        do {
            let file = try FileHandle.open(path, .readWrite)
            defer { file.close() }
            let size = try file.size()
            guard offset >= UInt64(LogFormat.headerSize), offset < size else { return "" }
            let tail = try file.read(count: Int(size - offset), at: offset)
            let sidePath = "\(path).cut-at-\(offset)"
            FileSystem.unlink(sidePath)
            let side = try FileHandle.createExclusive(sidePath)
            try side.write(tail, at: 0)
            try side.sync()
            side.close()
            try file.truncate(to: offset)
            try file.sync()
            try FileSystem.syncDirectory(directory(of: path))
            return sidePath
        } catch let error as SystemError {
            throw LogError.system(error)
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }
}
