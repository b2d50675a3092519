import Foundation

/// Transaction times as people read them: local time with its UTC offset,
/// e.g. `2026-11-22 20:41:07+09:00`.
enum TimeFormat {
    static func string(millis: Int64) -> String {
        formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// Formatting is only done from the main thread.
    nonisolated(unsafe) private static let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [
            .withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate,
            .withTimeZone, .withSpaceBetweenDateAndTime,
        ]
        return formatter
    }()
}
