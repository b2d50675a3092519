import Dispatch
import Foundation
import LineEditor
import WardGraph

/// The REPL's loop: read a line (edited in a terminal, plain from a pipe), collect
/// complete statements, hand each to the session, and let Ctrl-C cancel a running
/// query.
///
/// In a terminal, Ctrl-C while editing arrives as a key (raw mode) and clears the
/// line; while a statement runs the terminal is back in its normal mode, so Ctrl-C
/// is SIGINT, which a dispatch source turns into a cancellation of the evaluation.
/// From a pipe there is no prompt and no escape sequence, so `wardgraph < file.dl`
/// runs a script; Ctrl-C then stops the process unless a query is running.
public final class Repl {
    private let session: ReplSession
    private let reader: LineReader
    private let names: NameCache
    private let state = RunState()

    /// Whether a statement is running, read by the SIGINT handler on another thread.
    private final class RunState: @unchecked Sendable {
        private let lock = NSLock()
        private var running = false
        var isRunning: Bool {
            get { lock.lock(); defer { lock.unlock() }; return running }
            set { lock.lock(); running = newValue; lock.unlock() }
        }
    }

    /// Relation names, node ids and names for completion, refreshed after each statement.
    private final class NameCache: @unchecked Sendable {
        private let lock = NSLock()
        private var value = CompletionNames()
        func set(_ names: CompletionNames) { lock.lock(); value = names; lock.unlock() }
        func get() -> CompletionNames { lock.lock(); defer { lock.unlock() }; return value }
    }

    public init(session: ReplSession, historyPath: String?) {
        self.session = session
        let names = NameCache()
        self.names = names
        // From a pipe there is no editing, so the history file is not read.
        let interactive = Terminal.isTerminal(STDIN_FILENO) && Terminal.isTerminal(STDOUT_FILENO)
        let history = interactive ? historyPath.map { History(filePath: $0, maximumCount: 1000) } ?? History() : History()
        reader = LineReader(history: history, completer: ReplCompleter(names: { names.get() }))
        if interactive { session.pager = Pager(environment: ProcessInfo.processInfo.environment) }
    }

    public var isInteractive: Bool { reader.isInteractive }

    /// Runs until :quit or the end of the input; returns the exit status (1 if a
    /// statement of a script failed).
    public func run(banner: String?) -> Int32 {
        let interrupts = installInterruptHandler()
        defer { interrupts.cancel() }
        if reader.isInteractive, let banner { print(banner) }
        // Names for Tab, which only a terminal has; renewed after each statement.
        if reader.isInteractive { names.set(session.completionNames()) }
        var buffer = StatementBuffer()
        loop: while true {
            fflush(nil)
            let prompt = buffer.isEmpty ? session.prompt : String(repeating: " ", count: max(0, session.prompt.count - 5)) + "...> "
            switch reader.readLine(prompt: prompt) {
            case .line(let line):
                let statements = buffer.add(line: line)
                for statement in statements {
                    if reader.isInteractive {
                        let screen = Terminal()
                        session.terminal = (screen.width, screen.height)
                    }
                    state.isRunning = true
                    let step = session.handle(statement)
                    state.isRunning = false
                    fflush(nil)
                    if case .quit = step { break loop }
                }
                if reader.isInteractive && !statements.isEmpty { names.set(session.completionNames()) }
                if reader.isInteractive, !buffer.isEmpty, buffer.lineNumber == buffer.pendingStartLine,
                   let hint = ReplSession.continuationHint(buffer.pending) {
                    session.output.error(hint + "\n")
                }
            case .interrupted:
                buffer.clear()
            case .endOfInput:
                if !buffer.isEmpty {
                    session.unterminated(buffer.pending.trimmingCharacters(in: .whitespacesAndNewlines), line: buffer.pendingStartLine)
                }
                break loop
            }
        }
        fflush(nil)
        return !reader.isInteractive && session.hadError ? 1 : 0
    }

    /// SIGINT: cancels a running statement; from a pipe with nothing running, ends the process.
    private func installInterruptHandler() -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let cancellation = session.query.cancellation
        let state = self.state
        let interactive = reader.isInteractive
        source.setEventHandler {
            if state.isRunning {
                cancellation.cancel()
            } else if !interactive {
                exit(130)
            }
        }
        source.resume()
        return source
    }
}

extension ReplSession {
    /// `wardgraph>`, or `wardgraph@tx12>` when reading the past.
    var prompt: String {
        asOf.map { "wardgraph@tx\($0)> " } ?? "wardgraph> "
    }

    /// The names Tab completes: relations (inputs and rules), node ids, and the
    /// names (labels) of every node but documents.
    func completionNames() -> CompletionNames {
        let relations = Set(query.engine.inputSignatures.map(\.name)).union(query.keptRuleHeads)
        guard let snapshot = query.snapshot else { return CompletionNames(relations: relations.sorted()) }
        let labels = snapshot.nodesByLabel().filter { $0.value.contains { $0.kind != .document } }.keys
        return CompletionNames(relations: relations.sorted(), nodes: snapshot.nodes().map(\.description), names: labels.sorted())
    }
}
