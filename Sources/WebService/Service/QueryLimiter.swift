import Foundation

/// How many evaluations may run at once. One that finds them all taken waits for a
/// slot, up to a time (a burst of questions is answered a little later, not refused);
/// past it, the caller answers 503. Waiters take slots in the order they came, so
/// under a steady load no request waits much longer than the others (a condition
/// variable alone wakes them in any order, and the unlucky ones time out).
final class QueryLimiter: @unchecked Sendable {
    let maximum: Int
    /// Seconds a request waits for a slot.
    let patience: Double
    private let condition = NSCondition()
    private var running = 0
    /// The tickets of the requests waiting, oldest first.
    private var waiting: [UInt64] = []
    private var nextTicket: UInt64 = 0

    init(maximum: Int, patience: Double) {
        self.maximum = maximum
        self.patience = patience
    }

    /// How many requests wait for a slot.
    var queued: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting.count
    }

    /// Runs `body` once a slot is free and the requests that came before have theirs;
    /// nil (without running it) if that did not happen within `patience`.
    func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T? {
        condition.lock()
        if waiting.isEmpty && running < maximum {
            running += 1
        } else {
            let ticket = nextTicket
            nextTicket += 1
            waiting.append(ticket)
            let deadline = Date(timeIntervalSinceNow: patience)
            while waiting.first != ticket || running >= maximum {
                if !condition.wait(until: deadline) && (waiting.first != ticket || running >= maximum) {
                    waiting.removeAll { $0 == ticket }
                    condition.broadcast()  // the next in line may be first now
                    condition.unlock()
                    return nil
                }
            }
            waiting.removeFirst()
            running += 1
            condition.broadcast()  // the next in line may take another free slot
        }
        condition.unlock()
        defer {
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }
}
