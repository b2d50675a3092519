import Testing
@testable import Extraction

/// 横浜市中期計画 citations in their written variants: full-width digits, spaces,
/// ・ lists, 【】 themes, ranges, Theme and ／, continuations without the plan's name;
/// and bare mentions, which are no reference. The levels are the lexicon's.
@Suite struct LevelledPlanReferenceTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var plans: [String]
        var description: String { text }
    }

    static let plan = try! Corpus.lexicon().levelledPlan!

    static let cases: [Case] = [
        Case(text: "＜中期計画：テーマ 03 戦略５ 政策 26＞", plans: ["横浜市中期計画 テーマ03 戦略5 政策26"]),
        Case(text: "＜中期計画：テーマ 05 戦略３ 政策 18・19＞",
             plans: ["横浜市中期計画 テーマ05 戦略3 政策18", "横浜市中期計画 テーマ05 戦略3 政策19"]),
        Case(text: "＜中期計画：テーマ ０１ 戦略１ 政策１・２＞",
             plans: ["横浜市中期計画 テーマ01 戦略1 政策1", "横浜市中期計画 テーマ01 戦略1 政策2"]),
        Case(text: "中期計画の基本戦略に関連するテーマ【01】【02】", plans: ["横浜市中期計画 テーマ01", "横浜市中期計画 テーマ02"]),
        Case(text: "（中期計画 テーマ3 戦略 12）", plans: ["横浜市中期計画 テーマ03 戦略12"]),
        Case(text: "中期計画：政策18～20",
             plans: ["横浜市中期計画 政策18", "横浜市中期計画 政策19", "横浜市中期計画 政策20"]),
        Case(text: "中期計画：テーマ02 戦略2 政策9、戦略3 政策12",
             plans: ["横浜市中期計画 テーマ02 戦略2 政策9", "横浜市中期計画 テーマ02 戦略3 政策12"]),
        Case(text: "中期計画 Theme 05 ／ 戦略 8 ／ 政策 35・36、横浜市地震防災戦略",
             plans: ["横浜市中期計画 テーマ05 戦略8 政策35", "横浜市中期計画 テーマ05 戦略8 政策36"]),
        Case(text: "中期計画 テーマ4・戦略7・政策31、テーマ5・戦略3・政策18",
             plans: ["横浜市中期計画 テーマ04 戦略7 政策31", "横浜市中期計画 テーマ05 戦略3 政策18"]),
        Case(text: "（関連計画：中期計画　テーマ５　戦略８　政策３５／横浜市地震防災戦略）", plans: ["横浜市中期計画 テーマ05 戦略8 政策35"]),
        Case(text: "（関連計画：中期計画　テーマ２　戦略２　政策１０／第４期鶴見区地域福祉保健計画）", plans: ["横浜市中期計画 テーマ02 戦略2 政策10"]),
        // Breadcrumbs, with any arrow between the levels, and two of them after a ／.
        Case(text: "〈中期計画〉テーマ05 ＞ 戦略8 ＞ 政策35", plans: ["横浜市中期計画 テーマ05 戦略8 政策35"]),
        Case(text: "〈中期計画〉テーマ04 ＞ 戦略7 ＞ 政策31　／　テーマ05 ＞ 戦略3 ＞ 政策18・19",
             plans: ["横浜市中期計画 テーマ04 戦略7 政策31", "横浜市中期計画 テーマ05 戦略3 政策18", "横浜市中期計画 テーマ05 戦略3 政策19"]),
        Case(text: "中期計画：テーマ5 > 戦略8 > 政策35", plans: ["横浜市中期計画 テーマ05 戦略8 政策35"]),
        Case(text: "＜中期計画：テーマ5 戦略8 政策35＞ほか", plans: ["横浜市中期計画 テーマ05 戦略8 政策35"]),
        // Zero-padded numbers and lists with 、.
        Case(text: "（中期計画 テーマ05 戦略08 政策35、36）", plans: ["横浜市中期計画 テーマ05 戦略8 政策35", "横浜市中期計画 テーマ05 戦略8 政策36"]),
        Case(text: "（中期計画 テーマ04 戦略07 政策31、テーマ05 戦略03 政策18）",
             plans: ["横浜市中期計画 テーマ04 戦略7 政策31", "横浜市中期計画 テーマ05 戦略3 政策18"]),
        Case(text: "「横浜市中期計画2026-2029」の初年度です。", plans: []),
        Case(text: "横浜市中期計画の基本戦略を踏まえ、", plans: []),
    ]

    @Test(arguments: cases)
    func parsesTheCitation(_ c: Case) throws {
        let text = TextNormalizer.compactScalars(TextNormalizer.display(c.text))
        let start = try #require(text.firstIndex(of: S("中期計画")))
        let references = LevelledPlanReference.parse(text, from: start + 4, levels: Self.plan.levels).references
        #expect(references.map { $0.nodes(of: Self.plan).last!.name } == c.plans)
    }

    @Test func theCitationEndsAfterItsLastNumber() {
        let text = TextNormalizer.compactScalars("中期計画 テーマ5・戦略8・政策35、新たな横浜市地震防災戦略")
        let end = LevelledPlanReference.parse(text, from: 4, levels: Self.plan.levels).end
        #expect(Array(text[end...]).string == "、新たな横浜市地震防災戦略")
    }

    @Test func everyLevelIsWithinTheOneAbove() {
        let nodes = LevelledPlanReference(numbers: [3, 5, 26]).nodes(of: Self.plan)
        #expect(nodes == [
            PlanNode(name: "横浜市中期計画", within: nil),
            PlanNode(name: "横浜市中期計画 テーマ03", within: "横浜市中期計画"),
            PlanNode(name: "横浜市中期計画 テーマ03 戦略5", within: "横浜市中期計画 テーマ03"),
            PlanNode(name: "横浜市中期計画 テーマ03 戦略5 政策26", within: "横浜市中期計画 テーマ03 戦略5"),
        ])
    }
}
