import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pseudo-terminal for end-to-end tests of programs that talk to a terminal:
/// the test plays the user (writing keys to the master side) and reads the
/// screen output; the program under test gets the slave side as its standard
/// input, output and error, so `isatty` is true and raw mode, `TIOCGWINSZ` and
/// echo behave as in a real terminal.
///
///     let pty = try PseudoTerminal(columns: 80, rows: 24)
///     try pty.launch(executable: PseudoTerminal.builtProduct(named: "wardgraph"), arguments: ["repl"])
///     try pty.waitFor("> ")
///     try pty.waitForRawMode()                     // type only once the line editor reads
///     try pty.write("?- ward(泉区).\r")           // Enter is CR in a terminal
///     try pty.waitFor("泉区")
///     try pty.waitFor("> ")                        // the next prompt: raw mode again
///     try pty.write([0x04])                        // Ctrl-D
///     let status = try pty.waitForExit()
///     #expect(try pty.isCooked())                 // the terminal was left as it was
///
/// The program is started directly with Foundation's `Process` (never through a
/// shell, so arguments need no quoting). Foundation gives it a process group of
/// its own but no session, so the pty is not its *controlling* terminal: the
/// kernel does not send it SIGINT for Ctrl-C in canonical mode nor SIGWINCH on
/// `resize`; use `interrupt()` and the program's own width queries instead.
///
/// Output is read on demand, never in the background, so a test sees exactly
/// what had arrived when it asked; `waitForExit` keeps reading so that a
/// program blocked on a full pty buffer can finish. Timeouts are failures that
/// carry the output so far, to show what the program printed instead.
///
/// For tests of code running in the test process itself (a `LineReader` over
/// the pty), skip `launch` and hand `slaveDescriptor` to the code.
public final class PseudoTerminal {
    /// The side the test writes keys to and reads output from.
    public let masterDescriptor: Int32
    /// The side the program uses as its terminal; -1 once handed to a launched process.
    public private(set) var slaveDescriptor: Int32
    /// The slave's device path, e.g. /dev/pts/3.
    public let slavePath: String
    public private(set) var process: Process?
    /// Everything read from the master so far.
    public private(set) var transcript: [UInt8] = []
    /// How much of the transcript `waitFor` has consumed.
    private var consumed = 0

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }

        public init(message: String) {
            self.message = message
        }
    }

    /// Opens a pty pair (`posix_openpt`, `grantpt`, `unlockpt`, `ptsname_r`)
    /// with the given window size.
    public init(columns: Int = 80, rows: Int = 24) throws {
        let libc = PseudoTerminalFunctions.shared
        let master = libc.posixOpenpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(message: "posix_openpt: \(String(cString: strerror(errno)))") }
        var name = [CChar](repeating: 0, count: 128)
        guard libc.grantpt(master) == 0, libc.unlockpt(master) == 0,
              libc.ptsnameR(master, &name, name.count) == 0
        else {
            let reason = String(cString: strerror(errno))
            close(master)
            throw Failure(message: "grantpt/unlockpt/ptsname_r: \(reason)")
        }
        slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            let reason = String(cString: strerror(errno))
            close(master)
            throw Failure(message: "open \(slavePath): \(reason)")
        }
        masterDescriptor = master
        slaveDescriptor = slave
        try resize(columns: columns, rows: rows)
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if slaveDescriptor >= 0 { close(slaveDescriptor) }
        close(masterDescriptor)
    }

    /// The path of an executable product built with the tests (`swift test`
    /// builds every product into the directory of the test bundle), e.g.
    /// `PseudoTerminal.builtProduct(named: "wardgraph")`.
    public static func builtProduct(named name: String) throws -> String {
        let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let path = URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(message: "no executable \(name) next to the tests (\(path)); build it first")
        }
        return path
    }

    /// Starts `executable` with `arguments`, the pty as its standard input, output
    /// and error. `environment` defaults to this process's with TERM=xterm-256color.
    public func launch(
        executable: String,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        currentDirectory: String? = nil
    ) throws {
        guard process == nil, slaveDescriptor >= 0 else { throw Failure(message: "already launched") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var defaults = ProcessInfo.processInfo.environment
        defaults["TERM"] = "xterm-256color"
        process.environment = environment ?? defaults
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let slave = FileHandle(fileDescriptor: slaveDescriptor, closeOnDealloc: false)
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try Self.withNoSignalsBlocked { try process.run() }
        // Only the child may hold the slave now: when it exits, reads on the
        // master end (EIO) instead of waiting forever.
        close(slaveDescriptor)
        slaveDescriptor = -1
        self.process = process
    }

    /// Runs `body` with this thread's signal mask empty. A child inherits the
    /// mask of the thread that spawns it, and tests run on Dispatch worker
    /// threads, which block almost every signal: a program started from one would
    /// ignore SIGINT and SIGTERM (and Ctrl-C in raw-mode-free tests).
    private static func withNoSignalsBlocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t()
        var previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Sets the window size the program sees through `TIOCGWINSZ`.
    public func resize(columns: Int, rows: Int) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(masterDescriptor, UInt(TIOCSWINSZ), &size) == 0 else {
            throw Failure(message: "TIOCSWINSZ: \(String(cString: strerror(errno)))")
        }
    }

    /// Types bytes (keys): "\r" is Enter, [0x03] Ctrl-C, "\u{1B}[D" Left.
    public func write(_ bytes: [UInt8]) throws {
        var done = 0
        while done < bytes.count {
            let written = bytes[done...].withUnsafeBytes { Glibc.write(masterDescriptor, $0.baseAddress!, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "write to pty: \(String(cString: strerror(errno)))")
            }
            done += written
        }
    }

    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Reads what the program printed, waiting up to `timeout` for the first
    /// byte and then taking whatever else is already there; returns the new
    /// output (empty if nothing came) and adds it to `transcript`.
    @discardableResult
    public func read(timeout: Duration = .milliseconds(200)) -> String {
        var new: [UInt8] = []
        var wait = Self.milliseconds(timeout)
        while true {
            var descriptor = pollfd(fd: masterDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, wait)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(masterDescriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }  // EIO: every slave descriptor is closed
            new += buffer[..<count]
            wait = 0
        }
        transcript += new
        return String(decoding: new, as: UTF8.self)
    }

    /// Everything printed so far, as text (invalid UTF-8 replaced).
    public var output: String {
        String(decoding: transcript, as: UTF8.self)
    }

    /// Waits until `text` appears in output not consumed by an earlier `waitFor`,
    /// and consumes the output up to the end of it; returns that output.
    /// Calling it twice for the same prompt therefore waits for the second one.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let range = transcript[consumed...].firstRange(of: needle) {
                let seen = String(decoding: transcript[consumed..<range.upperBound], as: UTF8.self)
                consumed = range.upperBound
                return seen
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                let unconsumed = String(decoding: transcript[consumed...], as: UTF8.self)
                throw Failure(message: "timed out waiting for \(text.debugDescription); output since the last match: \(unconsumed.debugDescription)")
            }
            read(timeout: min(left, .milliseconds(100)))
        }
    }

    /// Waits for the program to end, reading its output meanwhile; returns its
    /// exit status (or the signal that ended it, see `terminationReason`).
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        guard let process else { throw Failure(message: "nothing launched") }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                throw Failure(message: "timed out waiting for the program to exit; output: \(output.debugDescription)")
            }
            read(timeout: .milliseconds(20))
        }
        process.waitUntilExit()
        read(timeout: .zero)
        return process.terminationStatus
    }

    /// How the program ended: `.exit` or `.uncaughtSignal`.
    public var terminationReason: Process.TerminationReason? {
        guard let process, !process.isRunning else { return nil }
        return process.terminationReason
    }

    /// Sends SIGINT to the program (the pty cannot: it is not the controlling terminal).
    public func interrupt() {
        process?.interrupt()
    }

    /// Sends SIGTERM to the program.
    public func terminate() {
        process?.terminate()
    }

    /// The pty's current terminal modes (the master reports the slave's on Linux).
    public func modes() throws -> termios {
        var modes = termios()
        guard tcgetattr(masterDescriptor, &modes) == 0 else {
            throw Failure(message: "tcgetattr: \(String(cString: strerror(errno)))")
        }
        return modes
    }

    /// Waits until the program has switched the terminal to raw mode (ICANON off).
    /// Type only then: before, the line discipline cooks the keys (echoes them,
    /// turns CR into LF, Ctrl-D into an end-of-file mark).
    public func waitForRawMode(timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        while try modes().c_lflag & tcflag_t(ICANON) != 0 {
            guard ContinuousClock.now < deadline else {
                throw Failure(message: "timed out waiting for raw mode; output: \(output.debugDescription)")
            }
            usleep(1_000)
        }
    }

    /// Whether the terminal is in the cooked mode a shell expects: canonical
    /// lines, echo, signals, CR to NL and output processing all on.
    public func isCooked() throws -> Bool {
        let modes = try modes()
        return modes.c_lflag & tcflag_t(ICANON) != 0 && modes.c_lflag & tcflag_t(ECHO) != 0
            && modes.c_lflag & tcflag_t(ISIG) != 0 && modes.c_iflag & tcflag_t(ICRNL) != 0
            && modes.c_oflag & tcflag_t(OPOST) != 0
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}

/// `posix_openpt`, `grantpt`, `unlockpt` and `ptsname_r`, looked up in the C
/// library at run time: Swift's Glibc module does not export them (glibc
/// declares them only under `_XOPEN_SOURCE`), and the package has no C target
/// to declare them in. `ptsname_r` is `ptsname` without its static buffer,
/// which tests running in parallel would share.
private struct PseudoTerminalFunctions: Sendable {
    let posixOpenpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsnameR: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    static let shared = PseudoTerminalFunctions()

    private init() {
        let libc = dlopen(nil, RTLD_NOW)
        func function<T>(_ name: String, as type: T.Type) -> T {
            guard let symbol = dlsym(libc, name) else { fatalError("\(name) not found in the C library") }
            return unsafeBitCast(symbol, to: type)
        }
        posixOpenpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        ptsnameR = function("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
    }
}
