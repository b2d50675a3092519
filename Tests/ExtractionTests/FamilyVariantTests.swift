import Testing
@testable import Extraction

/// Documents written for these tests in neighbouring variants of the layout families
/// that blind set B uses, so that each rule is checked on shapes no annotated
/// document has: quoted headlines in other quotation marks and places; tables whose
/// names wrap in their cell in other ways.
@Suite struct FamilyVariantTests {
    /// Every policy a quoted headline (『』 and 「」, whole or with a phrase after the
    /// quotation, one right after a running footer), ◇ initiatives; lines of
    /// paragraphs that open with a quotation are no headings.
    @Test func policiesAsQuotedHeadlines() throws {
        let doc = try Variants.extract("""
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
        let doc = try Variants.extract("""
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
        #expect(Variants.edges(doc).isSuperset(of: ["m1 partners_with 企業", "m1 partners_with 大学"]))
    }

    /// A table without row numbers whose names wrap in their cells: after a name
    /// that ends in a particle, before a piece that starts with の, in mid-word beside
    /// text that goes on, and alone on its line; a row whose name starts with kana
    /// and a row without units in charge are rows of their own.
    @Test func namesWrappedInATableWithoutKeys() throws {
        let doc = try Variants.extract("""
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

    /// Citations wrapped at a narrow column between a level's word and its number,
    /// after テーマ or after 戦略, and under a title that ends in a particle; a bullet
    /// wrapped in mid-name at its hanging indent, beside a name bullet whose
    /// description is indented the same way but runs longer.
    @Test func citationsAndBulletsWrappedInANarrowColumn() throws {
        let doc = try Variants.extract("""
        令和７年度　都筑区運営方針

        Ⅱ　目標達成に向けた施策

        基本目標１　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。

        視点1：緑道と公園を安全・快適に
        　関連する中期計画：テーマ 3、戦略
        　9、政策 38
        　・第３期健康横浜２１を踏まえ、都
        　　筑区医師会と連携した講座を開き
        　　ます。

        視点2：子育て世代への支援
        　関連する中期計画：テーマ
        　1、戦略 1、政策 1・2
        　・地域子育て支援拠点と連携します。

        視点3：地域防災の推進
        【中期計画】テーマ05 戦略8 政策35
        　・区内の事業所と協力します。

        基本目標２　にぎわいのあるまち
        　商店街とともに進めます。
        ・にぎわい創出事業
        　　区内の企業や大学と連携したイベントの開催と、まちの魅力を伝える動画の制作を行います。
        """)
        #expect(doc.measures.map(\.title) == ["健やかに暮らせるまち", "緑道と公園を安全・快適に", "子育て世代への支援", "地域防災の推進",
                                             "にぎわいのあるまち", "にぎわい創出事業"])
        let edges = Variants.edges(doc)
        #expect(edges.isSuperset(of: [
            "m2 implements 横浜市中期計画 テーマ03 戦略9 政策38", "m2 partners_with 都筑区医師会",
            "m3 implements 横浜市中期計画 テーマ01 戦略1 政策1", "m3 implements 横浜市中期計画 テーマ01 戦略1 政策2",
            "m4 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m6 partners_with 企業",
        ]))
        #expect(!doc.partners.map(\.name).contains("筑区医師会"))
        #expect(!edges.contains("m3 implements 横浜市中期計画 テーマ01"))
    }

    /// A trailing list of plans keyed by the initiatives' names, its keys led to their
    /// plans by leaders of several kinds (`……`, `・・・`, `‥`, `→`), a bullet before a
    /// key, and a key that names no initiative (reported, given to none).
    @Test func plansListedAfterLeaders() throws {
        let doc = try Variants.extract("""
        令和７年度　栄区運営方針

        Ⅱ　目標達成に向けた施策

        ◆　災害に強いまちづくり
        　消防団と連携し、防災力を高めます。
        ○　地域防災拠点の機能強化
        　拠点の訓練を支援します。
        ○　がけ地対策の推進
        　がけ地の所有者に助成制度を案内します。
        ◆　健やかに暮らせるまち
        　地域ケアプラザとともに健康づくりを進めます。
        ○　健康づくりの推進
        　ウォーキング講座を開催します。
        ○　見守り活動の充実
        　見守り活動を支援します。

        Ⅲ　目標達成に向けた組織運営
        　職員一人ひとりが区民の皆様に寄り添います。

        ＜参考＞各取組の関連計画
        地域防災拠点の機能強化 …… 中期計画 テーマ 5 戦略 8 政策 35
        がけ地対策の推進・・・中期計画 テーマ 5 戦略 8 政策 36
        ・健康づくりの推進 ‥ 第３期健康横浜２１、中期計画 テーマ 2 戦略 2 政策 10
        見守り活動の充実 → 中期計画 テーマ 2 戦略 2 政策 9
        区民サービスの向上 …… 中期計画 テーマ 6 戦略 10 政策 40
        """)
        #expect(doc.measures.count == 6)
        #expect(Set(Variants.edges(doc).filter { $0.contains("implements") }) == [
            "m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ05 戦略8 政策36",
            "m5 implements 第3期健康横浜21", "m5 implements 横浜市中期計画 テーマ02 戦略2 政策10",
            "m6 implements 横浜市中期計画 テーマ02 戦略2 政策9",
        ])
        #expect(doc.notices.contains { $0.kind == .planCitationNotResolved && $0.text.hasPrefix("区民サービスの向上") })
    }

    /// Names with a place joined by が (藤が丘, 希望が丘, 市が尾); a heading's kind of body
    /// that its text names by name (a university), beside one its text names as a kind
    /// too (企業) and one it names no body of (商店街).
    @Test func placeNamesInNamesAndKindsInHeadings() throws {
        let doc = try Variants.extract("""
        令和６年度　青葉区運営方針

        Ⅱ　目標達成に向けた施策

        ①　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。

        ○　地域医療の推進
        　・昭和大学藤が丘病院や地域ケアプラザと協力し、研修を開催します。
        　・希望が丘小学校と連携し、健康教室を開きます。

        ○　大学・企業・商店街と連携した魅力づくり
        　・桐蔭横浜大学の学生や区内の企業と協働し、市が尾駅前で動画を制作します。
        """)
        let edges = Variants.edges(doc)
        #expect(edges.isSuperset(of: ["m2 partners_with 昭和大学藤が丘病院", "m2 partners_with 希望が丘小学校",
                                      "m3 partners_with 桐蔭横浜大学", "m3 partners_with 企業", "m3 partners_with 商店街"]))
        #expect(!edges.contains("m3 partners_with 大学"))
        #expect(!doc.partners.contains { ["昭和大学", "丘病院", "丘小学校"].contains($0.name) })
    }

    /// Markers drawn in boxes of their own, the title on the next line (`施策１` /
    /// `安全・安心なまち`); units in charge noted in other words (【担当】, 所管, 担当課：).
    @Test func markersAloneOnTheirLines() throws {
        let doc = try Variants.extract("""
        令和８年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        施策１
        安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。

        ◆地域防災拠点の機能強化
        　拠点の訓練を支援します。
        　【担当】総務課、地域振興課
        ◆防犯の取組
        　港南警察署と連携し、防犯を呼びかけます。（所管：地域振興課）

        施策２
        健やかに暮らせるまち
        　地域ケアプラザとともに進めます。

        ◆健康づくりの推進
        　ウォーキング講座を開催します。
        　担当課：福祉保健課（健康づくり係）
        ◆見守り活動の充実
        　見守り活動を支援します。
        　担当：高齢・障害支援課
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の機能強化", "防犯の取組", "健やかに暮らせるまち", "健康づくりの推進",
                                             "見守り活動の充実"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4"])
        #expect(Set(doc.sections.map(\.name)) == ["総務課", "地域振興課", "福祉保健課", "高齢・障害支援課"])
        #expect(Variants.edges(doc).isSuperset(of: ["m1 partners_with 自治会町内会", "m3 partners_with 港南警察署"]))
    }

    /// A table whose columns come in another order (the units before the names), one
    /// keyed 2-1 with other headers, and an organisation chart drawn by indentation.
    @Test func aTableInAnotherOrderAndAChartByIndentation() throws {
        let doc = try Variants.extract("""
        令和８年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        施策１　安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。

          No.  担当課            事業名                      事業概要
          1    総務課            地域防災拠点の機能強化      拠点運営委員会と連携した訓練の実施、
                                                             備蓄品の配備
          2    地域振興課        防犯・交通安全の推進        港南警察署と連携した防犯キャンペーン
          3    区政推進課        区制80周年記念事業          区制80周年記念事業実行委員会と協働した
                                                             記念式典の開催

        施策２　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。

          番号  取組                       内容                                   所管
          2-1   健康づくりの推進           ウォーキング講座の開催                 福祉保健課
          2-2   見守り活動の充実           民生委員と連携した見守り               高齢・障害支援課

        Ⅲ　目標達成に向けた組織運営
        　職員一人ひとりが区民の皆様に寄り添います。

        Ⅳ　組織図
        区長
        　副区長
        　　区政推進部
        　　　総務課
        　　　区政推進課
        　　　地域振興課
        　　福祉保健センター
        　　　福祉保健課
        　　　高齢・障害支援課
        　　　こども家庭支援課
        　　港南土木事務所
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の機能強化", "防犯・交通安全の推進", "区制80周年記念事業",
                                             "健やかに暮らせるまち", "健康づくりの推進", "見守り活動の充実"])
        #expect(Set(doc.sections.map(\.name)) == ["総務課", "区政推進課", "地域振興課", "福祉保健課", "高齢・障害支援課", "こども家庭支援課",
                                                  "港南土木事務所"])
        #expect(Variants.edges(doc).isSuperset(of: ["m2 partners_with 地域防災拠点", "m4 partners_with 区制80周年記念事業実行委員会",
                                                 "m7 partners_with 民生委員・児童委員"]))
        #expect(doc.notices.isEmpty)
    }

    /// Citations in other shapes: after a note mark, with dashes or slashes between the
    /// levels, in brackets after a label, at the end of a heading, and one level to a line.
    @Test func citationsInOtherShapes() throws {
        let doc = try Variants.extract("""
        令和８年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        １　安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。

        （１）地域防災拠点の機能強化
        　・拠点の訓練を支援します。
        　※中期計画　テーマ５　戦略８　政策３５
        （２）防犯の取組
        　・港南警察署と連携し、防犯を呼びかけます。
        　中期計画との関連：テーマ２－戦略２－政策９
        （３）交通安全の推進
        　関連計画：中期計画（テーマ２／戦略２／政策９）、新たな横浜市地震防災戦略
        　・交通安全教室を開きます。

        ２　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。

        （１）健康づくりの推進
        　【関連する中期計画】
        　　テーマ２
        　　戦略２
        　　政策１０
        　・ウォーキング講座を開催します。
        （２）見守り活動の充実（中期計画：テーマ２・戦略２・政策１０、第３期健康横浜２１）
        　・見守り活動を支援します。
        """)
        #expect(Set(Variants.edges(doc).filter { $0.contains("implements") }) == [
            "m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ02 戦略2 政策9",
            "m4 implements 横浜市中期計画 テーマ02 戦略2 政策9", "m4 implements 新たな横浜市地震防災戦略",
            "m6 implements 横浜市中期計画 テーマ02 戦略2 政策10", "m7 implements 横浜市中期計画 テーマ02 戦略2 政策10",
            "m7 implements 第3期健康横浜21",
        ])
        #expect(doc.measures.map(\.title).last == "見守り活動の充実")
        #expect(doc.notices.isEmpty)
    }

    /// Tables drawn with rules: light box-drawing lines with names wrapped in their
    /// cells, pipes with a dashed rule under the header, heavy lines with keys and a
    /// column of plans wrapped in its cells.
    @Test func tablesDrawnWithRules() throws {
        let doc = try Variants.extract("""
        令和８年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        施策１　安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。

        ┌──────────────┬────────────────────┬──────────┐
        │取組名　　　　│主な内容　　　　　　│担当　　　│
        ├──────────────┼────────────────────┼──────────┤
        │地域防災拠点の│拠点運営委員会と連携│総務課　　│
        │機能強化　　　│した訓練の実施　　　│　　　　　│
        ├──────────────┼────────────────────┼──────────┤
        │防犯の取組　　│港南警察署と連携した│地域振興課│
        │　　　　　　　│防犯キャンペーン　　│　　　　　│
        └──────────────┴────────────────────┴──────────┘

        施策２　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。

        | 取組名 | 主な内容 | 担当 |
        |---|---|---|
        | 健康づくりの推進 | ウォーキング講座の開催 | 福祉保健課 |
        | 見守り活動の充実 | 民生委員と連携した見守り | 高齢・障害支援課 |

        施策３　にぎわいのあるまち
        　商店街とともに進めます。

        ┏━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┓
        ┃番号┃取組名　　　　　　　┃主な内容　　　　　　　　　　　　　　┃関連計画　　　　　　┃
        ┣━━━━╋━━━━━━━━━━━━╋━━━━━━━━━━━━━━━━━━━━╋━━━━━━━━━━┫
        ┃3-1 ┃商店街の活性化　　　┃港南区商店街連合会と協力した　　　　┃中期計画 テーマ4 　 ┃
        ┃　　┃　　　　　　　　　　┃イベントの開催　　　　　　　　　　　┃戦略7 政策32　　　　┃
        ┣━━━━╋━━━━━━━━━━━━╋━━━━━━━━━━━━━━━━━━━━╋━━━━━━━━━━┫
        ┃3-2 ┃魅力発信　　　　　　┃区内の企業と連携した動画の制作　　　┃中期計画 テーマ3 　 ┃
        ┃　　┃　　　　　　　　　　┃　　　　　　　　　　　　　　　　　　┃戦略5 政策26　　　　┃
        ┗━━━━┻━━━━━━━━━━━━┻━━━━━━━━━━━━━━━━━━━━┻━━━━━━━━━━┛
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の機能強化", "防犯の取組", "健やかに暮らせるまち", "健康づくりの推進",
                                             "見守り活動の充実", "にぎわいのあるまち", "商店街の活性化", "魅力発信"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4", nil, "m7", "m7"])
        #expect(Set(doc.sections.map(\.name)) == ["総務課", "地域振興課", "福祉保健課", "高齢・障害支援課"])
        #expect(Variants.edges(doc).isSuperset(of: [
            "m2 partners_with 地域防災拠点", "m3 partners_with 港南警察署", "m6 partners_with 民生委員・児童委員",
            "m8 partners_with 港南区商店街連合会", "m8 implements 横浜市中期計画 テーマ04 戦略7 政策32",
            "m9 partners_with 企業", "m9 implements 横浜市中期計画 テーマ03 戦略5 政策26",
        ]))
        #expect(doc.notices.isEmpty)
    }

