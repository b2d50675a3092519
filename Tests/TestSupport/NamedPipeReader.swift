import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a named pipe to its end on a thread of its own, for tests that give a pipe
/// to a writer (which blocks until a reader has the pipe open).
public final class NamedPipeReader: @unchecked Sendable {
    private let thread: Thread

    /// Starts reading `path`, a FIFO made with `mkfifo`.
    public init(_ path: String) {
        let box = Box()
        thread = Thread {
            let descriptor = open(path, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while descriptor >= 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                box.bytes += buffer.prefix(count)
            }
            if descriptor >= 0 { close(descriptor) }
        }
        self.box = box
        thread.start()
    }

    private final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
    private let box: Box

    /// Waits until the writer has closed the pipe, and returns what it wrote.
    public func text() -> String {
        while !thread.isFinished { usleep(1_000) }
        return String(decoding: box.bytes, as: UTF8.self)
    }
}
