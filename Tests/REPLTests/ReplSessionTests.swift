import Foundation
import Ingestion
import LineEditor
import Testing
import TestSupport
import WardGraph
@testable import REPL

/// The REPL's statements and commands, driven without a terminal.
@Suite struct ReplSessionTests {
    final class Capture: ReplOutput {
        var out = ""
        var err = ""
        func write(_ text: String) { out += text }
        func error(_ text: String) { err += text }
        func take() -> (String, String) {
            defer { out = ""; err = "" }
            return (out, err)
        }
    }

    /// A session on a fresh store built from the five documents.
    static func session(_ dir: TemporaryDirectory) throws -> (ReplSession, Capture, GraphStore) {
        let root = Wardgraph.packageRoot.path
        _ = try DefaultStore.build(at: dir.file("g.log"), sources: root + "/Graph/sources", lexiconDirectory: root + "/Graph/lexicon")
        let store = try GraphStore.open(at: dir.file("g.log"))
        let prelude = try String(contentsOfFile: root + "/Queries/prelude.dl", encoding: .utf8)
        let capture = Capture()
        let session = ReplSession(store: store, author: "planner", output: capture, prelude: ("prelude.dl", prelude), lexiconDirectory: root + "/Graph/lexicon")
        session.handle(":timing off")
        return (session, capture, store)
    }

