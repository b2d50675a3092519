import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with an argument vector (never a shell), standard input from an
/// open file, standard error collected, and a time limit.
///
/// Standard input is a file rather than a pipe fed by a writer thread: a pipe
/// whose reader exits early (a syntax error in line 1) sends SIGPIPE to the writer,
/// which kills the whole process unless the signal is ignored process-wide — not
/// something a library should decide. A file cannot block or raise SIGPIPE.
/// Standard error is read on another thread while the program runs, so a program
/// that writes a lot of warnings cannot block on a full pipe.
enum ProcessRunner {
    struct Outcome: Sendable {
        /// Exit status, or the signal number when `signalled`.
        let status: Int32
        let signalled: Bool
        let timedOut: Bool
        let standardError: String
    }

    /// Runs `executable` to completion, or stops it (SIGTERM, then SIGKILL after
    /// half a second) once `timeout` has passed.
    static func run(
        executable: String, arguments: [String], standardInput: FileHandle, timeout: Duration
    ) throws(GraphvizError) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = standardInput
        process.standardOutput = FileHandle.nullDevice
        let errorPipe = Pipe()
        process.standardError = errorPipe
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        if let failure = launchWithSignalsUnblocked(process) {
            throw .cannotLaunch(dotPath: executable, reason: failure.localizedDescription)
        }

        let collected = Collected()
        let errorReader = errorPipe.fileHandleForReading
        DispatchQueue.global().async {
            collected.store(errorReader.readDataToEndOfFile())
        }

        var timedOut = false
        if finished.wait(timeout: timeout.deadlineFromNow) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + .milliseconds(500)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        // Standard error reaches end of file once the program has exited, unless a
        // child it started still holds it open; do not wait for such a child.
        let standardError = collected.wait(timeout: .seconds(5))
        return Outcome(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            standardError: String(decoding: standardError, as: UTF8.self))
    }

    /// Starts `process` from a new thread whose signal mask is empty, and returns
    /// the error if it could not start.
    ///
    /// A child inherits the signal mask of the thread that spawns it, and Foundation
    /// spawns from the calling thread. Dispatch worker threads (where async code and
    /// test runners call from) block nearly every signal, so a `dot` started there
    /// would ignore SIGTERM from the timeout and SIGINT from Ctrl-C. Starting it from
    /// a fresh thread with nothing blocked gives `dot` ordinary signal handling.
    private static func launchWithSignalsUnblocked(_ process: Process) -> (any Error)? {
        let launch = Launch(process)
        let thread = Thread {
            var nothing = sigset_t()
            sigemptyset(&nothing)
            pthread_sigmask(SIG_SETMASK, &nothing, nil)
            do { try launch.process.run() } catch { launch.failure = error }
            launch.done.signal()
        }
        thread.start()
        launch.done.wait()
        return launch.failure
    }

    /// Hands a `Process` to the launching thread and its error back; the semaphore
    /// orders the accesses.
    private final class Launch: @unchecked Sendable {
        let process: Process
        var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)

        init(_ process: Process) { self.process = process }
    }

    /// Bytes read on the reader thread, handed to the caller once complete.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        func store(_ bytes: Data) {
            lock.withLock { data = bytes }
            done.signal()
        }

        func wait(timeout: DispatchTimeInterval) -> Data {
            _ = done.wait(timeout: .now() + timeout)
            return lock.withLock { data }
        }
    }
}

extension Duration {
    /// The moment this long from now; `.distantFuture` when too long to represent.
    var deadlineFromNow: DispatchTime {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return .now() }
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, nanoseconds < Int64(Int.max / 2) else { return .distantFuture }
        return .now() + .nanoseconds(Int(nanoseconds + attoseconds / 1_000_000_000))
    }
}
