import Testing
@testable import Extraction

/// Plan citations wherever they stand: wrapped inside a bracket so that the next line
/// opens with a level's word, as breadcrumbs, and a ward plan whose nickname is given
/// in brackets after its name. Variant documents written for these tests.
@Suite struct CitationPlacementTests {
    static func implements(_ doc: ExtractedDocument) -> Set<String> {
        Set(doc.edges.filter { $0.type == .implements }.map { "\($0.from) \($0.to)" })
    }

    /// A citation wrapped after its theme (`テーマ05` / `戦略03 政策19）`) or after
    /// 中期計画 (`（中期計画` / `テーマ02 戦略02 政策10）`): the second line is the
    /// rest of the bracket, not a heading numbered 戦略03.
    @Test func aCitationWrappedInsideItsBracket() throws {
        let doc = try Variants.extract("""
        令和９年度　西区運営方針

        Ⅱ　目標達成に向けた施策

        1　きれいなまち
        　まちの美化を進めます。

        (ア) 駅周辺の美化
        　駅周辺の事業者と一緒に清掃活動を行います。（中期計画 テーマ05
        戦略03 政策19）

        (イ) 防犯対策
        　警察署と合同で啓発を行います。（中期計画
        テーマ02 戦略02 政策09、10）

        2　安心なまち
        　防災に取り組みます。
        """)
        #expect(doc.measures.map(\.title) == ["きれいなまち", "駅周辺の美化", "防犯対策", "安心なまち"])
        #expect(Self.implements(doc) == [
            "m2 横浜市中期計画 テーマ05 戦略3 政策19", "m3 横浜市中期計画 テーマ02 戦略2 政策9", "m3 横浜市中期計画 テーマ02 戦略2 政策10",
        ])
    }

    /// `西区地域福祉保健計画（にこまちプラン）の第４期計画`: a nickname in brackets
    /// without a label; the terms are then written with the nickname alone.
    @Test func aNicknameInBracketsAfterTheWardPlan() throws {
        let doc = try Variants.extract("""
        令和９年度　西区運営方針

        Ⅰ　基本目標
        　西区地域福祉保健計画（みなとプラン）の第４期計画の最終年度です。

        Ⅱ　目標達成に向けた施策

        1　つながりのあるまち
        　第４期みなとプランを地区別計画とともに推進し、第５期計画を策定します。
        """)
        #expect(Self.implements(doc) == [
            "m1 第4期西区地域福祉保健計画「みなとプラン」", "m1 第5期西区地域福祉保健計画「みなとプラン」", "m1 地区別計画",
        ])
        #expect(doc.plans.first { $0.name == "地区別計画" }?.within == "第4期西区地域福祉保健計画「みなとプラン」")
    }
}