    @Test func queriesAreTablesWithLabelsAndCounts() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, _) = try Self.session(dir)
        session.handle("?- partner_wards(P, N), N >= 3.")
        let (out, err) = capture.take()
        #expect(err.isEmpty)
        #expect(out == """
            P             N
            ------------  -
            企業          4
            地域防災拠点  4
            自治会町内会  4
            (3 rows)

            """)
        session.handle(#"?- has_measure(ward:泉区, M), partners_with(M, "partner:フェリス女学院大学")."#)
        #expect(capture.take().0.contains("measure:泉区/R7/2.2 〈グリーン社会の実現に向けて〉"))
    }

    @Test func rulesAreKeptAndErrorsShowTheCaret() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, _) = try Self.session(dir)
        session.handle("busy(P) :- partner_wards(P, N), N >= 3.")
        #expect(capture.take().0 == "rule added for busy\n")
        session.handle("?- busy(P).")
        #expect(capture.take().0.contains("(3 rows)"))
        session.handle("?- bussy(P).")
        let (_, err) = capture.take()
        #expect(err.contains("<input>:1:4: error: unknown relation 'bussy'; did you mean 'busy'?"))
        #expect(err.contains("   |    ^^^^^"))
        #expect(session.hadError)
        // A rule with an error is not kept.
        session.handle("broken(X) :- busy(X, Y).")
        #expect(capture.take().1.contains("busy is used with 2 arguments here"))
        session.handle(":rules")
        #expect(capture.take().0 == "busy(P) :- partner_wards(P, N), N >= 3.\n")
    }

    @Test func factsAreChangedInTheLogAndUndone() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, store) = try Self.session(dir)
        let before = store.lastTransactionID
        session.handle(#"+partners_with("measure:泉区/R7/2.2", "partner:横浜国立大学")."#)
        #expect(capture.take().0 == "transaction \(before + 1): asserted partners_with(\"measure:泉区/R7/2.2\", partner:横浜国立大学)\n")
        #expect(store.transactions.last?.author == "planner")
        session.handle(#"?- ward_partner(泉区, P), ends_with(P, "大学")."#)
        #expect(capture.take().0.contains("横浜国立大学"))
        session.handle(":undo")
        #expect(capture.take().0 == "transaction \(before + 2): undid transaction \(before + 1)\n")
        session.handle(#"?- ward_partner(泉区, P), ends_with(P, "大学")."#)
        #expect(!capture.take().0.contains("横浜国立大学"))
        session.handle(#"-partners_with("measure:泉区/R7/2.2", "partner:存在しない")."#)
        #expect(capture.take().1.contains("cannot retract a fact that does not hold"))
        session.handle(#"+partners_with("ward:泉区", "partner:x")."#)
        #expect(capture.take().1.contains("cannot start at a ward node"))
    }

    @Test func asOfReadsThePast() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, _) = try Self.session(dir)
        session.handle(":asof 1")
        _ = capture.take()
        session.handle("?- ward(W).")
        let (out, _) = capture.take()
        #expect(out.contains("(1 row)"))
        #expect(session.prompt == "wardgraph@tx1> ")
        session.handle(#"+label("ward:泉区", "いずみ")."#)
        #expect(capture.take().1.contains("use :now"))
        session.handle(":now")
        session.handle("?- ward(W).")
        #expect(capture.take().0.contains("(5 rows)"))
    }

    @Test func savedRulesLoadInTheNextSession() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, store) = try Self.session(dir)
        session.handle("busy(P) :- partner_wards(P, N), N >= 3.")
        session.handle(":save-rules")
        #expect(capture.take().0.contains("saved 1 rule as 'session'"))
        let prelude = try String(contentsOfFile: Wardgraph.packageRoot.path + "/Queries/prelude.dl", encoding: .utf8)
        let next = ReplSession(
            store: try GraphStore.open(at: store.path), author: "p", output: capture, prelude: ("prelude.dl", prelude), lexiconDirectory: nil)
        next.handle(":timing off")
        next.handle("?- busy(P).")
        let (out, err) = capture.take()
        #expect(err.isEmpty)
        #expect(out.contains("(3 rows)"))
    }

    @Test func metaCommands() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, _) = try Self.session(dir)
        session.handle(":help")
        #expect(capture.take().0.contains(":why ATOM"))
        session.handle(":schema")
        let schema = capture.take().0
        #expect(schema.contains("shared_partner"))
        #expect(schema.contains("partners_with"))
        session.handle(":why shared_partner(泉区, 港北区, 企業)")
        let why = capture.take().0
        #expect(why.hasPrefix("shared_partner(泉区, 港北区, 企業)   by shared_partner"))
        #expect(why.contains("fact, izumi-r7.txt:"))
        session.handle(":explain ?- shared_partner(泉区, W, P).")
        let plan = capture.take().0
        #expect(plan.contains("magic@shared_partner@bff"))
        #expect(plan.contains("lookup shared_partner@bff#") && plan.contains("by index on (#1=泉区)"))
        session.handle(":format csv")
        session.handle("?- partner_wards(P, N), N >= 3.")
        #expect(capture.take().0 == "P,N\n企業,4\n地域防災拠点,4\n自治会町内会,4\n")
        session.handle(":limit 1")
        session.handle(":format table")
        session.handle("?- partner_wards(P, N), N >= 3.")
        #expect(capture.take().0.contains("(3 rows, 2 not shown: limit 1)"))
        session.handle(":log 2")
        #expect(capture.take().0.contains("ingest kohoku-r7.txt"))
        session.handle(":history partner:フェリス女学院大学")
        let history = capture.take().0.split(separator: "\n")
        #expect(history.first?.split(separator: " ").map(String.init) == ["tx", "time", "entity", "attribute", "value", "source", "author"])
        #expect(history.contains { $0.contains("+  measure:泉区/R7/2.2") && $0.contains("partners_with  partner:フェリス女学院大学") })
        session.handle(":fromat csv")
        #expect(capture.take().1.contains("did you mean 'format'?"))
        #expect(session.handle(":quit") == .quit)
    }

    @Test func completion() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, _, _) = try Self.session(dir)
        let names = session.completionNames()
        let completer = ReplCompleter(names: { names })
        func complete(_ line: String) -> [String] { completer.complete(line: line, cursor: line.endIndex).candidates }
        #expect(complete("?- shared_p") == ["shared_partner"])
        #expect(complete("?- ward(ward:泉") == ["ward:泉区"])
        #expect(complete("?- measure(\"measure:泉区/R7/2.").contains("\"measure:泉区/R7/2.2\""))
        #expect(complete(":sch") == [":schema"])
    }
}
