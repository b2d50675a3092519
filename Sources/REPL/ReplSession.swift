import Application
import Datalog
import Foundation
import LineEditor
import Querying
import ResultFormats
import TextLayout
import WardGraph

/// Where the REPL writes: answers to one stream, errors to the other.
public protocol ReplOutput: AnyObject {
    func write(_ text: String)
    func error(_ text: String)
}

/// What the REPL does with each complete statement, without any terminal: queries,
/// rules kept for the session, facts asserted and retracted in the log, and
/// meta-commands. The terminal loop (`Repl`) and the tests both drive it.
public final class ReplSession {
    public enum Step { case proceed, quit }

    let workspace: Workspace
    public let query: QuerySession
    let output: ReplOutput
    let author: String
    /// The output format: table, csv, tsv or json.
    var formatName = "table"
    var showsTiming = true
    /// Rows shown at most (the rest is counted in a note).
    var displayLimit = 100
    /// Reading the graph as of this transaction, or now.
    var asOf: UInt64?
    /// Directives (`.limit 5`) for the next query.
    var pendingDirectives = ""
    /// The answers of the last statement, whole (not cut at the display limit), for
    /// `:output` and `:pivot`.
    var lastAnswers: [ResultFile.Block] = []
    /// The terminal's size, when the shell runs in one: tables fit its width, and
    /// answers taller than it go through `pager`.
    public var terminal: (width: Int, height: Int)?
    public var pager: Pager?
    /// Rules and facts typed in this session, in order.
    var sessionRules: [String] = []
    /// Transactions this session wrote, for :undo.
    var sessionTransactions: [UInt64] = []
    /// The reading of the graph last given to the engine: as of what, and the store's
    /// last transaction then. The same pair means the same graph.
    struct GraphInUse: Equatable {
        let asOf: UInt64?
        let lastTransaction: UInt64
        let reloads: Int
    }
    var graphInUse: GraphInUse?
    /// The store's reload count when this session last looked (see `noticeReload`).
    var reloadsSeen = 0
    /// Whether any statement failed (the exit status of a script).
    public private(set) var hadError = false

    static let sessionSource = "<session>"
    static let inputSource = "<input>"

    public init(workspace: Workspace, author: String, output: ReplOutput) {
        self.workspace = workspace
        self.author = author
        self.output = output
        reloadsSeen = workspace.reloads
        query = QuerySession()
        if let prelude = workspace.prelude { query.keep(name: prelude.name, text: prelude.text) }
        for program in workspace.withStore({ $0.programs }).values.sorted(by: { $0.name < $1.name }) {
            query.keep(name: "<saved \(program.name)>", text: program.text)
            sessionRules.append(program.text)
        }
        refreshGraph()
        if case (let files, .failure(let list)) = query.analyzeKept(), !list.diagnostics.isEmpty {
            output.error("warning: the prelude or the saved rules have errors; fix them or :forget-rules\n" + files.render(list.diagnostics))
        }
    }

    /// A session on `store` with the prelude (named as in messages) and the lexicon.
    public convenience init(store: GraphStore, author: String, output: ReplOutput, prelude: (name: String, text: String)?, lexiconDirectory: String?) {
        let workspace = Workspace(
            store: store, prelude: prelude.map { ProgramSource(name: $0.name, text: $0.text) }, lexiconDirectory: lexiconDirectory)
        self.init(workspace: workspace, author: author, output: output)
    }

    /// Reads what other writers appended, and gives the engine the graph to query
    /// (unless it already has that graph: registering it anew rebuilds its relations).
    func refreshGraph() {
        do { try workspace.refresh() } catch { output.error("warning: \(error)") }
        noticeReload()
        guard graphInUse != GraphInUse(asOf: asOf, lastTransaction: workspace.lastTransactionID, reloads: workspace.reloads) else { return }
        if let asOf, let snapshot = try? workspace.snapshot(asOf: asOf) {
            use(snapshot)
        } else {
            use(workspace.current())
        }
    }

    /// Gives the engine `snapshot` to query, read as of `asOf`.
    func use(_ snapshot: GraphSnapshot) {
        query.use(snapshot)
        graphInUse = GraphInUse(asOf: asOf, lastTransaction: workspace.lastTransactionID, reloads: workspace.reloads)
    }

