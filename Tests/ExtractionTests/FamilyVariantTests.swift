import Testing
@testable import Extraction

/// Documents written for these tests in neighbouring variants of the layout families
/// that blind set B uses, so that each rule is checked on shapes no annotated
/// document has: quoted headlines in other quotation marks and places; tables whose
/// names wrap in their cell in other ways.
@Suite struct FamilyVariantTests {
    static func extract(_ text: String, _ name: String = "variant.txt") throws -> ExtractedDocument {
        try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: name)
    }

    static func edges(_ doc: ExtractedDocument) -> Set<String> {
        Set(doc.edges.map { "\($0.from) \($0.type.rawValue) \($0.to)" })
    }

    /// Every policy a quoted headline (『』 and 「」, whole or with a phrase after the
    /// quotation, one right after a running footer), ◇ initiatives; lines of
    /// paragraphs that open with a quotation are no headings.
    @Test func policiesAsQuotedHeadlines() throws {
        let doc = try Self.extract("""
        令和７年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        『災害に強い』まちづくり
        　地域防災拠点や消防団と連携し、
        「自助・共助」の取組を進めます。

        ◇　地域防災拠点の機能強化
        　・拠点の訓練を支援します。

        港南区運営方針　令和７年度　　　　　　　　　　　　　　　　　　　　　　　　　- 1 -
        「健やかに暮らせる」まち
        　地域ケアプラザとともに健康づくりを進めます。
        「元気づくりステーション」を目指した取組を進めます。

        ◇　健康づくりの推進
        　・ウォーキング講座を開催します。

        「つながり・支え合い」
        　社会福祉協議会とともに、見守りの輪を広げます。

        ◇　見守り活動の充実
        　・民生委員と連携し、見守り活動を支援します。
        """)
        #expect(doc.measures.map(\.title) == ["『災害に強い』まちづくり", "地域防災拠点の機能強化", "「健やかに暮らせる」まち", "健康づくりの推進",
                                             "「つながり・支え合い」", "見守り活動の充実"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", nil, "m3", nil, "m5"])
    }

    /// A whole-quoted cross-cutting headline with nothing under it before policies
    /// numbered 重点１…, whose initiatives are ○ headings; a quoted heading under a
    /// numbered policy is one of its initiatives.
    @Test func aQuotedHeadlineBeforeNumberedPolicies() throws {
        let doc = try Self.extract("""
        令和７年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        「区制80周年に向けた港南の魅力発信」
        　区内の企業や大学とともに、港南の魅力を発信します。

        重点１　安全・安心なまち
        　消防団と連携し、防災力を高めます。
        ○　防災訓練の充実
        　・拠点の訓練を支援します。
        ○　防犯の取組
        　・警察署と連携し、防犯を呼びかけます。

        重点２　いきいき暮らせるまち
        　地域ケアプラザとともに健康づくりを進めます。
        「元気づくり」の推進
        　・ウォーキング講座を開催します。
        ○　見守り活動の充実
        　・見守り活動を支援します。
        """)
        #expect(doc.measures.map(\.title) == ["「区制80周年に向けた港南の魅力発信」", "安全・安心なまち", "防災訓練の充実", "防犯の取組",
                                             "いきいき暮らせるまち", "「元気づくり」の推進", "見守り活動の充実"])
        #expect(doc.measures.map(\.parent) == [nil, nil, "m2", "m2", nil, "m5", "m5"])
        #expect(Self.edges(doc).isSuperset(of: ["m1 partners_with 企業", "m1 partners_with 大学"]))
    }

    /// A table without row numbers whose names wrap in their cells: after a name
    /// that ends in a particle, before a piece that starts with の, in mid-word beside
    /// text that goes on, and alone on its line; a row whose name starts with kana
    /// and a row without units in charge are rows of their own.
    @Test func namesWrappedInATableWithoutKeys() throws {
        let doc = try Self.extract("""
        令和７年度　栄区運営方針

        Ⅱ　目標達成に向けた施策

        １　いきいき暮らせるまち
        　地域ケアプラザとともに健康づくりを進めます。

          事業名                        事業概要                                  所管課
          高齢者の見守りと              民生委員と連携した見守り訪問、            高齢・障害支援課
          移動の支援                    地域ケアプラザと連携した介護予防教室
          地域福祉保健計画              第４期計画の推進                          福祉保健課
          の推進
          障害のある方の就労と社会      区内の事業所と連携した販売会「さかえ      高齢・障害支援課
          参加                          マルシェ」の開催
          にぎわいづくり事業の          商店街と協力したイベント                  地域振興課
          推進
          子育て支援の充実              地域子育て支援拠点と連携した出張ひろば    こども家庭支援課
          健康づくりの                  ウォーキング講座の開催
          応援
          図書館との連携                学校図書館の支援
        """)
        #expect(doc.measures.map(\.title) == ["いきいき暮らせるまち", "高齢者の見守りと移動の支援", "地域福祉保健計画の推進",
                                             "障害のある方の就労と社会参加", "にぎわいづくり事業の推進", "子育て支援の充実",
                                             "健康づくりの応援", "図書館との連携"])
        #expect(doc.measures.dropFirst().allSatisfy { $0.parent == "m1" })
        #expect(Set(doc.sections.map(\.name)) == ["高齢・障害支援課", "福祉保健課", "地域振興課", "こども家庭支援課"])
    }
}
