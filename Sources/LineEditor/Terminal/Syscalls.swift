#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: which call, on what, and the `errno` it set.
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    public let operation: String
    /// The file or descriptor it was about, for the message.
    public let target: String
    public let code: Int32

    public var reason: String { String(cString: strerror(code)) }
    public var description: String { "\(operation) \(target): \(reason)" }
}

/// The line editor's system calls, in one place (as swift-system's `Syscalls.swift`):
/// each retried on `EINTR`, writes looping until every byte is out, so that a
/// signal or a short write never drops part of a redraw or of the history file.
enum System {
    /// Runs `call` until it does not fail with `EINTR`; throws on any other failure.
    @discardableResult
    static func retrying<T: BinaryInteger>(_ operation: String, _ target: String, _ call: () -> T) throws -> T {
        while true {
            let result = call()
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw SystemCallError(operation: operation, target: target, code: errno)
        }
    }

    /// Writes all of `bytes` to `fd`, waiting while a non-blocking descriptor is full.
    static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>, target: String) throws {
        let array = Array(bytes)
        try array.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = write(fd, raw.baseAddress! + done, raw.count - done)
                if written >= 0 {
                    done += written
                } else if errno == EAGAIN || errno == EWOULDBLOCK {
                    _ = waitUntilReady(fd, events: Int16(POLLOUT), timeoutMilliseconds: 100)
                } else if errno != EINTR {
                    throw SystemCallError(operation: "write", target: target, code: errno)
                }
            }
        }
    }

    /// Reads what is available from `fd`, up to `maximum` bytes, blocking until
    /// something is; an empty result means end of file.
    static func readSome(_ fd: Int32, maximum: Int = 4096, target: String) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximum)
        let count = try buffer.withUnsafeMutableBytes { raw in
            try retrying("read", target) { read(fd, raw.baseAddress!, raw.count) }
        }
        buffer.removeSubrange(count...)
        return buffer
    }

    /// Whether `fd` becomes ready for `events` within the timeout (nil: wait forever).
    /// Errors other than `EINTR` count as ready, so that the read that follows
    /// reports them.
    static func waitUntilReady(_ fd: Int32, events: Int16 = Int16(POLLIN), timeoutMilliseconds: Int32?) -> Bool {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let result = poll(&descriptor, 1, timeoutMilliseconds ?? -1)
            if result > 0 { return true }
            if result == 0 { return false }
            if errno != EINTR { return true }
        }
    }

    /// The whole content of a file.
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = try retrying("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        var content: [UInt8] = []
        while true {
            let chunk = try readSome(fd, maximum: 65_536, target: path)
            if chunk.isEmpty { return content }
            content += chunk
        }
    }

    /// Replaces a file's content atomically: a temporary file beside it, written
    /// and synced, then renamed over it, so that a crash leaves the old or the
    /// new content, never half of one. The file is private (mode 0600): history
    /// holds whatever the user typed.
    static func replaceFile(_ path: String, with bytes: [UInt8]) throws {
        let temporary = "\(path).tmp-\(getpid())"
        let fd = try retrying("create", temporary) {
            open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        }
        do {
            defer { close(fd) }
            try writeAll(fd, bytes, target: temporary)
            try retrying("fsync", temporary) { fsync(fd) }
        } catch {
            unlink(temporary)
            throw error
        }
        do {
            try retrying("rename", path) { rename(temporary, path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
