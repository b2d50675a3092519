import Extraction
import Foundation
import Testing
import TestSupport
import WardGraph
@testable import Ingestion

/// Two versions of a document compared as a reader compares them: renamed and
/// renumbered measures are matched by title similarity and position.
@Suite struct DocumentDiffTests {
    typealias Measure = DocumentOutline.Measure

    static func measure(_ number: String, _ title: String, partners: [String] = [], plans: [String] = []) -> Measure {
        Measure(
            number: number, title: title, level: number.contains(".") ? 2 : 1,
            parent: number.split(separator: ".").count > 1 ? String(number.split(separator: ".")[0]) : nil, partners: partners, plans: plans)
    }

    static func outline(_ measures: [Measure]) -> DocumentOutline {
        let document = try! NodeID(parsing: "document:泉区/R7")
        var facts: [Fact] = []
        for m in measures {
            let id = try! NodeID(parsing: "measure:泉区/R7/\(m.number)")
            facts.append(Fact(id, .fromDocument, document))
            facts.append(Fact(id, "label", .text(m.title)))
            facts.append(Fact(id, "level", .integer(Int64(m.level))))
            if let parent = m.parent { facts.append(Fact(try! NodeID(parsing: "measure:泉区/R7/\(parent)"), .subMeasure, id)) }
            for p in m.partners { facts.append(Fact(id, .partnersWith, NodeID.derived(.partner, [p]))) }
            for p in m.plans { facts.append(Fact(id, .implements, NodeID.derived(.plan, [p]))) }
        }
        return DocumentOutline(document: document, facts: facts)
    }

    @Test func anOutlineIsReadBackFromItsFacts() {
        let measures = [Self.measure("1", "魅力づくり", partners: ["企業"]), Self.measure("1.1", "魅力発信", plans: ["泉区アクションプラン"])]
        #expect(Self.outline(measures).measures == measures)
    }

    @Test func aMeasureInsertedNearTheTopIsOneChangeNotARenumbering() {
        let old = Self.outline([
            Self.measure("1", "にぎわいの創出と発信による魅力づくり"), Self.measure("2", "安全・安心のまちづくり", partners: ["自治会町内会"]),
            Self.measure("3", "あらゆる世代がいきいきと暮らせる繋がりづくり"),
        ])
        let new = Self.outline([
            Self.measure("1", "にぎわいの創出と発信による魅力づくり"), Self.measure("2", "脱炭素社会の実現"),
            Self.measure("3", "安全・安心のまちづくり", partners: ["自治会町内会", "地域防災拠点"]),
            Self.measure("4", "あらゆる世代がいきいきと暮らせるつながりづくり"),
        ])
        let summaries = DocumentDiff(from: old, to: new).changes.map(\.summary)
        #expect(summaries == [
            "moved measure 2 → 3 安全・安心のまちづくり",
            "+partner 地域防災拠点 (measure 3 安全・安心のまちづくり)",
            "renamed measure 3 → 4 あらゆる世代がいきいきと暮らせる繋がりづくり → あらゆる世代がいきいきと暮らせるつながりづくり",
            "added measure 2 脱炭素社会の実現",
        ])
    }

    @Test func differentTitlesAtTheSamePlaceAreARemovalAndAnAddition() {
        let diff = DocumentDiff(from: Self.outline([Self.measure("1", "防犯対策")]), to: Self.outline([Self.measure("1", "GREEN×EXPO 2027の機運醸成")]))
        #expect(diff.changes.map(\.summary) == ["added measure 1 GREEN×EXPO 2027の機運醸成", "removed measure 1 防犯対策"])
        // A light rename at the same place is still a rename.
        let renamed = DocumentDiff(from: Self.outline([Self.measure("2.4", "商店街のにぎわいづくり")]), to: Self.outline([Self.measure("2.4", "商店街と地域のにぎわい創出")]))
        #expect(renamed.changes.map(\.summary) == ["renamed measure 2.4 商店街のにぎわいづくり → 商店街と地域のにぎわい創出"])
    }

    @Test func similarityOfTitles() {
        #expect(TitleSimilarity.score("防犯対策", "防犯対策") == 1)
        #expect(TitleSimilarity.score("防犯対策", "GREEN×EXPO") == 0)
        #expect(TitleSimilarity.score("地域防災力の向上", "地域防災力の強化") > 0.5)
    }

    @Test func aRevisedDocumentReportsItsRealChanges() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try GraphStore.open(at: dir.file("g.log"), create: true)
        let ingestor = Ingestor(store: store, extractor: DocumentExtractor(lexicon: IngestorTests.lexicon))
        let original = [UInt8](FileManager.default.contents(atPath: IngestorTests.root + "/Graph/sources/izumi-r7.txt")!)
        #expect(try ingestor.ingest(bytes: original, fileName: "izumi-r7.txt").revision == nil)
        // The hand-made second version, given the first one's year: a revision.
        let second = try String(contentsOfFile: IngestorTests.root + "/Tests/EndToEndTests/Fixtures/izumi-r8.txt", encoding: .utf8)
            .replacingOccurrences(of: "令和８年度", with: "令和７年度")
        let report = try ingestor.ingest(bytes: Array(second.utf8), fileName: "izumi-r7.txt")
        #expect(report.revision?.changes.map(\.summary) == [
            "-plan 横浜市中期計画 テーマ02 戦略2 政策9 (measure 2.1 「泉わくわく応援隊」)",
            "+partner 横浜市立大学 (measure 2.2 グリーン社会の実現に向けて)",
            "renamed measure 2.4 商店街のにぎわいづくり → 商店街と地域のにぎわい創出",
        ])
    }
}
