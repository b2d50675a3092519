import Datalog
import Extraction
import Foundation
import Ingestion
import Querying
import ResultFormats
import TextLayout
import WardGraph

/// The meta-commands, `:name arguments`.
extension ReplSession {
    struct MetaCommand {
        let name: String
        let arguments: String
        let summary: String
    }

    static let metaCommands: [MetaCommand] = [
        MetaCommand(name: "help", arguments: "", summary: "this help, with examples"),
        MetaCommand(name: "schema", arguments: "", summary: "the relations, with arity, row count and a sample row"),
        MetaCommand(name: "load", arguments: "FILE.dl", summary: "keep a file's rules and run its queries"),
        MetaCommand(name: "ingest", arguments: "[--force] FILE…", summary: "read policy documents into the graph"),
        MetaCommand(name: "why", arguments: "ATOM", summary: "one derivation of ATOM, down to document lines"),
        MetaCommand(name: "explain", arguments: "QUERY", summary: "run a query and show its plan and row counts"),
        MetaCommand(name: "export", arguments: "FILE.dot|svg|png [QUERY]", summary: "draw the graph, or what a query selects"),
        MetaCommand(name: "asof", arguments: "TX", summary: "read the graph as it was after transaction TX"),
        MetaCommand(name: "now", arguments: "", summary: "read the graph as it is now again"),
        MetaCommand(name: "log", arguments: "[N]", summary: "the last N transactions (default 20)"),
        MetaCommand(name: "history", arguments: "ENTITY", summary: "the assertions and retractions about a node"),
        MetaCommand(name: "format", arguments: "table|csv|tsv|json", summary: "how answers are printed"),
        MetaCommand(name: "timing", arguments: "on|off", summary: "show the time each query took"),
        MetaCommand(name: "limit", arguments: "N", summary: "show at most N rows of an answer (default 100)"),
        MetaCommand(name: "rules", arguments: "", summary: "the rules and facts typed in this session"),
        MetaCommand(name: "save-rules", arguments: "[NAME]", summary: "keep this session's rules in the log for next time"),
        MetaCommand(name: "forget-rules", arguments: "", summary: "drop this session's rules (saved ones stay until saved again)"),
        MetaCommand(name: "undo", arguments: "", summary: "take back this session's last change to the graph"),
        MetaCommand(name: "quit", arguments: "", summary: "leave (or Ctrl-D)"),
    ]

    func meta(_ text: String) -> Step {
        let body = text.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch name {
        case "quit", "q", "exit": return .quit
        case "help", "h", "?": output.write(help())
        case "schema": schema()
        case "load": load(argument)
        case "ingest": ingest(argument)
        case "why": why(argument)
        case "explain": explain(argument)
        case "export": export(argument)
        case "asof": setAsOf(argument)
        case "now":
            asOf = nil
            refreshGraph()
            output.write("reading the graph as it is now (transaction \(store.lastTransactionID))\n")
        case "log": log(argument)
        case "history": history(argument)
        case "format":
            guard ResultFormats.names.contains(argument) else {
                fail(":format takes one of \(ResultFormats.names.joined(separator: ", "))\(Suggestion.hint(for: argument, in: ResultFormats.names))")
                break
            }
            formatName = argument
        case "timing":
            guard argument == "on" || argument == "off" else { fail(":timing takes on or off"); break }
            showsTiming = argument == "on"
        case "limit":
            guard let n = Int(argument), n > 0 else { fail(":limit takes a positive number of rows"); break }
            displayLimit = n
        case "rules":
            output.write(sessionRules.isEmpty ? "no rules in this session\n" : sessionRules.joined(separator: "\n") + "\n")
        case "save-rules": saveRules(argument.isEmpty ? "session" : argument)
        case "forget-rules":
            query.forget { $0 == Self.sessionSource || $0.hasPrefix("<saved ") }
            sessionRules.removeAll()
            output.write("the session's rules are gone; :save-rules now would save none\n")
        case "undo":
            refreshGraph()
            undo()
        default:
            let names = Self.metaCommands.map(\.name) + ["q", "exit"]
            fail("unknown command :\(name)\(Suggestion.hint(for: name, in: names)); :help lists them")
        }
        return .proceed
    }

