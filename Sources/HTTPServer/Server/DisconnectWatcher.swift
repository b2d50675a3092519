import Foundation

/// Notices when a client hangs up while its request is being handled, so that a
/// long query can be cancelled rather than finished for no one: one thread polls
/// the sockets whose requests are running for POLLRDHUP.
///
/// Only hang-ups are watched, not readable data, so a pipelined next request does
/// not count as one. A client that half-closes (shuts down its sending side) after
/// its request is taken to have gone. The set of sockets is read afresh every
/// `interval`, so a hang-up is noticed within about that time.
final class DisconnectWatcher: @unchecked Sendable {
    /// POLLRDHUP (Linux, `<poll.h>` with _GNU_SOURCE, which Swift's Glibc module leaves out).
    static let readHangUp: Int16 = 0x2000
    private let lock = NSLock()
    private var actions: [Int32: @Sendable () -> Void] = [:]
    private let interval: Int32

    init(intervalMilliseconds: Int32 = 50) {
        interval = intervalMilliseconds
        let thread = Thread { [self] in self.run() }
        thread.name = "disconnect watcher"
        thread.start()
    }

    /// Calls `action` (once, from the watcher's thread) if the peer of `fd` hangs up
    /// before `unwatch(fd)`.
    func watch(_ fd: Int32, _ action: @escaping @Sendable () -> Void) {
        lock.lock()
        actions[fd] = action
        lock.unlock()
    }

    func unwatch(_ fd: Int32) {
        lock.lock()
        actions[fd] = nil
        lock.unlock()
    }

    private func run() {
        while true {
            lock.lock()
            var polled = actions.keys.map { pollfd(fd: $0, events: Self.readHangUp, revents: 0) }
            lock.unlock()
            guard !polled.isEmpty else {
                usleep(UInt32(interval) * 1000)
                continue
            }
            let count = poll(&polled, nfds_t(polled.count), interval)
            guard count > 0 else { continue }
            for entry in polled where entry.revents & (Self.readHangUp | Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)) != 0 {
                lock.lock()
                let action = actions.removeValue(forKey: entry.fd)
                lock.unlock()
                action?()
            }
        }
    }
}
