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

    /// A table of initiatives whose 中期計画 cell stacks one level per line, two
    /// references in one cell, names wrapped beside it, and a page number set far
    /// right under the last row; the pillars are numbered 重点テーマ, which is no
    /// citation (and not reported as one).
    @Test func aColumnOfPlansStackedOneLevelPerLine() throws {
        let doc = try Variants.extract("""
        令和９年度　都筑区運営方針

        Ⅱ　目標達成に向けた施策

        重点テーマ１　安全・安心なまち
        　地域の防災力を高めます。

          No.   取組                        主な内容                                        中期計画
          1     地域防災拠点の運営支援      拠点運営委員会の訓練支援、マンション管理        テーマ05
                                            組合を対象とした講座                            戦略8
                                                                                            政策35
          2     外国人住民の防災と暮らし    国際交流ラウンジと連携した防災講座              テーマ02
                の支援                                                                      戦略2
                                                                                            政策11
                                                                                            テーマ05
                                                                                            戦略8
                                                                                            政策35
                                                                                                       1
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の運営支援", "外国人住民の防災と暮らしの支援"])
        #expect(Self.implements(doc) == [
            "m2 横浜市中期計画 テーマ05 戦略8 政策35", "m3 横浜市中期計画 テーマ02 戦略2 政策11", "m3 横浜市中期計画 テーマ05 戦略8 政策35",
        ])
        #expect(Set(doc.edges.filter { $0.type == .partnersWith }.map(\.to)).isSuperset(of: ["マンション管理組合"]))
        #expect(!doc.notices.contains { $0.kind == .planCitationNotResolved })
    }

    /// Plans named only in footnotes at the foot of the page, keyed by a marker on a
    /// heading (※, ＊ and 注 forms; a footnote with a hanging second line; one that
    /// explains a term and names no plan); an initiative whose title resembles its
    /// policy's stays an initiative; a plan named whole with its period.
    @Test func footnotesKeyedByAMarkerOnTheHeading() throws {
        let doc = try Variants.extract("""
        令和３年度　泉区運営方針

        Ⅱ　目標達成に向けた施策

        ❶　安心な暮らしと文化によるつながりづくりの推進
        　横浜市中期４か年計画2018～2021の最終年度として取組を進めます。

        1) 子育て支援の充実＊1
        　・地域子育て支援拠点と連携し、相談を行います。
        2) 文化による暮らしのつながりづくり（注2）
        　・区民文化センターで講座を開きます。
        3) 防災マニュアルの活用※3
        　・研修会を開きます。
        4) 健康づくり
        　・体操の動画を配信します。

        ＊1 第２期横浜市子ども・子育て支援事業計画に基づく取組です。
        (注2) 第３期健康横浜２１の取組として、
        　　区内で実施します。
        ※3 「防災マニュアル」：災害時の行動をまとめた冊子
                                                                                    ２
        """)
        #expect(doc.measures.map(\.level) == [1, 2, 2, 2, 2])
        #expect(Self.implements(doc) == [
            "m1 横浜市中期4か年計画2018~2021", "m2 第2期横浜市子ども・子育て支援事業計画", "m3 第3期健康横浜21",
        ])
    }

    /// `きらっとあさひプラン（第４期旭区地域福祉保健計画）`: kana that would be a particle
    /// after kanji are part of a word in kana after kana, and the nickname is read whole.
    @Test func aNicknameWithASmallKanaBeforeAParticle() {
        let text = TextNormalizer.compactScalars("今年度は、ぴかっとみどりプラン（第４期緑区地域福祉保健計画）の初年度です。")
        #expect(WelfarePlanScanner.citations(in: text).map(\.nickname) == ["ぴかっとみどりプラン"])
    }

    /// A citation on the lines after its label: a breadcrumb under `〈中期計画〉`, one
    /// level a line under `【中期計画】`, a list of policies wrapped after its 、; a
    /// line of numbered words is no heading (and no unplaced one in the report).
    @Test func aCitationOnTheLinesAfterItsLabel() throws {
        let doc = try Variants.extract("""
        令和９年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        【施策１】安全・安心なまち
        　地域と連携して防災に取り組みます。

        1-1　地域防災力の向上
        　・自治会町内会の訓練を支援します。
        　〈中期計画〉
        　テーマ05 ＞ 戦略8 ＞ 政策35
        　問合せ：総務課（電話 045-000-0000）

        1-2　防犯対策の推進
        　・港南警察署と連携し、啓発を行います。
        　【中期計画】
        　テーマ５
        　戦略２
        　政策９
        　問合せ：地域振興課

        1-3　子育て支援
        　・地域子育て支援拠点と連携し、相談を行います。（中期計画 テーマ01 戦略01 政策01、
        　02）

        Ⅲ　目標達成に向けた組織運営
        　区民サービスを向上します。
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災力の向上", "防犯対策の推進", "子育て支援"])
        #expect(Self.implements(doc) == [
            "m2 横浜市中期計画 テーマ05 戦略8 政策35", "m3 横浜市中期計画 テーマ05 戦略2 政策9",
            "m4 横浜市中期計画 テーマ01 戦略1 政策1", "m4 横浜市中期計画 テーマ01 戦略1 政策2",
        ])
        #expect(Set(doc.sections.map(\.name)) == ["総務課", "地域振興課"])
        #expect(doc.notices.isEmpty)
    }

    /// A table of plans whose title names one policy (`【参考】柱２の取組と関連する計画`):
    /// its rows' numbers count that policy's initiatives, not the policies, whose
    /// numbers they share. Without such a title, row 3 names nothing and is reported.
    @Test func aTableOfPlansAboutOnePolicy() throws {
        func document(title: String) -> String {
            """
            令和９年度　保土ケ谷区運営方針

            Ⅱ　目標達成に向けた施策

            １　安全なまち
            　防災に取り組みます。

            ○ 地域防災拠点の支援
            　訓練を支援します。

            ２　にぎわいのあるまち
            　まちの魅力を高めます。

            ○ 商店街の活性化
            　イベントを支援します。

            ○ 農のある暮らし
            　直売会を開きます。

            ○ 区民活動の支援
            　活動を始めたい方を応援します。

            \(title)
            番号　関連する計画
            １　　中期計画 テーマ04 戦略7 政策31
            ２　　中期計画 テーマ04 戦略7 政策32
            ３　　中期計画 テーマ03 戦略5 政策26
            """
        }
        let scoped = try Variants.extract(document(title: "【参考】柱２の取組と関連する計画"))
        #expect(scoped.measures.map(\.title) == ["安全なまち", "地域防災拠点の支援", "にぎわいのあるまち", "商店街の活性化", "農のある暮らし", "区民活動の支援"])
        #expect(Self.implements(scoped) == [
            "m4 横浜市中期計画 テーマ04 戦略7 政策31", "m5 横浜市中期計画 テーマ04 戦略7 政策32", "m6 横浜市中期計画 テーマ03 戦略5 政策26",
        ])
        let unscoped = try Variants.extract(document(title: "【参考】取組と関連する計画"))
        #expect(!Self.implements(unscoped).contains { $0.hasPrefix("m4 ") || $0.hasPrefix("m5 ") || $0.hasPrefix("m6 ") })
    }
}