    /// The part on the policies under titles of its own: one that speaks of what is
    /// done, and one that says nothing but stands between the aims and the part on
    /// the organisation.
    @Test(arguments: ["Ⅱ　重点的な取組", "Ⅱ　令和８年度の主な取組", "Ⅱ　基本目標の実現に向けた取組", "Ⅱ　区の概要"])
    func thePoliciesUnderAPartOfAnotherTitle(_ part: String) throws {
        let doc = try Variants.extract("""
        令和８年度　港南区運営方針

        Ⅰ　基本目標
        　安心して暮らせるまち

        \(part)

        施策１　安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。
        ○　地域防災拠点の機能強化
        　拠点の訓練を支援します。

        施策２　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。
        ○　健康づくりの推進
        　ウォーキング講座を開催します。

        Ⅲ　目標達成に向けた組織運営
        ○　区民サービスの向上
        　職員が寄り添います。
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の機能強化", "健やかに暮らせるまち", "健康づくりの推進"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", nil, "m3"])
    }

    /// Policies counted in Roman numerals after a word (目標Ⅰ), initiatives numbered
    /// through the document in brackets (【取組１】), plans listed by the initiatives'
    /// labels after a colon; then policies 視点Ⅰ keyed by that label in a table of plans.
    @Test func policiesCountedInRomanNumerals() throws {
        let doc = try Variants.extract("""
        令和８年度　南区運営方針

        Ⅱ　目標達成に向けた施策

        目標Ⅰ　安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。
        【取組１】地域防災拠点の機能強化
        　拠点の訓練を支援します。
        【取組２】防犯の取組
        　南警察署と連携し、防犯を呼びかけます。

        目標Ⅱ　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。
        【取組３】健康づくりの推進
        　ウォーキング講座を開催します。

        目標Ⅲ　にぎわいのあるまち
        　商店街とともに進めます。
        【取組４】商店街の活性化
        　南区商店街連合会と協力します。

        【参考】各取組の関連計画
        取組１：中期計画 テーマ5 戦略8 政策35
        取組２：中期計画 テーマ2 戦略2 政策9
        取組３：第３期健康横浜２１
        取組４：中期計画 テーマ4 戦略7 政策32
        """)
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", nil, "m6"])
        #expect(Set(Variants.edges(doc).filter { $0.contains("implements") }) == [
            "m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ02 戦略2 政策9",
            "m5 implements 第3期健康横浜21", "m7 implements 横浜市中期計画 テーマ04 戦略7 政策32",
        ])
        let keyed = try Variants.extract("""
        令和８年度　南区運営方針

        Ⅱ　目標達成に向けた施策

        視点Ⅰ　安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。
        （ア）地域防災拠点の機能強化
        　拠点の訓練を支援します。

        視点Ⅱ　健やかに暮らせるまち
        　地域ケアプラザとともに進めます。
        （ア）健康づくりの推進
        　ウォーキング講座を開催します。

        【関連する計画】
        視点Ⅰ　　中期計画 テーマ5 戦略8 政策35
        視点Ⅱ　　第３期健康横浜２１
        """)
        #expect(keyed.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の機能強化", "健やかに暮らせるまち", "健康づくりの推進"])
        #expect(Set(Variants.edges(keyed).filter { $0.contains("implements") }) == [
            "m1 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 第3期健康横浜21",
        ])
    }

    /// A list of plans inside the policies, under a heading or none, whose rows wrap: a
    /// key alone on its line with its plans led in on the next, plans going on after a
    /// comma; a row whose key names no initiative is reported with its wrapped rest;
    /// the remark after the list belongs to no initiative.
    @Test(arguments: ["【参考】取組と関連する計画", "参考：各取組の関連計画"])
    func wrappedRowsOfAListOfPlans(_ heading: String) throws {
        let doc = try Variants.extract(Self.listOfPlans.replacingOccurrences(of: "【参考】取組と関連する計画", with: heading))
        #expect(Set(Variants.edges(doc).filter { $0.contains("implements") }) == [
            "m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ02 戦略2 政策11",
            "m3 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m5 implements 横浜市中期計画 テーマ01 戦略1 政策1",
            "m5 implements 横浜市中期計画 テーマ01 戦略1 政策2",
        ])
        #expect(Set(doc.notices.filter { $0.kind == .planCitationNotResolved }.map(\.line)) == [26, 27])
    }

    static let listOfPlans = """
        令和５年度　緑区運営方針

        Ⅱ　目標達成に向けた施策

        施策1　安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。

        ●地域防災拠点の運営支援と女性の視点を生かした避難所づくり
        　拠点運営委員会への専門家の派遣を行います。（担当：総務課）

        ●外国人居住者や妊産婦に向けた防災啓発
        　緑区国際交流ラウンジと連携し、防災リーフレットを作成します。（担当：総務課）

        施策2　いきいき暮らせるまち
        　地域ケアプラザとともに進めます。

        ●子育て支援の充実
        　地域子育て支援拠点と連携した出張ひろばを開きます。（担当：こども家庭支援課）

        【参考】取組と関連する計画
        　地域防災拠点の運営支援と女性の視点を生かした避難所づくり
        　　…… 中期計画 テーマ 5 戦略 8 政策 35
        　外国人居住者や妊産婦に向けた防災啓発 …… 中期計画 テーマ 2 戦略 2 政策 11、
        　　テーマ 5 戦略 8 政策 35
        　子育て支援の充実 …… 中期計画 テーマ 1 戦略 1 政策 1・2
        　区民サービスの向上 …… 中期計画 テーマ 6 戦略 10 政策 40、
        　　テーマ 6 戦略 10 政策 41
        　この表は令和５年４月現在の内容です。

        Ⅲ　目標達成に向けた組織運営
        　職員が寄り添います。
        """

    /// Policies without any marker or quotation, initiatives marked □: after the first
    /// policy (a named project) and its initiatives, each line that stands like a
    /// heading with □ initiatives below its paragraph is the next policy, right after a
    /// running footer too.
    @Test func unmarkedPoliciesOverMarkedInitiatives() throws {
        let doc = try Variants.extract("""

        令和８年度　瀬谷区運営方針

        Ⅰ　基本目標

        　幸せが実感できる瀬谷づくり
        　～GREEN×EXPO 2027開催地元区として、瀬谷の魅力を世界へ～

        　2027年３月、旧上瀬谷通信施設の一部を会場に、花や緑、農、食をテーマとしたＧＲＥＥＮ×ＥＸＰＯ　２０２７
        （2027年国際園芸博覧会）が開幕します。令和８年度は、開催地元区として来場者をお迎えする準備の総仕上げの
        年であり、「横浜市中期計画2026-2029」と第５期瀬谷区地域福祉保健計画の初年度でもあります。地域のつながり
        や支え合いを大切にしながら、区民の皆様が幸せを実感できるまちづくりを進めます。

        Ⅱ　目標達成に向けた施策

        GREEN×EXPO 2027開催地元区としての取組
        　横浜国際園芸博覧会瀬谷区推進協議会（以下「推進協議会」）と区役所が一体となり、開幕に向けた機運を
        高めるとともに、国内外から訪れる方を温かくお迎えします。

        □ 瀬谷区GREEN×EXPO 2027推進事業（せやまるEXPOプロジェクト）
        　［中期計画］テーマ04 戦略7 政策31・32　［担当］区政推進課
        　・推進協議会とともに、開幕100日前・50日前のカウントダウンイベントを瀬谷駅と三ツ境駅で開催します。
        　・せや・ガイドの会の案内による会場周辺のウォーキングを、季節ごとに行います。

        □ 来場者を迎えるまちの美化と
        おもてなし
        　［中期計画］テーマ04 戦略7 政策31　［担当］地域振興課、瀬谷土木事務所
        　・自治会町内会や商店街と協力し、海軍道路沿いや駅周辺の清掃と、花による装飾を行います。
        　・相模鉄道株式会社（以下「相鉄」）と連携し、駅構内での案内表示と、区の魅力を伝えるポスターの掲出を
        　　行います。

        瀬谷区運営方針（令和８年度）　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　‐１‐
        安全・安心を実感できるまち
        　新たな横浜市地震防災戦略に基づき、自助・共助の取組を進めます。また、瀬谷警察署・瀬谷消防団と連携し、
        会期中の混雑も見据えた防犯・交通安全の取組を進めます。

        □ 地域防災力の向上
        　［中期計画］テーマ05 戦略8 政策35　［担当］総務課
        　・地域防災拠点の訓練に、要配慮者の避難を想定した内容を取り入れます。
        　・福祉避難所の開設・運営訓練を、施設の職員と一緒に行います。

        □ 会期中の安全対策と交通対策
        　［中期計画］テーマ02 戦略2 政策9　［担当］総務課、地域振興課
        　・瀬谷警察署と連携し、会場周辺の交通安全と防犯の呼びかけを強化します。
        　・会場周辺の事業者と協力し、生活道路への車両の流入を防ぐ案内を行います。

        健やかに育ち、支え合うまち
        　第５期瀬谷区地域福祉保健計画のスタートにあたり、瀬谷区社会福祉協議会や地域ケアプラザとともに、
        みんなでつくる　みんなのしあわせを目指した取組を進めます。

        □ 第５期瀬谷区地域福祉保健計画の推進
        　［中期計画］テーマ02 戦略2 政策10　［担当］福祉保健課
        　・12地区の地区別計画の推進会議の立ち上げを支援し、計画を紹介するリーフレットを全戸に配布します。

        □ 子育て応援と子どもの居場所づくり
        　［中期計画］テーマ01 戦略1 政策1・2・3　［担当］こども家庭支援課
        　・地域子育て支援拠点「にこりんく」と連携し、出張ひろばを区内４か所で開催します。
        　・区内のこども食堂の運営者が情報交換できる連絡会を開き、食材の提供につなげます。

        瀬谷区運営方針（令和８年度）　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　‐２‐
        □ 健康づくりとフレイル予防
        　［中期計画］テーマ02 戦略2 政策10　［担当］高齢・障害支援課、福祉保健課
        　・第３期健康横浜２１を踏まえ、地域ケアプラザと協力してフレイル予防の体操教室を開催します。

        人と人がつながるまち
        　瀬谷区連合町内会自治会連絡協議会（以下「区連会」）と協力し、地域活動の担い手づくりと、瀬谷の農や
        文化の魅力発信を進めます。

        □ 自治会町内会の活動支援
        　［中期計画］テーマ02 戦略2 政策9　［担当］地域振興課
        　・区連会と協力し、自治会町内会の役員の負担を軽くするデジタル化の講座を開催します。

        □ 都市農業と瀬谷の魅力発信
        　［中期計画］テーマ04 戦略7 政策32、テーマ03 戦略5 政策26　［担当］区政推進課
        　・JA横浜や区内の農家と協力し、区役所で地元野菜の直売会を毎月開催します。
        　・横浜FCと連携した「せや区民DAY」で、GREEN × EXPO 2027 と瀬谷の農の魅力を発信します。

        Ⅲ　目標達成に向けた組織運営

        　・区民の皆様に寄り添い、正確・迅速・丁寧な行政サービスを提供します。
        　・会期中も区民サービスを滞らせないよう、区役所全体で応援体制を整えます。
        　・職員一人ひとりが「チーム瀬谷」の一員として、職場の垣根を越えて連携します。
        瀬谷区運営方針（令和８年度）　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　‐３‐
        """)
        #expect(doc.measures.filter { $0.level == 1 }.map(\.title) == ["GREEN×EXPO 2027開催地元区としての取組", "安全・安心を実感できるまち",
                                                                      "健やかに育ち、支え合うまち", "人と人がつながるまち"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4", nil, "m7", "m7", "m7", nil, "m11", "m11"])
        #expect(doc.notices.isEmpty)
    }

    /// A page of two policies side by side, ◆ 施策N policies with ○ initiatives and
    /// citations by levels in caption brackets on lines of their own, the columns four
    /// and two columns apart.
    @Test(arguments: [4, 2])
    func twoPoliciesSideBySideWithCitationsInCaptionBrackets(_ gap: Int) throws {
        let doc = try Variants.extract(Self.firstPolicy + Variants.sideBySide(Self.leftColumn, Self.rightColumn, column: 34, gap: gap) + """


        Ⅲ　目標達成に向けた組織運営
        　職員が寄り添います。
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の機能強化", "誰もが健やかに暮らせるまち", "健康づくりの推進",
                                             "見守り活動の充実", "にぎわいと緑のあるまち", "商店街の活性化", "花と緑のまちづくり"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", nil, "m3", "m3", nil, "m6", "m6"])
        #expect(Variants.edges(doc).isSuperset(of: [
            "m4 partners_with 港南区医師会", "m4 implements 横浜市中期計画 テーマ02 戦略2 政策10", "m5 partners_with 民生委員・児童委員",
            "m5 implements 横浜市中期計画 テーマ02 戦略2 政策9", "m7 partners_with 港南区商店街連合会",
            "m7 implements 横浜市中期計画 テーマ04 戦略7 政策32", "m8 partners_with 愛護会", "m8 implements 横浜市中期計画 テーマ04 戦略7 政策31",
        ]))
    }

    static let firstPolicy = """
        令和８年度　港南区運営方針

        Ⅱ　目標達成に向けた施策

        ◆ 施策１ 安全・安心なまち
        　自治会町内会と連携し、防災力を高めます。

        ○ 地域防災拠点の機能強化
        ＜テーマ05・戦略8・政策35＞
        ・拠点の訓練を支援します。


        """

    static let leftColumn = [
        "◆ 施策２ 誰もが健やかに暮らせ", "るまち", "　地域ケアプラザや区社会福祉協議", "会とともに、支え合いの地域づくり", "を進めます。", "",
        "○ 健康づくりの推進", "＜テーマ02・戦略2・政策10＞", "・港南区医師会と連携し、健康講", "　座を開きます。", "",
        "○ 見守り活動の充実", "＜テーマ02・戦略2・政策9＞", "・民生委員と協力し、見守り活動", "　を支援します。",
    ]

    static let rightColumn = [
        "◆ 施策３ にぎわいと緑のある", "まち", "　商店街や区内の企業とともに、", "まちの魅力を高めます。", "",
        "○ 商店街の活性化", "＜テーマ04・戦略7・政策32＞", "・港南区商店街連合会と協力し、", "　イベントを開きます。", "",
        "○ 花と緑のまちづくり", "＜テーマ04・戦略7・政策31＞", "・公園愛護会の活動を支援しま", "　す。",
    ]
}
