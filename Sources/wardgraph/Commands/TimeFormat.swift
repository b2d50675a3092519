import Application

/// Transaction times as people read them: the application layer's one format,
/// local time with its UTC offset, e.g. `2026-11-22 20:41:07+09:00`.
enum TimeFormat {
    static func string(millis: Int64) -> String {
        TimeText.local(millis: millis)
    }
}
