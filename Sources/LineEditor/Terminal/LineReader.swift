#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from the user: with editing, history and completion in a
/// terminal, plainly from a pipe or a file.
///
///     let reader = LineReader(
///         history: History(filePath: home + "/.wardgraph_history"),
///         completer: WordListCompleter(words: relationNames)
///     )
///     loop: while true {
///         switch reader.readLine(prompt: "泉区> ") {
///         case .line(let text): run(text)
///         case .interrupted: continue        // Ctrl-C: a fresh prompt
///         case .endOfInput: break loop       // Ctrl-D or end of the script
///         }
///     }
///
/// **In a terminal** (standard input and output both terminals) each call puts
/// the terminal in raw mode for the duration of the call only, so that the
/// REPL's own output and any program it starts see a normal terminal; draws the
/// prompt and line with `LineRenderer`; decodes keys with `KeyDecoder` and edits
/// with `LineEditor`. Keys that arrive after Enter (several pasted lines, or keys
/// typed while the REPL was busy) are kept for the next call, so each pasted line
/// comes back from its own call, in order. Submitted lines are added to the
/// history, which is saved after each one when it has a file.
///
/// **Otherwise** (a pipe, a file, CI) it reads lines as they are: no prompt, no
/// escape sequences, nothing written at all; CR LF and a last line without a
/// newline are handled, and invalid UTF-8 becomes U+FFFD. Scripts therefore
/// behave the same whatever the reader does to terminals.
public final class LineReader {
    /// What `readLine` got.
    public enum Result: Hashable, Sendable {
        /// A line, without its line break.
        case line(String)
        /// Ctrl-C: the user abandoned the line (the REPL shows a fresh prompt, or
        /// cancels what it was doing).
        case interrupted
        /// Ctrl-D on an empty line, or the end of the input.
        case endOfInput
    }

    public let terminal: Terminal
    /// Whether lines are edited in the terminal (see the type's documentation).
    public let isInteractive: Bool
    public private(set) var history: History
    public var completer: (any Completer)?
    /// Whether submitted lines are added to the history (and saved). Turn off to
    /// manage the history yourself, e.g. to store a multi-line statement as one
    /// entry with `addToHistory`.
    public var recordsHistory = true
    /// The last failure to save the history, if any; reading goes on regardless.
    public private(set) var historySaveError: (any Error)?

    /// How long a lone ESC waits for the rest of an escape sequence (ms).
    public var escapeTimeoutMilliseconds: Int32 = 50

    private var decoder = KeyDecoder()
    /// Keys read but not used yet: what followed an Enter.
    private var pendingKeys: [Key] = []
    private var splitter = LineSplitter()
    private var inputEnded = false

    /// - Parameters:
    ///   - input, output: the descriptors to use (standard input and output by default).
    ///   - history: earlier lines, usually `History(filePath:)`.
    ///   - completer: what Tab asks; nil for none.
    public init(
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO,
        history: History = History(),
        completer: (any Completer)? = nil
    ) {
        terminal = Terminal(input: input, output: output)
        isInteractive = terminal.isInteractive
        self.history = history
        self.completer = completer
    }

    /// Reads one line; `prompt` is shown only in a terminal.
    public func readLine(prompt: String) -> Result {
        guard isInteractive else { return readPlainLine() }
        // The REPL's `print` output sits in stdio buffers; the editor writes to
        // the descriptor directly. Flush first so the prompt comes after it.
        fflush(nil)
        do {
            try terminal.enterRawMode()
        } catch {
            // A terminal that refuses raw mode still has its own line editing.
            return readPlainLine()
        }
        defer { terminal.leaveRawMode() }
        return editLine(prompt: prompt)
    }

    /// Adds a line to the history and saves it (when it has a file).
    public func addToHistory(_ line: String) {
        guard history.add(line) else { return }
        do {
            try history.save()
            historySaveError = nil
        } catch {
            historySaveError = error
        }
    }

    // MARK: Terminal mode

