import Foundation

/// Standard output or error, buffered and written with `write(2)`.
///
/// Results are buffered for speed and flushed on `flush()` and at exit; a caller
/// that must be seen at once (an acknowledged commit) flushes explicitly.
/// A lock makes it safe to write from the thread that runs a query.
final class TextOutput: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let lock = NSLock()

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    static let standardOutput = TextOutput(fd: 1)
    static let standardError = TextOutput(fd: 2)

    var isTerminal: Bool { isatty(fd) == 1 }

    /// Whether it is a regular file (`> answers.csv`), where CSV gets a byte-order mark.
    var isRegularFile: Bool {
        var status = stat()
        return fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        lock.lock()
        buffer.append(contentsOf: bytes)
        let full = buffer.count >= 1 << 16
        lock.unlock()
        if full { flush() }
    }

    func line(_ text: String = "") {
        write(text)
        write("\n")
    }

    func flush() {
        lock.lock()
        defer { lock.unlock() }
        var done = 0
        buffer.withUnsafeBytes { raw in
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    break  // a closed pipe: nothing more can be said
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
