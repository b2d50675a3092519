#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A terminal's input and output descriptors: raw mode, width, bracketed paste,
/// and plain reads and writes.
///
///     let terminal = Terminal()
///     try terminal.withRawMode {
///         terminal.write("\r\u{1B}[J> ")
///         let bytes = terminal.read(timeoutMilliseconds: nil)
///     }
///
/// Raw mode turns off what the line discipline would do for a line editor that
/// wants every key as it is typed: canonical lines and echo (ICANON, ECHO),
/// signals from Ctrl-C/Ctrl-Z/Ctrl-\ (ISIG), Ctrl-S/Ctrl-Q flow control (IXON),
/// Ctrl-V (IEXTEN), CR to NL translation (ICRNL) and output post-processing
/// (OPOST, so "\n" no longer implies "\r"); reads return as soon as one byte is
/// there (VMIN 1, VTIME 0). The mode it replaces is saved and put back by
/// `leaveRawMode()`, on any error thrown in `withRawMode`, on deinit, and when
/// SIGTERM or SIGHUP would end the process (`TerminationGuard`), so the shell
/// never inherits a terminal without echo. Modes change with TCSADRAIN, not
/// TCSAFLUSH: keys typed ahead while the REPL was busy are kept.
public final class Terminal: Sendable {
    public let input: Int32
    public let output: Int32

    private struct Modes: ~Copyable {
        /// The mode to go back to; nil when not in raw mode.
        var saved: termios?
        var bracketedPaste = false
    }

    private let modes = Mutex(Modes())

    private static let enableBracketedPaste = "\u{1B}[?2004h"
    private static let disableBracketedPaste = "\u{1B}[?2004l"

    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
    }

    deinit {
        leaveRawMode()
    }

    /// Whether `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// Whether both input and output are terminals, so that line editing makes sense.
    public var isInteractive: Bool {
        Self.isTerminal(input) && Self.isTerminal(output)
    }

    /// The width in columns, from `TIOCGWINSZ` on the output (then the input), or
    /// 80 when neither knows (not a terminal, or a terminal that reports 0).
    public var width: Int {
        windowSize { $0.ws_col }.map(Int.init) ?? 80
    }

    /// The height in rows, as `width` finds the width (24 when unknown).
    public var height: Int {
        windowSize { $0.ws_row }.map(Int.init) ?? 24
    }

    /// One dimension of the window, from the output or else the input; nil when
    /// neither is a terminal that knows it.
    private func windowSize(_ dimension: (winsize) -> UInt16) -> UInt16? {
        for fd in [output, input] {
            var size = winsize()
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, dimension(size) > 0 { return dimension(size) }
        }
        return nil
    }

    /// Whether raw mode is on (through this `Terminal`).
    public var isInRawMode: Bool {
        modes.withLock { $0.saved != nil }
    }

    /// Saves the current mode and switches the input to raw mode; with
    /// `bracketedPaste`, asks the terminal to mark pasted text (`ESC [ ? 2004 h`).
    /// Does nothing if already in raw mode.
    public func enterRawMode(bracketedPaste: Bool = true) throws {
        // Guard first: a signal between the mode change and the registration
        // would otherwise leave the terminal raw.
        TerminationGuard.shared.register(self)
        do {
            try switchToRawMode(bracketedPaste: bracketedPaste)
        } catch {
            TerminationGuard.shared.unregister(self)
            throw error
        }
    }

    private func switchToRawMode(bracketedPaste: Bool) throws {
        try modes.withLock { modes in
            guard modes.saved == nil else { return }
            var original = termios()
            try System.retrying("tcgetattr", "fd \(input)") { tcgetattr(input, &original) }
            var raw = original
            raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
            raw.c_oflag &= ~tcflag_t(OPOST)
            raw.c_cflag |= tcflag_t(CS8)
            raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            try System.retrying("tcsetattr", "fd \(input)") { tcsetattr(input, TCSADRAIN, &raw) }
            modes.saved = original
            if bracketedPaste {
                try? System.writeAll(output, Self.enableBracketedPaste.utf8, target: "fd \(output)")
                modes.bracketedPaste = true
            }
        }
    }

    /// Puts back the mode saved by `enterRawMode` and turns bracketed paste off.
    /// Safe to call at any time, from any thread, any number of times.
    public func leaveRawMode() {
        TerminationGuard.shared.unregister(self)
        restore()
    }

    /// Runs `body` in raw mode, leaving it however `body` ends.
    public func withRawMode<T>(bracketedPaste: Bool = true, _ body: () throws -> T) throws -> T {
        try enterRawMode(bracketedPaste: bracketedPaste)
        defer { leaveRawMode() }
        return try body()
    }

    /// Puts the saved mode back; used by `leaveRawMode` and by `TerminationGuard`.
    func restore() {
        modes.withLock { modes in
            if modes.bracketedPaste {
                try? System.writeAll(output, Self.disableBracketedPaste.utf8, target: "fd \(output)")
                modes.bracketedPaste = false
            }
            if var saved = modes.saved {
                _ = try? System.retrying("tcsetattr", "fd \(input)") { tcsetattr(input, TCSADRAIN, &saved) }
                modes.saved = nil
            }
        }
    }

    /// Writes text to the output. Errors are ignored: a terminal that cannot be
    /// written to has hung up, and the next read reports the end of input.
    public func write(_ text: String) {
        try? System.writeAll(output, text.utf8, target: "fd \(output)")
    }

    /// What a read brought.
    public enum ReadResult: Equatable, Sendable {
        case bytes([UInt8])
        /// Nothing arrived within the timeout.
        case timedOut
        /// End of file, a hang-up or a read error: no more input will come.
        case endOfInput
    }

    /// Waits up to `timeoutMilliseconds` (nil: forever) for input, then reads
    /// what is available, at most `maximumCount` bytes.
    public func read(timeoutMilliseconds: Int32?, maximumCount: Int = 4096) -> ReadResult {
        guard System.waitUntilReady(input, timeoutMilliseconds: timeoutMilliseconds) else { return .timedOut }
        guard let bytes = try? System.readSome(input, maximum: maximumCount, target: "fd \(input)"),
              !bytes.isEmpty
        else {
            return .endOfInput
        }
        return .bytes(bytes)
    }
}