    private func editLine(prompt: String) -> Result {
        var editor = LineEditor(history: history.entries, completer: completer)
        var renderer = LineRenderer()
        func redraw() {
            let shownPrompt = editor.search?.prompt ?? prompt
            terminal.write(renderer.render(
                prompt: shownPrompt, buffer: editor.buffer, cursor: editor.cursor, width: terminal.width
            ))
        }
        func finish(suffix: String = "") {
            terminal.write(renderer.renderFinal(
                prompt: editor.search?.prompt ?? prompt, buffer: editor.buffer, width: terminal.width, suffix: suffix
            ))
        }

        redraw()
        while true {
            guard let keys = nextKeys() else {
                finish()
                return .endOfInput
            }
            pendingKeys = keys
            var index = 0
            var needsRedraw = false
            while index < pendingKeys.count {
                let action = editor.handle(pendingKeys[index])
                index += 1
                switch action {
                case .continue:
                    needsRedraw = true
                case .bell:
                    terminal.write("\u{07}")
                    needsRedraw = true
                case .submit(let line):
                    pendingKeys.removeFirst(index)
                    finish()
                    if recordsHistory { addToHistory(line) }
                    return .line(line)
                case .interrupt:
                    pendingKeys.removeFirst(index)
                    finish(suffix: "^C")
                    return .interrupted
                case .endOfInput:
                    pendingKeys.removeFirst(index)
                    finish()
                    return .endOfInput
                case .clearScreen:
                    terminal.write("\u{1B}[H\u{1B}[2J")
                    renderer.startOnCurrentRow()
                    needsRedraw = true
                case .listCompletions(let candidates):
                    finish()
                    terminal.write(CompletionList.format(candidates, width: terminal.width))
                    needsRedraw = true
                case .suspend:
                    finish()
                    suspend()
                    needsRedraw = true
                }
            }
            pendingKeys = []
            if needsRedraw { redraw() }
        }
    }

    /// The next keys: those kept from the previous line, or those decoded from
    /// the next read; nil at end of input.
    private func nextKeys() -> [Key]? {
        if !pendingKeys.isEmpty { return pendingKeys }
        while !inputEnded {
            let timeout = decoder.isHoldingBytes ? escapeTimeoutMilliseconds : nil
            switch terminal.read(timeoutMilliseconds: timeout) {
            case .bytes(let bytes):
                let keys = decoder.feed(bytes)
                if !keys.isEmpty { return keys }
            case .timedOut:
                let keys = decoder.flushHeldBytes()
                if !keys.isEmpty { return keys }
            case .endOfInput:
                inputEnded = true
                let keys = decoder.finish()
                if !keys.isEmpty { return keys }
            }
        }
        return nil
    }

    /// Ctrl-Z: gives the terminal back, stops the process as the shell's job
    /// control expects, and takes raw mode again once continued (`fg`).
    ///
    /// With ISIG off the terminal sends no SIGTSTP, so the reader raises it. It
    /// raises it in this thread, with SIGTSTP unblocked here, so that the process
    /// is stopped before `raise` returns: sent to the process, the signal could
    /// be taken by another thread while this one goes on and takes the terminal
    /// back before the stop. Only this process stops, not the rest of a pipeline.
    private func suspend() {
        terminal.leaveRawMode()
        var stop = sigset_t()
        var previous = sigset_t()
        sigemptyset(&stop)
        sigaddset(&stop, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &stop, &previous)
        raise(SIGTSTP)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        try? terminal.enterRawMode()
    }

    // MARK: Plain mode

    private func readPlainLine() -> Result {
        while true {
            if let line = splitter.nextLine() { return .line(line) }
            if inputEnded {
                if let line = splitter.finish() { return .line(line) }
                return .endOfInput
            }
            switch terminal.read(timeoutMilliseconds: nil, maximumCount: 65_536) {
            case .bytes(let bytes): splitter.append(bytes)
            case .endOfInput, .timedOut: inputEnded = true
            }
        }
    }
}
