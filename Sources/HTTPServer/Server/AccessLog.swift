import Foundation

/// One line per request, on standard error by default:
///
///     2026-12-06T02:40:00Z 127.0.0.1:53422 "GET /api/stats HTTP/1.1" 200 412 0.31ms
///
/// Lines are buffered and written every 100 ms (and when the buffer fills, and on
/// `flush()`), so that logging costs no system call per request. Request lines are
/// logged as the client sent them, which the parser has checked to be printable ASCII.
public final class AccessLog: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var timer: DispatchSourceTimer?

    public init(fd: Int32 = 2) {
        self.fd = fd
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
        self.timer = timer
    }

    deinit { timer?.cancel() }

    /// Records one exchange: who, what, the status, the body's size and the time taken.
    func record(peer: String, requestLine: String?, status: Int, bytes: Int, seconds: Double) {
        let line = "\(Self.timestamp()) \(peer) \"\(requestLine ?? "-")\" \(status) \(bytes) \(String(format: "%.2f", seconds * 1000))ms\n"
        lock.lock()
        buffer.append(contentsOf: line.utf8)
        let full = buffer.count >= 1 << 16
        lock.unlock()
        if full { flush() }
    }

    public func flush() {
        lock.lock()
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        lock.unlock()
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    private static func timestamp() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