    /// If the store had to read the log again (another process cut it, by a repair,
    /// or replaced it), says so, and forgets this session's transactions: their ids
    /// may now name other transactions, which :undo must never take back.
    func noticeReload() {
        let reloads = workspace.reloads
        guard reloads != reloadsSeen else { return }
        reloadsSeen = reloads
        sessionTransactions = []
        output.error("note: the log was changed by another process (cut by a repair, or replaced) and has been read again: \(workspace.lastTransactionID) transactions; :undo forgets this session's earlier changes\n")
    }

    /// The graph the session reads: as of `:asof`, or as last refreshed.
    var snapshot: GraphSnapshot {
        query.snapshot ?? workspace.current()
    }

    /// Handles one complete statement or meta-command.
    @discardableResult
    public func handle(_ statement: String) -> Step {
        let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .proceed }
        if text.hasPrefix(":") { return meta(text) }
        if let word = StatementBuffer.bareCommand(text) { return meta(":" + word) }
        refreshGraph()
        if text.hasPrefix("?-") {
            runQuery(text)
        } else if text.hasPrefix(".") {
            pendingDirectives += text + "\n"
        } else if text.hasPrefix("+") || text.hasPrefix("-") {
            changeFact(text)
        } else if let question = Self.questionForm(of: text) {
            // A bare atom is what a Prolog prompt takes as a question; adding a fact
            // needs '+', so that a typo never changes what later answers say.
            output.error("note: read as the question \(question) Questions start with ?-; a fact is added with +fact.\n")
            runQuery(question)
        } else {
            addRule(text)
        }
        return .proceed
    }

    /// `?- p(…).` for a statement that is one atom with no rule body (`p(泉区, P).`),
    /// which at the prompt is a question; nil for rules and anything else.
    static func questionForm(of statement: String) -> String? {
        var sources = SourceSet()
        guard sources.add(name: inputSource, text: statement).isEmpty, sources.program.statements.count == 1,
              case .rule(let rule) = sources.program.statements[0], rule.body.isEmpty else { return nil }
        var text = statement
        while let last = text.last, last == "." || last == "。" || last.isWhitespace { text.removeLast() }
        return "?- " + text + "."
    }

    /// A hint for a line that would be a whole statement but for its '.': shown once
    /// under the continuation prompt, so that nobody waits at `...>` without knowing
    /// why. Nil for text that goes on by design, such as `busy(P) :-`.
    static func continuationHint(_ pending: String) -> String? {
        let text = pending.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.hasSuffix(":-"), !text.hasSuffix(",") else { return nil }
        var sources = SourceSet()
        guard sources.add(name: inputSource, text: text + ".").isEmpty else { return nil }
        return "(the statement goes on until a '.' or '。'; type one to end it, or Ctrl-C to clear it)"
    }

    /// Says that the input ended inside a statement, which is not run.
    public func unterminated(_ text: String, line: Int) {
        let first = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        fail("<input>:\(line): error: unterminated statement: the input ends before the '.' of the statement that starts on line \(line):\n  \(first)\nend every statement with '.' (or '。'); it was not run")
    }

    func fail(_ message: String) {
        hadError = true
        output.error(message.hasSuffix("\n") ? message : message + "\n")
    }

    /// Reports diagnostics, at most `Diagnostic.displayLimit` of them, then how many more.
    func fail(_ files: SourceFiles, _ diagnostics: [Diagnostic], omitted: Int = 0) {
        fail(files.render(diagnostics, omitted: omitted))
    }

    // MARK: - Queries and rules

    func runQuery(_ text: String, explain: Bool = false) {
        let program = pendingDirectives + text
        pendingDirectives = ""
        let outcome = query.run(name: Self.inputSource, text: program, explain: explain)
        guard outcome.diagnostics.isEmpty else {
            fail(outcome.files, outcome.diagnostics, omitted: outcome.omittedDiagnostics)
            return
        }
        showAnswers(outcome)
    }

    func addRule(_ text: String) {
        if case .failure(let rejected) = query.prepare(name: Self.sessionSource, text: text) {
            fail(rejected.files, rejected.diagnostics, omitted: rejected.omitted)
            return
        }
        query.keep(name: Self.sessionSource, text: text)
        sessionRules.append(text)
        let head = text.prefix { $0 != "(" && $0 != " " && $0 != ":" && $0 != "." }
        output.write(text.contains(":-") ? "rule added for \(head)\n" : "fact added to \(head) for this session (the graph is unchanged)\n")
    }
}
