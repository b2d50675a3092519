import Foundation

/// How many evaluations may run at once. One that finds them all taken waits for a
/// slot, up to a time (a burst of questions is answered a little later, not refused);
/// past it, the caller answers 503.
final class QueryLimiter: @unchecked Sendable {
    let maximum: Int
    /// Seconds a request waits for a slot.
    let patience: Double
    private let condition = NSCondition()
    private var running = 0

    init(maximum: Int, patience: Double) {
        self.maximum = maximum
        self.patience = patience
    }

    /// Runs `body` once a slot is free; nil (without running it) if none was within `patience`.
    func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T? {
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: patience)
        while running >= maximum {
            guard condition.wait(until: deadline) || running < maximum else {
                condition.unlock()
                return nil
            }
        }
        running += 1
        condition.unlock()
        defer {
            condition.lock()
            running -= 1
            condition.signal()
            condition.unlock()
        }
        return try body()
    }
}
