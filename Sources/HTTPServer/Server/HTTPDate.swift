import Foundation

/// The Date header's text (RFC 9110 IMF-fixdate), made once per second and shared
/// by every connection.
final class HTTPDate: @unchecked Sendable {
    private let lock = NSLock()
    private var second: time_t = 0
    private var text = ""

    static let shared = HTTPDate()

    func now() -> String {
        var seconds = time(nil)
        lock.lock()
        defer { lock.unlock() }
        if seconds != second {
            second = seconds
            text = Self.format(&seconds)
        }
        return text
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func format(_ seconds: inout time_t) -> String {
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
