import Application
import Foundation
import Ingestion
import Querying
import ResultFormats
import Testing
import TestSupport
import TextLayout
import TransactionLog
import WardGraph

/// The application layer's operations and views, over a store built from the five
/// documents: what the CLI, the REPL and the HTTP service all show.
@Suite struct ApplicationTests {
    /// A workspace on a fresh store of the five documents, with the prelude and the sources.
    static func workspace(_ dir: TemporaryDirectory) throws -> Workspace {
        let root = Wardgraph.packageRoot.path
        _ = try DefaultStore.build(at: dir.file("g.log"), sources: root + "/Graph/sources", lexiconDirectory: root + "/Graph/lexicon")
        let prelude = try String(contentsOfFile: root + "/Queries/prelude.dl", encoding: .utf8)
        return Workspace(
            store: try GraphStore.open(at: dir.file("g.log")), prelude: ProgramSource(name: "prelude.dl", text: prelude),
            lexiconDirectory: root + "/Graph/lexicon", documents: DocumentLibrary(directories: [root + "/Graph/sources"]))
    }

    @Test func theLogTableAndItsJSONSayTheSame() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let listing = LogListing(workspace.current(), last: 2)
        let table = LogView.resultSet(listing)
        #expect(table.columns == ["tx", "time", "changes", "author"])
        #expect(table.rows.count == 2)
        #expect(table.totalRows == 5)
        let json = LogView.json(listing)
        guard case .array(let transactions)? = json["transactions"] else { Issue.record("no transactions"); return }
        for (row, item) in zip(table.rows, transactions) {
            #expect(item["time"]?.stringValue == row[1].text)
            #expect(item["changes"]?.stringValue == row[2].text)
            #expect(item["author"]?.stringValue == row[3].text)
        }
        // Local time with its offset, the same in every front end.
        #expect(row(table, 0)[1].text.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d/) != nil)
        #expect(TableFormat().render(table).hasSuffix("(5 transactions, 3 not shown: limit 2)\n"))
    }

    func row(_ set: ResultSet, _ index: Int) -> [ResultSet.Cell] { set.rows[index] }

    @Test func historyHasEightColumnsAndStopsAtItsSnapshot() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let now = try EntityHistory(workspace.current(), entity: "partner:商店街")
        #expect(HistoryView.resultSet(now).columns.count == 8)
        #expect(Set(now.entries.map(\.transaction)) == [2, 4])
        let then = try EntityHistory(try workspace.snapshot(asOf: 3), entity: "partner:商店街")
        #expect(Set(then.entries.map(\.transaction)) == [2])
        #expect(throws: OperationError.self) { try EntityHistory(workspace.current(), entity: "partner:商店") }
        do {
            _ = try EntityHistory(workspace.current(), entity: "partner:商店")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message.contains("did you mean 'partner:商店街'?"))
        }
        do {
            _ = try EntityHistory(workspace.current(), entity: "wrd:泉区")
        } catch {
            #expect(error.kind == .badInput)
        }
    }

    @Test func aNodePageHasItsEdgesSourcesAndTheirText() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let page = try NodePage(workspace.current(), id: "ward:泉区", documents: workspace.documents)
        #expect(page.kind == .ward)
        #expect(page.label == "泉区")
        let measure = try #require(page.outgoing.first { $0.node.description == "measure:泉区/R7/2.4" })
        #expect(measure.edge == "has_measure")
        #expect(measure.label == "商店街のにぎわいづくり")
        #expect(measure.source?.description == "izumi-r7.txt:248-256")
        let line = try #require(page.sources.first { $0.document == "izumi-r7.txt" && $0.line == 248 })
        #expect(line.text == "○商店街のにぎわいづくり＜中期計画：テーマ 03 戦略４ 政策 20＞")
        let partner = try NodePage(workspace.current(), id: "partner:商店街", documents: nil)
        #expect(partner.incoming.contains { $0.node.description == "measure:泉区/R7/2.4" && $0.edge == "partners_with" })
        let json = NodeView.json(page)
        #expect(json["kind"] == "ward")
        #expect(json["tx"] == .integer(5))
        #expect(throws: OperationError.self) { try NodePage(workspace.current(), id: "ward:泉", documents: nil) }
    }

    @Test func whyLeavesCarryTheirDocumentLine() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let session = workspace.session(over: workspace.current())
        let explanation = try Explanation("shared_partner(泉区, 港北区, 商店街)", session: session, documents: workspace.documents)
        let text = DerivationView.json(explanation).rendered()
        #expect(text.contains(#""document": "izumi-r7.txt", "line": 51, "last_line": 51, "text": "商店街のにぎわいづくりを推進します。""#))
        #expect(DerivationView.text(explanation).hasPrefix("shared_partner(泉区, 港北区, 商店街)   by shared_partner"))
        // One error type, whatever went wrong.
        for (atom, message) in [
            ("shared_partner(泉区, 港北区, 存在しない)", "does not hold"), ("sharde_partner(a, b, c)", "did you mean 'shared_partner'?"),
            ("shared_partner(泉区, W, P)", "has a variable"), ("shared_partner(泉区)", "has 3 arguments, not 1"),
        ] {
            do {
                _ = try Explanation(atom, session: session, documents: nil)
                Issue.record("\(atom) was explained")
            } catch {
                #expect(error.message.contains(message), "\(atom): \(error.message)")
            }
        }
    }

    @Test func queryAnswersNameTheirNodes() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let session = workspace.session(over: workspace.current())
        let request = QueryRequest(program: "?- shared_partner($ward, W, P).", parameters: ["ward": QueryRequest.parameterValue("泉区")], maxRows: 3)
        guard case .answered(let answers) = QueryOperation.run(request, in: session), let answer = answers.last else {
            Issue.record("no answer")
            return
        }
        #expect(answer.columns == ["W", "P"])
        #expect(answer.totalRows == 10)
        #expect(answer.rows.count == 3)
        #expect(answer.truncated)
        #expect(answer.tx == 5)
        let first = AnswerView.json(answer)["rows"]
        #expect(first == .array([
            .array([.object([("value", "港北区"), ("id", "ward:港北区"), ("label", "港北区")]), .object([("value", "企業"), ("id", "partner:企業"), ("label", "企業")])]),
            .array([.object([("value", "港北区"), ("id", "ward:港北区"), ("label", "港北区")]), .object([("value", "商店街"), ("id", "partner:商店街"), ("label", "商店街")])]),
            .array([.object([("value", "港北区"), ("id", "ward:港北区"), ("label", "港北区")]), .object([("value", "地域ケアプラザ"), ("id", "partner:地域ケアプラザ"), ("label", "地域ケアプラザ")])]),
        ]))
    }

    @Test func programErrorsAreJSONWithCaretColumnsAndSuggestions() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let session = workspace.session(over: workspace.current())
        guard case .rejected(let files, let diagnostics) = QueryOperation.run(QueryRequest(program: "?- shared_partnr(泉区, W, P)."), in: session) else {
            Issue.record("the misspelt relation ran")
            return
        }
        let error = try #require(DiagnosticView.json(files, diagnostics)["errors"].flatMap { if case .array(let items) = $0 { return items.first } else { return nil } })
        #expect(error["file"] == "<query>")
        #expect(error["line"] == .integer(1))
        #expect(error["column"] == .integer(4))
        #expect(error["end_column"] == .integer(17))
        #expect(error["source_line"] == "?- shared_partnr(泉区, W, P).")
        #expect(error["suggestion"] == "shared_partner")
    }

    @Test func theSchemaNamesArgumentsAndCarriesThePreludesComments() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let schema = try Schema(workspace.session(over: workspace.current()), counting: true)
        let shared = try #require(schema.relations.first { $0.name == "shared_partner" })
        #expect(shared.arguments == ["W1", "W2", "P"])
        #expect(shared.doc?.contains("区 W1 と W2 が同じ連携先 P と協働している") == true)
        #expect(shared.rows == 25)
        #expect(shared.definedAt == "prelude.dl:51")
        let label = try #require(schema.relations.first { $0.name == "label" })
        #expect(label.arguments == ["Id", "Text"])
        #expect(!label.isDerived)
    }

    @Test func curationIsOneTransactionAndUndoable() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let written = try #require(try Curation.apply([
            #"+partners_with("measure:泉区/R7/2.2", "partner:フェリス女学院大学")."#,
            #"+label("partner:フェリス女学院大学", "フェリス女学院大学")."#,
        ], author: "planner", in: workspace))
        #expect(written.transaction.id == 6)
        #expect(written.transaction.assertions == 2)
        #expect(written.transaction.author == "planner")
        let undone = try #require(try Curation.undo(6, author: "planner", in: workspace))
        #expect(undone.transaction.retractions == 2)
        // Every bad statement is reported; nothing is written.
        do {
            _ = try Curation.apply(["+partners_with(\"wrd:泉区\", x).", "partners_with(a, b).", "-label(\"ward:泉区\")."], author: "planner", in: workspace)
            Issue.record("bad statements were written")
        } catch {
            #expect(error.kind == .badInput)
            #expect(error.message.split(separator: "\n").count == 3)
        }
        #expect(workspace.lastTransactionID == 7)
        // Retracting what does not hold is a conflict with the graph.
        #expect(throws: OperationError.self) { try Curation.apply([#"-label("ward:泉区", "横浜")."#], author: "planner", in: workspace) }
    }

    @Test func aHeldWriterLockIsAConflictNamingItsHolder() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let holder = try GraphStore.open(at: dir.file("g.log"), writer: "wardgraph ingest (another terminal)")
        defer { holder.close() }
        do {
            _ = try Curation.apply([#"+label("partner:新しい", "新しい")."#], author: "planner", in: workspace)
            Issue.record("wrote past a held lock")
        } catch {
            #expect(error.kind == .conflict)
            #expect(error.message.contains("wardgraph ingest (another terminal)"))
        }
    }

    @Test func documentsAreFoundByNameOnly() throws {
        let library = DocumentLibrary(directories: [Wardgraph.packageRoot.path + "/Graph/sources"])
        let text = try library.text(of: "izumi-r7.txt")
        #expect(text.line(248) == "○商店街のにぎわいづくり＜中期計画：テーマ 03 戦略４ 政策 20＞")
        #expect(text.line(0) == nil)
        for name in ["../Package.swift", "/etc/passwd", "..", "", "a\\b"] {
            do {
                _ = try library.text(of: name)
                Issue.record("\(name) was read")
            } catch {
                #expect(error.kind == .badInput)
            }
        }
        #expect(throws: OperationError.self) { try library.text(of: "missing.txt") }
    }

    @Test func exportFormatsAreFoundByNameAndExtension() throws {
        #expect(ExportFormats.names == ["dot", "svg", "png", "pdf", "nt", "ttl"])
        #expect(ExportFormats.forPath("out/shared.SVG")?.name == "svg")
        #expect(ExportFormats.forPath("wards.ttl")?.mediaType == "text/turtle; charset=utf-8")
        #expect(ExportFormats.named("gif") == nil)
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let workspace = try Self.workspace(dir)
        let snapshot = workspace.current()
        let source = ExportSource(snapshot: snapshot, session: workspace.session(over: snapshot))
        let dot = String(decoding: try DiagramFormat.dot.export(ExportRequest(subject: .sharedPartners), from: source), as: UTF8.self)
        #expect(dot.hasPrefix("digraph"))
        #expect(dot.contains("自治会町内会"))
        do {
            _ = try DiagramFormat.dot.export(ExportRequest(subject: .ward("泉")), from: source)
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message.contains("did you mean 泉区?"))
        }
    }

    @Test func timesAreLocalWithTheirOffset() {
        setenv("TZ", "Asia/Tokyo", 1)
        tzset()
        defer { unsetenv("TZ"); tzset() }
        #expect(TimeText.local(millis: 1_795_000_000_000) == "2026-11-18 20:06:40+09:00")
        #expect(TimeText.local(millis: -1) == "1970-01-01 08:59:59+09:00")
    }
}