    func help() -> String {
        var table = TextTable(headers: ["", ""])
        table.rule = false
        for command in Self.metaCommands {
            table.add(["  :\(command.name)\(command.arguments.isEmpty ? "" : " " + command.arguments)", command.summary])
        }
        return """
        Type a query, a rule, or a change to the graph, ending with '.'; a statement
        may run over several lines. Examples:
          ?- shared_partner(W1, W2, P).                  which wards share which partners
          ?- partner_wards(P, N), N >= 3.                partners that work with three or more wards
          ?- shares_partner_with(泉区, W, P).              who shares partners with 泉区
          ?- serves(M, "plan:横浜市中期計画/テーマ05"), measure_of(W, M, T).
          busy(P) :- partner_wards(P, N), N >= 3.        a rule, kept for this session
          +partners_with("measure:泉区/R7/2.2", "partner:フェリス女学院大学").   assert a fact
          -partners_with("measure:泉区/R7/2.4", partner:商店街).                 retract one
          .limit 5                                       limit the next query
        Commands:
        \(table.rendered())
        Keys: Tab completes relations, commands and node ids; Up/Down and Ctrl-R search
        the history; Ctrl-C cancels a running query or clears the line; Ctrl-D leaves.

        """
    }

    func schema() {
        let program: AnalyzedProgram
        switch query.analyze(name: Self.inputSource, text: "") {
        case (_, .success(let analyzed)):
            program = analyzed
        case (let files, .failure(let list)):
            if !list.diagnostics.isEmpty { fail(files, list.diagnostics) }
            return
        }
        let run = query.engine.start(program, cancellation: query.cancellation)
        var table = TextTable(headers: ["relation", "arity", "rows", "kind", "sample"], alignments: [.left, .right, .right, .left, .left])
        let constants = query.engine.constants
        for info in program.relations.values.sorted(by: { ($0.isDerived ? 1 : 0, $0.name) < ($1.isDerived ? 1 : 0, $1.name) }) {
            let tuples = (try? run.tuples(of: info.name)) ?? []
            let sample = tuples.min { a, b in
                zip(a, b).first { $0 != $1 }.map { constants.compare($0.0, $0.1) < 0 } ?? false
            }
            let sampleText = sample.map { "\(info.name)(\($0.map(constants.source).joined(separator: ", ")))" } ?? ""
            table.add([info.name, String(info.arity), String(tuples.count), info.isDerived ? "rules" : "graph", sampleText.truncated(toWidth: 50)])
        }
        output.write(table.rendered() + "\n")
    }

    func load(_ path: String) {
        guard !path.isEmpty else { fail(":load needs a file, as in :load Queries/shared-partners.dl"); return }
        guard let data = FileManager.default.contents(atPath: path) else {
            fail(":load: \(path) cannot be read")
            return
        }
        let text: String
        do { text = try UTF8Text.decode(data, file: path) } catch {
            fail(":load: \(error.rendered())")
            return
        }
        let outcome = query.run(name: path, text: text, keep: true)
        guard outcome.diagnostics.isEmpty else {
            fail(outcome.files, outcome.diagnostics)
            return
        }
        for answer in outcome.answers {
            switch answer {
            case .result(let result, _): show(result)
            case .failure(let error, let range): fail(outcome.files, [Diagnostic(error.message, range: range)])
            }
        }
    }

    func ingest(_ argument: String) {
        var paths = argument.split(separator: " ").map(String.init)
        let force = paths.first == "--force"
        if force { paths.removeFirst() }
        guard !paths.isEmpty else { fail(":ingest needs a document, as in :ingest Graph/sources/izumi-r7.txt"); return }
        guard asOf == nil else { fail("reading the graph as of a past transaction; use :now before changing it"); return }
        guard let lexiconDirectory else { fail(":ingest needs the lexicon (Graph/lexicon)"); return }
        let lexicon: Lexicon
        do { lexicon = try Lexicon.load(directory: lexiconDirectory) } catch { fail("\(error)"); return }
        let ingestor = Ingestor(store: store, extractor: DocumentExtractor(lexicon: lexicon))
        for path in paths {
            do {
                let report = try ingestor.ingest(path: path, force: force)
                if let line = report.fiscalYearFromBodyLine {
                    output.error("warning: \(report.file): the title names no fiscal year; \(report.fiscalYear) was taken from the body text (line \(line))\n")
                }
                let what = "\(report.ward) \(report.fiscalYear): \(report.measures) measures, \(report.sections) sections, \(report.partners) partners, \(report.plans) plans"
                if let info = report.transaction {
                    output.write("transaction \(info.id): \(report.file), \(what) (+\(info.assertions) -\(info.retractions))\n")
                } else {
                    output.write("\(report.file): unchanged, nothing written (\(what))\n")
                }
            } catch {
                fail("\(error); nothing was written for it")
            }
        }
        refreshGraph()
    }

