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
            年度: 旭区 R8, 泉区 R7, 港北区 R7, 港南区 R7, 金沢区 R4
            P             N
            ------------  -
            企業          4
            地域防災拠点  4
            自治会町内会  4
            (3 rows)

            """)
        // Ids print as they are typed back, and the raw relations read every year (no header).
        session.handle(#"?- has_measure(ward:泉区, M), partners_with(M, "partner:フェリス女学院大学")."#)
        #expect(capture.take().0 == """
            M
            ----------------------------------------------------
            "measure:泉区/R7/2.2" 〈グリーン社会の実現に向けて〉
            (1 row)

            """)
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

    @Test func answersGoIntoAReport() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (session, capture, _) = try Self.session(dir)
        session.handle(":output \(dir.file("none.csv"))")
        #expect(capture.take().1 == ":output: there is no answer to save yet; ask a question first\n")
        session.handle("?- ward_partner(W, P).")
        #expect(capture.take().0.contains("(54 rows)"))
        session.handle(":pivot W,P")
        let matrix = capture.take().0.split(separator: "\n")
        #expect(matrix[1].hasPrefix("W       NPO  こども食堂"))
        #expect(matrix[matrix.count - 2].hasPrefix("計") && matrix[matrix.count - 2].hasSuffix("54"))
        session.handle(":output \(dir.file("matrix.csv"))")
        #expect(capture.take().0 == "wrote \(dir.file("matrix.csv")): 1 answer, 6 rows, with a byte-order mark for Excel\n")
        let csv = try Data(contentsOf: URL(fileURLWithPath: dir.file("matrix.csv")))
        #expect(Array(csv.prefix(5)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "W"), UInt8(ascii: ",")])
        session.handle(":output \(dir.file("matrix.xlsx"))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("matrix.xlsx"))).prefix(2) == Data("PK".utf8))
        session.handle(":output \(dir.file("matrix.doc"))")
        #expect(capture.take().1.contains("the extension names no format; use .xlsx, .csv, .tsv, .json or .txt"))
        session.handle(":pivot W,Partner")
        #expect(capture.take().1 == ":pivot: the answer has no column Partner; its columns are W, NPO, こども食堂, スクールゾーン対策協議会, フェリス女学院大学, プロスポーツチーム, 企業, 保育・教育施設, 健やか子育て連絡会, 医療関係団体, 商店街, 地域ケアプラザ, 地域子育て支援拠点「すきっぷ」, 地域子育て支援拠点「とことこ」, 地域防災拠点, 基幹相談支援センター, 大学, 子育て支援施設, 学校, 愛護会, 放課後キッズクラブ, 放課後児童クラブ, 旭区わんわんパトロール, 旭区市民活動支援センター「みなくる」, 横浜市立大学, 泉伝統文化保存会, 泉区商店街連合会, 港北区地域自立支援協議会, 災害時協力事業所, 生活支援センター, 町の防災組織, 社会福祉協議会, 福祉避難所, 自治会町内会, 見守り協力事業者, 親と子のつどいの広場, 農家, 配食サービス, 障害福祉事業所, 計\n")
        session.handle(":format vertical")
        session.handle("?- ward_year(W, Y), W = 泉区.")
        #expect(capture.take().0 == "-[ 1 ]----------------------------------\nW  泉区\nY  令和7年度\n(1 row)\n")
        session.handle(":format xlsx")
        #expect(capture.take().1.contains("an xlsx is a file: :output FILE.xlsx saves the last answer"))
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
        // Names, quoted when they are not bare words.
        #expect(complete("?- ward_partner(泉") == ["泉伝統文化保存会", "泉区", "泉区ならではの魅力発信", "泉区アクションプラン", "泉区商店街連合会", "泉土木事務所"])
        #expect(complete("?- serves(M, \"横浜市中期計画 テーマ05 戦略3").contains("\"横浜市中期計画 テーマ05 戦略3 政策18\""))
        #expect(complete("?- serves(M, 横浜市中期計画").contains("\"横浜市中期計画 テーマ05\""))
    }
}
