import Testing
@testable import Extraction

/// 横浜市中期計画 citations in their written variants: full-width digits, spaces,
/// ・ lists, 【】 themes, ranges; and bare mentions, which are no reference.
@Suite struct MidTermPlanReferenceTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var plans: [String]
        var description: String { text }
    }

    static let root = "横浜市中期計画"

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
        Case(text: "「横浜市中期計画2026-2029」の初年度です。", plans: []),
        Case(text: "横浜市中期計画の基本戦略を踏まえ、", plans: []),
    ]

    @Test(arguments: cases)
    func parsesTheCitation(_ c: Case) throws {
        let text = TextNormalizer.compactScalars(TextNormalizer.display(c.text))
        let start = try #require(text.firstIndex(of: S("中期計画")))
        let references = MidTermPlanReference.parse(text, from: start + 4).references
        #expect(references.map { $0.nodes(root: Self.root).last!.name } == c.plans)
    }

    @Test func everyLevelIsWithinTheOneAbove() {
        let nodes = MidTermPlanReference(theme: 3, strategy: 5, policy: 26).nodes(root: Self.root)
        #expect(nodes == [
            PlanNode(name: "横浜市中期計画", within: nil),
            PlanNode(name: "横浜市中期計画 テーマ03", within: "横浜市中期計画"),
            PlanNode(name: "横浜市中期計画 テーマ03 戦略5", within: "横浜市中期計画 テーマ03"),
            PlanNode(name: "横浜市中期計画 テーマ03 戦略5 政策26", within: "横浜市中期計画 テーマ03 戦略5"),
        ])
    }
}
