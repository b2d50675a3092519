import Datalog
import Foundation
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

    let store: GraphStore
    public let query: QuerySession
    let output: ReplOutput
    let author: String
    let lexiconDirectory: String?
    /// The output format: table, csv, tsv or json.
    var formatName = "table"
    var showsTiming = true
    /// Rows shown at most (the rest is counted in a note).
    var displayLimit = 100
    /// Reading the graph as of this transaction, or now.
    var asOf: UInt64?
    /// Directives (`.limit 5`) for the next query.
    var pendingDirectives = ""
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

    public init(store: GraphStore, author: String, output: ReplOutput, prelude: (name: String, text: String)?, lexiconDirectory: String?) {
        self.store = store
        self.author = author
        self.output = output
        self.lexiconDirectory = lexiconDirectory
        reloadsSeen = store.reloads
        query = QuerySession()
        if let prelude { query.keep(name: prelude.name, text: prelude.text) }
        for program in store.programs.values.sorted(by: { $0.name < $1.name }) {
            let name = "<saved \(program.name)>"
            query.keep(name: name, text: program.text)
            sessionRules.append(contentsOf: [program.text])
        }
        refreshGraph()
        if !query.sources.isEmpty {
            let (files, diagnostics) = query.check(name: Self.inputSource, text: "")
            if !diagnostics.isEmpty {
                output.error("warning: the prelude or the saved rules have errors; fix them or :forget-rules\n" + files.render(diagnostics))
            }
        }
    }

    /// Reads what other writers appended, and gives the engine the graph to query
    /// (unless it already has that graph: registering it anew rebuilds its relations).
    func refreshGraph() {
        do { try store.refresh() } catch { output.error("warning: \(error)") }
        noticeReload()
        guard graphInUse != GraphInUse(asOf: asOf, lastTransaction: store.lastTransactionID, reloads: store.reloads) else { return }
        if let asOf, let snapshot = try? store.snapshot(asOf: asOf) {
            use(snapshot)
        } else {
            use(store.current)
        }
    }

    /// Gives the engine `snapshot` to query, read as of `asOf`.
    func use(_ snapshot: GraphSnapshot) {
        query.use(snapshot)
        graphInUse = GraphInUse(asOf: asOf, lastTransaction: store.lastTransactionID, reloads: store.reloads)
    }

    /// If the store had to read the log again (another process cut it, by a repair,
    /// or replaced it), says so, and forgets this session's transactions: their ids
    /// may now name other transactions, which :undo must never take back.
    func noticeReload() {
        guard store.reloads != reloadsSeen else { return }
        reloadsSeen = store.reloads
        sessionTransactions = []
        output.error("note: the log was changed by another process (cut by a repair, or replaced) and has been read again: \(store.transactions.count) transactions; :undo forgets this session's earlier changes\n")
    }

    /// Handles one complete statement or meta-command.
    @discardableResult
    public func handle(_ statement: String) -> Step {
        let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .proceed }
        if text.hasPrefix(":") { return meta(text) }
        refreshGraph()
        if text.hasPrefix("?-") {
            runQuery(text)
        } else if text.hasPrefix(".") {
            pendingDirectives += text + "\n"
        } else if text.hasPrefix("+") || text.hasPrefix("-") {
            changeFact(text)
        } else {
            addRule(text)
        }
        return .proceed
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
        for answer in outcome.answers {
            switch answer {
            case .result(let result, let explanation):
                show(result)
                if let explanation { output.write(explanation + "\n") }
            case .failure(let error, let range):
                if error == .cancelled {
                    fail("cancelled")
                } else {
                    fail(outcome.files, [Diagnostic(error.message, range: range)])
                }
            }
        }
    }

    /// Prints a result in the current format, cut at the display limit.
    func show(_ result: QueryResult) {
        var set = query.resultSet(result, labels: formatName == "table", maxRows: displayLimit)
        if !showsTiming { set.elapsedMilliseconds = .nan }
        let format: ResultFormat = formatName == "table" ? TableFormat(showsTime: showsTiming) : (ResultFormats.named(formatName) ?? TableFormat())
        output.write(format.render(set))
    }

    func addRule(_ text: String) {
        let (files, diagnostics) = query.check(name: Self.sessionSource, text: text)
        guard diagnostics.isEmpty else {
            fail(files, diagnostics)
            return
        }
        query.keep(name: Self.sessionSource, text: text)
        sessionRules.append(text)
        let head = text.prefix { $0 != "(" && $0 != " " && $0 != ":" && $0 != "." }
        output.write(text.contains(":-") ? "rule added for \(head)\n" : "fact added to \(head)\n")
    }
}