    func why(_ atom: String) {
        guard !atom.isEmpty else { fail(":why needs an atom, as in :why shared_partner(泉区, 港北区, 企業)"); return }
        do {
            let derivation = try query.why(atom.hasSuffix(".") ? String(atom.dropLast()) : atom)
            output.write(DerivationRenderer(constants: query.engine.constants).render(derivation) + "\n")
        } catch let error as DerivationError {
            fail(":why: \(error.message)")
        } catch let list as DiagnosticList {
            fail(":why: " + list.diagnostics.map(\.message).joined(separator: "; "))
        } catch let error as EvaluationError {
            fail(":why: \(error.message)")
        } catch {
            fail(":why: \(error)")
        }
    }

    func explain(_ text: String) {
        guard !text.isEmpty else { fail(":explain needs a query, as in :explain ?- shared_partner(W1, W2, P)."); return }
        runQuery(Self.queryStatement(text), explain: true)
    }

    /// A query as typed after a command, made a statement: `?- ` in front and `.`
    /// at the end unless it has them.
    static func queryStatement(_ text: String) -> String {
        var query = text.hasPrefix("?-") ? text : "?- " + text
        if !query.hasSuffix(".") { query += "." }
        return query
    }

    func setAsOf(_ argument: String) {
        guard let tx = UInt64(argument) else { fail(":asof takes a transaction number (see :log)"); return }
        do {
            try store.refresh()
            let snapshot = try store.snapshot(asOf: tx)
            asOf = tx
            use(snapshot)
            output.write("reading the graph as it was after transaction \(tx); :now returns to the present\n")
        } catch {
            fail("\(error)")
        }
    }

    func log(_ argument: String) {
        let count = Int(argument) ?? 20
        var table = TextTable(headers: ["tx", "time", "changes", "author"], alignments: [.right, .left, .left, .left])
        let dates = ISO8601DateFormatter()
        for info in store.transactions.suffix(max(1, count)) {
            let changes: String
            switch info.content {
            case .facts(_, let a, let r): changes = "+\(a) -\(r)"
            case .program(let name): changes = "rules '\(name)'"
            }
            let date = Date(timeIntervalSince1970: Double(info.timestampMillis) / 1000)
            table.add([String(info.id), dates.string(from: date), changes, info.author])
        }
        output.write(table.rendered() + "\n")
    }

    func history(_ argument: String) {
        let id: NodeID
        do { id = try NodeID(parsing: argument) } catch { fail(":history: \(error)"); return }
        let entries = store.history(of: id)
        guard !entries.isEmpty else { fail(":history: no facts about \(id)"); return }
        var table = TextTable(headers: ["tx", "", "fact", "source", "author"], alignments: [.right, .left, .left, .left, .left])
        for entry in entries {
            let fact = entry.change.fact
            table.add([
                String(entry.transaction), entry.change.kind == .assert ? "+" : "-",
                "\(fact.attribute)(\(fact.entity), \(fact.value))", entry.change.source?.description ?? "", entry.author,
            ])
        }
        output.write(table.rendered() + "\n")
    }

    func saveRules(_ name: String) {
        let text = sessionRules.joined(separator: "\n")
        do {
            let info = try store.saveProgram(name: name, text: text, author: author)
            output.write("transaction \(info.id): saved \(sessionRules.count) rule\(sessionRules.count == 1 ? "" : "s") as '\(name)'; they load in the next session\n")
        } catch {
            fail("\(error)")
        }
    }
}
