#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: which call, on which file, and the `errno` it set.
public struct SystemError: Error, Sendable, Equatable {
    public let operation: String
    public let path: String
    public let code: Int32

    public var reason: String { String(cString: strerror(code)) }
    public var isAlreadyExists: Bool { code == EEXIST }
    public var isWouldBlock: Bool { code == EWOULDBLOCK || code == EAGAIN }
}

/// An open file descriptor and the path it was opened from (for messages).
///
/// All of the log's system calls live in this file, each retried on `EINTR`, and
/// reads and writes loop until the whole buffer is done, so that a short write can
/// never leave half a record behind unnoticed.
public struct FileHandle: Sendable {
    public let fd: Int32
    public let path: String

    public enum Mode: Sendable {
        case readOnly
        case readWrite
        /// Read-write, created with mode 0644 if missing.
        case readWriteCreate
    }

    public static func open(_ path: String, _ mode: Mode) throws -> FileHandle {
        let flags: Int32
        switch mode {
        case .readOnly: flags = O_RDONLY | O_CLOEXEC
        case .readWrite: flags = O_RDWR | O_CLOEXEC
        case .readWriteCreate: flags = O_RDWR | O_CREAT | O_CLOEXEC
        }
        let fd = try retrying("open", path) { cOpen(path, flags, 0o644) }
        return FileHandle(fd: fd, path: path)
    }

    /// Creates a new file that must not exist yet.
    public static func createExclusive(_ path: String) throws -> FileHandle {
        let fd = try retrying("create", path) { cOpen(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        return FileHandle(fd: fd, path: path)
    }

    public func close() {
        _ = cClose(fd)
    }

    /// The device and inode of the open file: which file it is, whatever its name now.
    public func identity() throws -> FileIdentity {
        var info = stat()
        _ = try retrying("stat", path) { fstat(fd, &info) }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    public func size() throws -> UInt64 {
        var info = stat()
        _ = try retrying("stat", path) { fstat(fd, &info) }
        return UInt64(info.st_size)
    }

    /// Reads exactly `count` bytes at `offset`, or fewer only at end of file.
    public func read(count: Int, at offset: UInt64) throws -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        let got = try result.withUnsafeMutableBytes { try read(into: $0, at: offset) }
        if got < count { result.removeLast(count - got) }
        return result
    }

    /// Fills `buffer` from `offset`; returns how many bytes were read (short only at end of file).
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) throws -> Int {
        var done = 0
        while done < buffer.count {
            let n = try retrying("read", path) {
                pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Writes all of `bytes` at `offset`.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: UInt64) throws {
        var done = 0
        while done < bytes.count {
            let n = try retrying("write", path) {
                pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            }
            done += n
        }
    }

    public func write(_ bytes: [UInt8], at offset: UInt64) throws {
        try bytes.withUnsafeBytes { try write($0, at: offset) }
    }

    /// Flushes the file's data (and its size) to stable storage.
    public func syncData() throws {
        _ = try retrying("fdatasync", path) { fdatasync(fd) }
    }

    /// Flushes data and all metadata.
    public func sync() throws {
        _ = try retrying("fsync", path) { fsync(fd) }
    }

    public func truncate(to size: UInt64) throws {
        _ = try retrying("truncate", path) { ftruncate(fd, off_t(size)) }
    }

    /// Takes an advisory lock on the whole file; `false` if another process holds it and `wait` is false.
    public func lock(exclusive: Bool, wait: Bool) throws -> Bool {
        var operation = exclusive ? LOCK_EX : LOCK_SH
        if !wait { operation |= LOCK_NB }
        do {
            _ = try retrying("lock", path) { flock(fd, operation) }
            return true
        } catch let error as SystemError where error.isWouldBlock {
            return false
        }
    }

    public func unlock() {
        _ = flock(fd, LOCK_UN)
    }
}

/// Which file a path or a descriptor refers to: its device and inode.
public struct FileIdentity: Sendable, Equatable {
    public let device: UInt64
    public let inode: UInt64
}

/// File-system operations on paths.
public enum FileSystem {
    /// The file at `path` now, or nil if there is none.
    public static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Links `from` at `to` without replacing an existing file (fails with EEXIST).
    public static func link(_ from: String, _ to: String) throws {
        _ = try retrying("link", to) { cLink(from, to) }
    }

    public static func unlink(_ path: String) {
        _ = cUnlink(path)
    }

    /// Makes a rename or link in `directory` durable.
    public static func syncDirectory(_ directory: String) throws {
        let fd = try retrying("open", directory) { cOpen(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0) }
        defer { _ = cClose(fd) }
        _ = try retrying("fsync", directory) { fsync(fd) }
    }

    public static var processID: Int32 { getpid() }

    /// The names of the entries of `directory` (without "." and "..").
    public static func names(inDirectory directory: String) throws -> [String] {
        guard let stream = opendir(directory) else { throw SystemError(operation: "opendir", path: directory, code: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// Runs a system call until it does not fail with `EINTR`; throws `SystemError` on failure.
@discardableResult
private func retrying<T: BinaryInteger>(_ operation: String, _ path: String, _ call: () -> T) throws -> T {
    while true {
        let result = call()
        if result >= 0 { return result }
        let code = errno
        if code == EINTR { continue }
        throw SystemError(operation: operation, path: path, code: code)
    }
}

// The C functions under names that the methods above (open, close, link, …) do not shadow.
private func cOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func cClose(_ fd: Int32) -> Int32 { close(fd) }
private func cLink(_ from: String, _ to: String) -> Int32 { link(from, to) }
private func cUnlink(_ path: String) -> Int32 { unlink(path) }
