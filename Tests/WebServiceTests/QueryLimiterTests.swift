import Foundation
import Testing
@testable import WebService

/// The limit on evaluations: waiters take slots in the order they came, and one that
/// waits past its patience gives up without holding up those behind it.
///
/// Each waiter runs on a thread of its own: on Dispatch's shared pool, blocked
/// waiters wait for the pool to grow (a second at a time on Linux), and under the
/// whole suite's load it may not grow at all.
@Suite struct QueryLimiterTests {
    /// Runs `body` on a new thread; the group is left when it returns.
    static func spawn(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        Thread { body(); group.leave() }.start()
    }

    @Test func waitersGoInTheOrderTheyCame() throws {
        let limiter = QueryLimiter(maximum: 1, patience: 10)
        let lock = NSLock()
        nonisolated(unsafe) var order: [Int] = []
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        Self.spawn(group) {
            _ = limiter.run { holding.signal(); release.wait() }
        }
        holding.wait()
        for index in 0..<6 {
            Self.spawn(group) {
                _ = limiter.run {
                    lock.lock()
                    order.append(index)
                    lock.unlock()
                }
            }
            while limiter.queued < index + 1 { usleep(1_000) }  // each is waiting before the next comes
        }
        release.signal()
        group.wait()
        #expect(order == Array(0..<6))
    }

    @Test func oneThatGivesUpLetsTheNextIn() throws {
        let limiter = QueryLimiter(maximum: 1, patience: 0.2)
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        Self.spawn(DispatchGroup()) { _ = limiter.run { holding.signal(); release.wait() } }
        holding.wait()
        let started = Date()
        #expect(limiter.run { 1 } == nil)
        #expect(Date().timeIntervalSince(started) >= 0.2)
        release.signal()
        usleep(50_000)
        #expect(limiter.run { 2 } == 2)
    }

    @Test func aBurstIsAnsweredWithNeverMoreThanTheMaximumAtOnce() {
        let limiter = QueryLimiter(maximum: 2, patience: 10)
        let lock = NSLock()
        nonisolated(unsafe) var inside = 0, most = 0, answered = 0
        let group = DispatchGroup()
        for _ in 0..<64 {
            Self.spawn(group) {
                let result: Int? = limiter.run {
                    lock.lock(); inside += 1; most = max(most, inside); lock.unlock()
                    usleep(1_000)
                    lock.lock(); inside -= 1; lock.unlock()
                    return 1
                }
                lock.lock(); answered += result ?? 0; lock.unlock()
            }
        }
        group.wait()
        #expect(answered == 64)
        #expect(most <= 2)
        #expect(limiter.queued == 0)
    }
}
