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

    /// Reads and validates the whole log or, after `position` (the position of an
    /// earlier read), the records appended since, for a reader that follows a
    /// writer. Never writes: a torn tail is reported in the result (it may also be
    /// an append in progress by a writer), not cut off. A log that is no longer what
    /// the earlier read saw (cut by a repair, replaced) is `LogError.changedUnderneath`.
    public static func read(at path: String, after position: LogPosition? = nil) throws -> LogContents {
        do {
            let file = try FileHandle.open(path, .readOnly)
            defer { file.close() }
            return try read(file, from: position)
        } catch let error as SystemError {
            throw LogError.system(error)
        }
    }

    /// The records appended after `position`: `read(at:after:)` with a position.
    public static func readNew(at path: String, after position: LogPosition) throws -> LogContents {
        try read(at: path, after: position)
    }

    /// Reads `file` whole (from the header) or from `position` on.
    static func read(_ file: FileHandle, from position: LogPosition?, exactSize: Bool = false) throws -> LogContents {
        let size = try file.size()
        let header = try file.read(count: LogFormat.headerSize, at: 0)
        let version = try header.withUnsafeBytes { try LogScanner.checkHeader($0, fileSize: size, path: file.path) }
        if let position { try verify(position, of: file, version: version, size: size, exactSize: exactSize) }
        let start = position ?? .start
        let bytes = size > start.offset ? try file.read(count: Int(size - start.offset), at: start.offset) : []
        return try LogScanner.scanRecords(bytes, baseOffset: start.offset, start: start, version: version, path: file.path)
    }

    /// Checks that `file` still holds what was read up to `position`: it is at least
    /// that long (exactly, for the writer), and its last record there is the same one.
    static func verify(_ position: LogPosition, of file: FileHandle, version: UInt32, size: UInt64, exactSize: Bool) throws {
        if exactSize, try FileSystem.identity(of: file.path) != file.identity() {
            throw LogError.changedUnderneath(path: file.path, detail: "another file has taken its place")
        }
        if size < position.offset || (exactSize && size != position.offset) {
            throw LogError.changedUnderneath(
                path: file.path, detail: "it is \(size) bytes long where this process expected \(exactSize ? "" : "at least ")\(position.offset)")
        }
        guard let stamp = position.lastRecord else { return }
        let frames = RecordFrame(version: version)
        let header = try file.read(count: frames.headerSize, at: stamp.offset)
        guard frames.stamp(inHeader: header) == stamp.checksum else {
            throw LogError.changedUnderneath(
                path: file.path, detail: "the record at byte \(stamp.offset) is no longer transaction \(position.txID) as this process read it")
        }
    }

    /// Cuts the log at `offset`, first keeping the bytes from there on in a side
    /// file (see `SideFile`), whose path is returned. The caller holds the writer
    /// lock. Nothing is cut if the side file cannot be written.
    static func cut(_ file: FileHandle, at offset: UInt64) throws -> String {
        let size = try file.size()
        let tail = size > offset ? try file.read(count: Int(size - offset), at: offset) : []
        let side = try SideFile.save(tail, cutFrom: file.path, at: offset)
        try file.truncate(to: offset)
        try file.sync()
        return side
    }

    /// Cuts a damaged log at `offset` (a record boundary reported by a scan), keeping
    /// the cut bytes in a side file whose path is returned; nil if there was nothing
    /// after `offset`. This is the only operation that removes bytes other than a
    /// torn tail, and it runs only when a person asks for it.
    public static func cut(at path: String, offset: UInt64, holder: String) throws -> String? {
        let lock = try WriterLock.acquire(for: path, holder: holder, wait: false)
        defer { lock.release() }
        do {
            let file = try FileHandle.open(path, .readWrite)
            defer { file.close() }
            guard offset >= UInt64(LogFormat.headerSize), offset < (try file.size()) else { return nil }
            return try cut(file, at: offset)
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
