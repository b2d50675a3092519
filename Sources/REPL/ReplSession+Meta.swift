import Application
import Datalog
import Foundation
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
        MetaCommand(name: "export", arguments: "FILE.svg|png|pdf|dot [WHAT]", summary: "draw the graph; WHAT: shared-partners, ward 泉区, per-ward, or a query"),
        MetaCommand(name: "year", arguments: "[YEAR|latest]", summary: "read each ward's document of YEAR (R6, 令和6年度), or its latest"),
        MetaCommand(name: "diff", arguments: "WARD [YEAR1 YEAR2]", summary: "what changed between two years of a ward, measure by measure"),
        MetaCommand(name: "asof", arguments: "TX", summary: "read the graph as it was after transaction TX"),
        MetaCommand(name: "now", arguments: "", summary: "read the graph as it is now again"),
        MetaCommand(name: "log", arguments: "[N]", summary: "the last N transactions (default 20)"),
        MetaCommand(name: "history", arguments: "NAME|ID", summary: "the assertions and retractions about a node (泉区, ward:泉区)"),
        MetaCommand(name: "node", arguments: "NAME|ID", summary: "a node: attributes, edges in and out, source lines, history"),
        MetaCommand(name: "format", arguments: "table|vertical|csv|tsv|json", summary: "how answers are printed"),
        MetaCommand(name: "output", arguments: "FILE", summary: "save the last answer: .xlsx, .csv (for Excel), .tsv, .json, .txt"),
        MetaCommand(name: "pivot", arguments: "ROW,COL[,VALUE]", summary: "show the last answer as a matrix, e.g. :pivot W,P"),
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
        case "year": setYear(argument)
        case "diff": compareYears(argument)
        case "asof": setAsOf(argument)
        case "now":
            asOf = nil
            refreshGraph()
            output.write("reading the graph as it is now (transaction \(workspace.lastTransactionID))\n")
        case "log": log(argument)
        case "history": history(argument)
        case "node": node(argument)
        case "format":
            guard ResultFormats.textNames.contains(argument) else {
                let hint = argument == "xlsx" ? "; an xlsx is a file: :output FILE.xlsx saves the last answer" : Suggestion.hint(for: argument, in: ResultFormats.names)
                fail(":format takes one of \(ResultFormats.textNames.joined(separator: ", "))\(hint)")
                break
            }
            formatName = argument
        case "output": saveAnswers(argument)
        case "pivot": pivotAnswers(argument)
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
        Variables start with ? or an ASCII capital letter: ?区, ?連携先, W, Partner.
        Everything else is a name (a constant): 泉区, 社会福祉協議会, "横浜市中期計画 テーマ05".
          ?- ward_partner(泉区, ?連携先).                 泉区's partners (泉区の連携先)
          ?- ward_partner(?区, 社会福祉協議会).           the wards working with 社会福祉協議会
        A question starts with ?- and ends with '.' or '。'; a statement may run over
        several lines. Answers read each ward's latest document (:year chooses another).
        More examples:
          ?- shared_partner(W1, W2, P).                  which wards share which partners
          ?- partner_wards(P, N), N >= 3.                partners that work with three or more wards
          ?- serves(M, "横浜市中期計画 テーマ05"), measure_of(W, M).   measures serving テーマ05
          busy(P) :- partner_wards(P, N), N >= 3.        a rule, kept for this session
          +partners_with("measure:泉区/R7/2.2", "partner:フェリス女学院大学").   assert a fact
          -partners_with("measure:泉区/R7/2.4", partner:商店街).                 retract one
          .limit 5                                       limit the next query
        Commands (help, quit and exit also work without ':'):
        \(table.rendered())
        Keys: Tab completes relations, commands, names and node ids; Up/Down and Ctrl-R
        search the history; Ctrl-C cancels a running query or clears the line; Ctrl-D leaves.

        """
    }

    func schema() {
        do { show(SchemaView.resultSet(try Schema(query, counting: true))) } catch { fail(error.message) }
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
            fail(outcome.files, outcome.diagnostics, omitted: outcome.omittedDiagnostics)
            return
        }
        showAnswers(outcome)
    }

    func ingest(_ argument: String) {
        var paths = argument.split(separator: " ").map(String.init)
        let force = paths.first == "--force"
        if force { paths.removeFirst() }
        guard !paths.isEmpty else { fail(":ingest needs a document, as in :ingest Graph/sources/izumi-r7.txt"); return }
        guard asOf == nil else { fail("reading the graph as of a past transaction; use :now before changing it"); return }
        do {
            let outcomes = try DocumentIngest.ingest(paths, force: force, in: workspace)
            for failure in IngestView.failures(outcomes) { fail(failure) }
            for warning in IngestView.yearWarnings(outcomes) { output.error("warning: \(warning)\n") }
            let table = IngestView.resultSet(outcomes)
            if !table.rows.isEmpty { show(table) }
            for line in IngestView.revisions(outcomes) { output.write(line + "\n") }
            for line in IngestView.notUnderstood(outcomes) { output.write(line + "\n") }
        } catch {
            fail(":ingest: \(error.message)")
        }
        refreshGraph()
    }

    func why(_ atom: String) {
        guard !atom.isEmpty else { fail(":why needs an atom, as in :why shared_partner(泉区, 港北区, 企業)"); return }
        do {
            output.write(DerivationView.text(try Explanation(atom, session: query, documents: nil)) + "\n")
        } catch {
            fail(":why: \(error.message)")
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

    /// `:year R6` reads each ward's document of that year; `:year latest` each ward's
    /// latest again; `:year` alone says which documents are read.
    func setYear(_ argument: String) {
        if !argument.isEmpty {
            guard let selection = YearSelection(argument) else {
                fail(":year takes a fiscal year such as R6, 令和6年度 or 2024, or 'latest'")
                return
            }
            query.years = selection
        }
        output.write((query.reading?.caption ?? "no graph") + "\n")
    }

    /// `:diff 泉区 R7 R8`: the two documents compared measure by measure.
    func compareYears(_ argument: String) {
        let words = argument.split(separator: " ").map(String.init)
        guard words.count == 1 || words.count == 3 else { fail(":diff needs a ward and two years, as in :diff 泉区 R7 R8 (or only the ward, for its two latest)"); return }
        do {
            show(YearComparisonView.resultSet(try YearComparison(snapshot, ward: words[0], from: words.count == 3 ? words[1] : nil, to: words.count == 3 ? words[2] : nil)))
        } catch {
            fail(":diff: \(error.message)")
        }
    }

    func setAsOf(_ argument: String) {
        guard let tx = UInt64(argument) else { fail(":asof takes a transaction number (see :log)"); return }
        do {
            try workspace.refresh()
            let snapshot = try workspace.snapshot(asOf: tx)
            asOf = tx
            use(snapshot)
            output.write("reading the graph as it was after transaction \(tx); :now returns to the present\n")
        } catch {
            fail(":asof: \(error.message)")
        }
    }

    func log(_ argument: String) {
        show(LogView.resultSet(LogListing(workspace.current(), last: Int(argument) ?? 20)))
    }

    func history(_ argument: String) {
        do { show(HistoryView.resultSet(try EntityHistory(snapshot, entity: argument))) } catch { fail(":history: \(error.message)") }
    }

    func node(_ argument: String) {
        do {
            let page = try NodePage(snapshot, id: argument, documents: workspace.documents)
            output.write(formatName == "json" ? NodeView.json(page).rendered() + "\n" : NodeView.text(page))
        } catch {
            fail(":node: \(error.message)")
        }
    }

    func saveRules(_ name: String) {
        let text = sessionRules.joined(separator: "\n")
        do {
            let info = try Curation.saveRules(name: name, text: text, author: author, in: workspace)
            output.write("transaction \(info.id): saved \(sessionRules.count) rule\(sessionRules.count == 1 ? "" : "s") as '\(name)'; they load in the next session\n")
        } catch {
            fail(error.message)
        }
    }
}
