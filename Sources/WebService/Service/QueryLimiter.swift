import Dispatch
import Foundation

/// How many evaluations may run at once. One that finds them all taken waits for a
/// slot, up to a time (a burst of questions is answered a little later, not refused);
/// past it, the caller answers 503. Waiters take slots in the order they came, so
/// under a steady load no request waits much longer than the others.
///
/// A finished evaluation hands its slot straight to the oldest waiter and wakes that
/// one alone. (Waking every waiter to let them race for the slot, as a broadcast on
/// one condition does, cost 60 context switches per answer at 64 connections and
/// halved the service's throughput there.)
final class QueryLimiter: @unchecked Sendable {
    let maximum: Int
    /// Seconds a request waits for a slot.
    let patience: Double
    private let lock = NSLock()
    private var running = 0
    /// The requests waiting, oldest first.
    private var waiting: [Waiter] = []

    /// One waiting request: woken by its own semaphore once it has been given a slot.
    private final class Waiter: @unchecked Sendable {
        let wake = DispatchSemaphore(value: 0)
        /// Set, under the limiter's lock, when a slot is handed to it.
        var granted = false
    }

    init(maximum: Int, patience: Double) {
        self.maximum = maximum
        self.patience = patience
    }

    /// How many requests wait for a slot.
    var queued: Int {
        lock.lock()
        defer { lock.unlock() }
        return waiting.count
    }

    /// Runs `body` once a slot is free and the requests that came before have theirs;
    /// nil (without running it) if that did not happen within `patience`.
    func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T? {
        guard acquire() else { return nil }
        defer { release() }
        return try body()
    }

    /// Takes a slot, at once or when one is handed over; false past `patience`.
    private func acquire() -> Bool {
        lock.lock()
        if waiting.isEmpty && running < maximum {
            running += 1
            lock.unlock()
            return true
        }
        let waiter = Waiter()
        waiting.append(waiter)
        lock.unlock()
        if waiter.wake.wait(timeout: .now() + patience) == .success { return true }
        lock.lock()
        defer { lock.unlock() }
        // The slot may have been handed over between the timeout and the lock: keep it.
        if waiter.granted { return true }
        waiting.removeAll { $0 === waiter }
        return false
    }

    /// Hands the slot to the oldest waiter, or frees it when none waits.
    private func release() {
        lock.lock()
        guard !waiting.isEmpty else {
            running -= 1
            lock.unlock()
            return
        }
        let next = waiting.removeFirst()
        next.granted = true
        lock.unlock()
        next.wake.signal()
    }
}
