import Foundation

/// The advisory `flock` that makes a process the log's only writer.
///
/// The lock is taken on a separate file beside the log (`LOG.lock`) so that readers,
/// which never lock, are not disturbed. The holder writes who it is into that file;
/// a refused writer reads it back to say who holds the lock. The kernel releases the
/// lock when the holder dies, even by SIGKILL, so a stale lock file is harmless.
public final class WriterLock {
    public let lockPath: String
    private let file: FileHandle

    private init(lockPath: String, file: FileHandle) {
        self.lockPath = lockPath
        self.file = file
    }

    /// Takes the lock for the log at `path`; `holder` describes this process.
    /// With `wait` false, a held lock is an immediate `LogError.locked`.
    public static func acquire(for path: String, holder: String, wait: Bool) throws -> WriterLock {
        let lockPath = LogFile.lockPath(for: path)
        do {
            let file = try FileHandle.open(lockPath, .readWriteCreate)
            guard try file.lock(exclusive: true, wait: wait) else {
                let recorded = (try? file.read(count: 4096, at: 0)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                file.close()
                throw LogError.locked(
                    path: path, lockPath: lockPath,
                    holder: recorded.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            let stamp = ISO8601DateFormatter().string(from: Date())
            let description = "pid \(FileSystem.processID) (\(holder)) since \(stamp)\n"
            try file.truncate(to: 0)
            try file.write(Array(description.utf8), at: 0)
            return WriterLock(lockPath: lockPath, file: file)
        } catch let error as SystemError {
            throw LogError.system(error)
        }
    }

    /// Releases the lock. The lock file stays; its contents are only a hint.
    public func release() {
        file.unlock()
        file.close()
    }
}
