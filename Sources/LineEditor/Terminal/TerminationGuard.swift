#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Puts terminals back in their saved mode when SIGTERM or SIGHUP ends the
/// process while they are in raw mode.
///
/// A C signal handler could only reach the saved modes through a mutable global,
/// which Swift 6 (and this project) rule out, so the signals are received as
/// Dispatch signal sources: the source's handler runs on a Dispatch queue, in
/// ordinary Swift, restores every registered terminal, then puts the default
/// disposition back and raises the signal again in its own thread, so the
/// process still ends the way the sender asked (the shell sees 128 + signal).
///
/// The sources are created the first time a terminal enters raw mode and are
/// never cancelled, because of how libdispatch works on Linux: it installs its
/// own forwarding handler for a signal the first time a source observes it and
/// never installs it again, so a cancelled and re-created source would never
/// fire. Outside raw mode the handler just ends the process, as the default
/// disposition would; a caught disposition is also reset to the default in
/// programs the process starts, unlike an ignored one.
///
/// Signals that are not at their default disposition when the first terminal
/// enters raw mode (ignored under `nohup`, or handled by the program) are left
/// alone: whoever handles them is in charge (and should call
/// `Terminal.leaveRawMode()`).
final class TerminationGuard: Sendable {
    static let shared = TerminationGuard()

    static let guardedSignals: [Int32] = [SIGTERM, SIGHUP]

    private struct Registry: ~Copyable {
        var terminals: [ObjectIdentifier: WeakTerminal] = [:]
        var isInstalled = false
        var sources: [Int32: any DispatchSourceSignal] = [:]
        /// What to do after restoring, for tests; nil means "die of the signal".
        var afterRestoring: (@Sendable (Int32) -> Void)?
    }

    private struct WeakTerminal {
        weak var terminal: Terminal?
    }

    private let registry = Mutex(Registry())

    func register(_ terminal: Terminal) {
        registry.withLock { registry in
            if !registry.isInstalled { install(&registry) }
            registry.terminals[ObjectIdentifier(terminal)] = WeakTerminal(terminal: terminal)
        }
    }

    func unregister(_ terminal: Terminal) {
        _ = registry.withLock { $0.terminals.removeValue(forKey: ObjectIdentifier(terminal)) }
    }

    /// Replaces "die of the signal" by `action` (tests only: they cannot let the
    /// test process die). Pass nil to go back to the default.
    func setActionAfterRestoring(_ action: (@Sendable (Int32) -> Void)?) {
        registry.withLock { $0.afterRestoring = action }
    }

    /// Whether `signal` is observed (tests).
    func isGuarding(_ signal: Int32) -> Bool {
        registry.withLock { $0.sources[signal] != nil }
    }

    /// How many terminals would be restored now (tests).
    var registeredCount: Int {
        registry.withLock { $0.terminals.values.filter { $0.terminal != nil }.count }
    }

    private func install(_ registry: inout Registry) {
        registry.isInstalled = true
        for signalNumber in Self.guardedSignals where Self.hasDefaultDisposition(signalNumber) {
            #if canImport(Darwin)
            // kqueue observes ignored signals; without this the default action would run.
            signal(signalNumber, SIG_IGN)
            #endif
            let registered = DispatchSemaphore(value: 0)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in received(signalNumber) }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            // Registration installs libdispatch's handler; until then the signal
            // would still kill the process without restoring anything.
            _ = registered.wait(timeout: .now() + 1)
            registry.sources[signalNumber] = source
        }
    }

    private func received(_ signalNumber: Int32) {
        let (terminals, action) = registry.withLock { registry in
            (registry.terminals.values.compactMap(\.terminal), registry.afterRestoring)
        }
        for terminal in terminals {
            terminal.restore()
        }
        if let action {
            action(signalNumber)
            return
        }
        // Dispatch threads block signals: unblock this one here and raise it
        // here, so that the default action runs now, whatever other threads block.
        signal(signalNumber, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signalNumber)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signalNumber)
    }

    private static func hasDefaultDisposition(_ signalNumber: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signalNumber, nil, &current) == 0 else { return false }
        return current.__sigaction_handler.sa_handler == nil && current.sa_flags & SA_SIGINFO == 0
    }
}
