import Testing
@testable import Extraction

/// Documents written for these tests in neighbouring variants of the layout families
/// that blind set A uses, so that each rule is checked on a shape no annotated
/// document has: ■ policies with □ initiatives and a table of plans keyed by name;
/// a table of plans keyed by outline position, and a colon row; a key wrapped in its
/// cell and a row that names no measure; citations with a plan's period and in
/// other brackets; a two-column page filled to its column; units listed with their
/// work, run on across lines and under a centre's heading.
@Suite struct LayoutVariantTests {
    static func extract(_ text: String, _ name: String = "variant.txt") throws -> ExtractedDocument {
        try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: name)
    }

    static func edges(_ doc: ExtractedDocument) -> Set<String> {
        Set(doc.edges.map { "\($0.from) \($0.type.rawValue) \($0.to)" })
    }

    static let outline = """
    令和７年度　栄区運営方針

    Ⅱ　目標達成に向けた施策

    １　災害に強いまちづくり
    　地域防災拠点や消防団と連携し、地域の防災力を高めます。
    （１）地域防災拠点の機能強化
    　・拠点の訓練を支援します。
    （２）がけ地対策の推進
    　・がけ地の所有者に助成制度を案内します。

    ２　健やかに暮らせるまち
    　地域ケアプラザとともに健康づくりを進めます。
    （１）健康づくりの推進
    　・ウォーキング講座を開催します。
    （２）地域で支え合う仕組みと見守り活動の充実
    　・見守り活動を支援します。

    """

    static let titles = ["災害に強いまちづくり", "地域防災拠点の機能強化", "がけ地対策の推進", "健やかに暮らせるまち", "健康づくりの推進",
                         "地域で支え合う仕組みと見守り活動の充実"]

    @Test func filledAndHollowSymbolsAndATableOfPlansKeyedByName() throws {
        let text = """
        令和７年度　栄区運営方針

        Ⅱ　目標達成に向けた施策

        ■　災害に強いまちづくり
        　地域防災拠点や消防団と連携し、地域の防災力を高めます。
        □　地域防災拠点の機能強化
        　・拠点の訓練を支援します。
        □　がけ地対策の推進
        　・がけ地の所有者に助成制度を案内します。
        ■　健やかに暮らせるまち
        　地域ケアプラザとともに健康づくりを進めます。
        □　健康づくりの推進
        　・ウォーキング講座を開催します。

        【関連する計画】
        取組名                      関連計画
        地域防災拠点の機能強化      中期計画 テーマ05 戦略8 政策35
        がけ地対策の推進            中期計画 テーマ05 戦略8 政策36
        健康づくりの推進            第３期健康横浜２１
        """
        let doc = try Self.extract(text)
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4"])
        let plans = Self.edges(doc).filter { $0.contains("implements") }
        #expect(plans == ["m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ05 戦略8 政策36",
                          "m5 implements 第3期健康横浜21"])
        #expect(doc.notices.isEmpty)
    }

    @Test func aTableOfPlansKeyedByPositionAndAColonRow() throws {
        let doc = try Self.extract(Self.outline + """
        ＜参考＞取組と関連する計画
          番号        関連する計画
          1-(1)       中期計画 テーマ05／戦略8／政策35
          1-(2)       中期計画 テーマ05／戦略8／政策36
          2-(1)       第３期健康横浜２１

        関連計画一覧
        ・地域で支え合う仕組みと見守り活動の充実：第４期栄区地域福祉保健計画
        """)
        #expect(doc.measures.map(\.title) == Self.titles)
        let plans = Self.edges(doc).filter { $0.contains("implements") }
        #expect(plans == ["m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ05 戦略8 政策36",
                          "m5 implements 第3期健康横浜21", "m6 implements 第4期栄区地域福祉保健計画"])
        #expect(doc.notices.isEmpty)
    }

    @Test func aKeyWrappedInItsCellAndARowThatNamesNoMeasure() throws {
        let doc = try Self.extract(Self.outline + """
        【関連計画】
          取組名                          関連計画
          地域防災拠点の機能強化          中期計画 テーマ05 戦略8 政策35
          地域で支え合う仕組みと見守り    第４期栄区地域福祉保健計画
          活動の充実
          商店街の活性化                  中期計画 テーマ03 戦略4 政策20
        """)
        let plans = Self.edges(doc).filter { $0.contains("implements") }
        #expect(plans == ["m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m6 implements 第4期栄区地域福祉保健計画"])
        // The row that names no measure is reported, and given to none.
        #expect(doc.notices.map(\.kind) == [.planCitationNotResolved])
        #expect(doc.notices.first?.line == 23)
    }

    @Test func citationsWithAPeriodAndInOtherBrackets() throws {
        let doc = try Self.extract("""
        令和７年度　栄区運営方針
        Ⅱ　目標達成に向けた施策
        １　災害に強いまちづくり
        （１）地域防災拠点の機能強化
        　・拠点の訓練を支援します。（中期計画（2022～2025）：テーマ５　戦略８　政策３５）
        （２）がけ地対策の推進　【中期計画】テーマ05-戦略8-政策36
        （３）防犯の推進
        　・防犯パトロールを支援します。＜横浜市中期計画2022-2025　テーマ2／戦略2／政策9＞
        （４）交通安全の推進
        　・交通安全教室を開きます。
        　　【中期計画】テーマ２　戦略２
        　　政策９
        """)
        #expect(doc.measures.map(\.title) == ["災害に強いまちづくり", "地域防災拠点の機能強化", "がけ地対策の推進", "防犯の推進", "交通安全の推進"])
        let plans = Self.edges(doc).filter { $0.contains("implements") }
        #expect(plans == [
            "m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ05 戦略8 政策36",
            "m4 implements 横浜市中期計画 テーマ02 戦略2 政策9", "m5 implements 横浜市中期計画 テーマ02 戦略2 政策9",
        ])
    }

    @Test func aTwoColumnPageFilledToItsColumn() throws {
        // The left column is padded by display width to column 42; two of its lines fill it.
        let doc = try Self.extract("""
        令和７年度　都筑区運営方針

        Ⅱ　目標達成に向けた施策

        １　安心して暮らせるまち                  ２　魅力あふれるまち
        　地域防災拠点や都筑消防団と連携し、防災力　都筑区商店街連合会と連携し、にぎわいを創
        を高めます。                              出します。
        （１）防災訓練の充実                      （１）商店街の活性化
        　・地域防災拠点の訓練を支援します。      　・商店街のイベントを支援します。
        （２）見守りの推進                        （２）農の魅力発信
        　・民生委員児童委員協議会と見守ります。  　・JA横浜と協力して直売会を開きます。
        """)
        #expect(doc.measures.map(\.title) == ["安心して暮らせるまち", "防災訓練の充実", "見守りの推進", "魅力あふれるまち", "商店街の活性化", "農の魅力発信"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4"])
        #expect(Self.edges(doc).isSuperset(of: ["m1 partners_with 都筑消防団", "m4 partners_with 都筑区商店街連合会", "m6 partners_with JA横浜"]))
    }

    @Test func aTwoColumnPageWithoutAGapAndWithIndentedLines() throws {
        // Padded to column 40: one left line fills it with no gap at all, and the right
        // column indents a wrapped bullet past its start.
        let doc = try Self.extract("""
        令和７年度　都筑区運営方針
        Ⅱ　目標達成に向けた施策

        柱１　安全・安心なまち                  柱２　支え合うまち
        　都筑消防署や都筑警察署と連携し、      　都筑区社会福祉協議会とともに、地域の
        地域の防災・防犯力を高めます。          支え合いを進めます。
        ◇地域防災力の向上                       ◇「つづき あい」の推進
        　・都筑区連合自治会と協力し、訓練を    　・地区別計画の推進を支援します。
        　　支援します。                        　〔中期計画：テーマ２ 戦略２ 政策１０〕
        　〔中期計画：テーマ５ 戦略８ 政策３５〕◇区民活動の支援
        ◇交通安全の推進                         　・都筑区民活動センターと連携し、講座
        　・区内の小学校と通学路を点検します。  　　を開きます。
        　〔中期計画：テーマ２ 戦略２ 政策９〕  　〔中期計画：テーマ２ 戦略２ 政策９〕

        柱３　にぎわいのあるまち
        　JA横浜と協力し、農の魅力を発信する取組を、区内の農家の皆様とともに一年を通じて進めます。
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災力の向上", "交通安全の推進", "支え合うまち", "「つづき あい」の推進", "区民活動の支援",
                                             "にぎわいのあるまち"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4", nil])
        let plans = Self.edges(doc).filter { $0.contains("政策") }
        #expect(plans == ["m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m3 implements 横浜市中期計画 テーマ02 戦略2 政策9",
                          "m5 implements 横浜市中期計画 テーマ02 戦略2 政策10", "m6 implements 横浜市中期計画 テーマ02 戦略2 政策9"])
        #expect(Self.edges(doc).contains("m6 partners_with 都筑区民活動センター"))
    }

    @Test func aTableOfInitiativesWithAColumnOfPlansAndOneLineOfUnits() throws {
        let doc = try Self.extract("""
        令和７年度　青葉区運営方針
        Ⅱ　目標達成に向けた施策
        方針１　安全・安心なまち
        　青葉消防署や青葉警察署と連携します。

          番号   取組名                  主な内容                          担当          中期計画
          1-1    地域防災力の向上        地域防災拠点の訓練支援            総務課        テーマ5・戦略8・政策35
          1-2    防犯・交通安全の推進    青葉警察署と合同のキャンペーン    地域振興課    テーマ2・戦略2・政策9

        Ⅲ　目標達成に向けた組織運営
        　・職員一丸となって取り組みます。
        区役所の組織
        総務課　区政推進課　地域振興課　福祉保健課　青葉消防署
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災力の向上", "防犯・交通安全の推進"])
        #expect(Self.edges(doc) == [
            "m1 partners_with 青葉警察署", "m2 partners_with 地域防災拠点", "m2 implements 横浜市中期計画 テーマ05 戦略8 政策35",
            "m3 partners_with 青葉警察署", "m3 implements 横浜市中期計画 テーマ02 戦略2 政策9",
        ])
        // A fire station the office lists as its own unit is a section, not a partner.
        #expect(doc.sections.map(\.name) == ["総務課", "地域振興課", "区政推進課", "福祉保健課", "青葉消防署"])
    }

    @Test func keyInitiativesNameTheirPolicyByLabelOrTitle() throws {
        let doc = try Self.extract("""
        令和７年度　泉区運営方針
        Ⅱ　目標達成に向けた施策
        施策１　安全・安心なまちづくり
        　地域防災拠点と連携し、防災力を高めます。
        施策２　子育てしやすいまち
        　地域子育て支援拠点とともに子育てを支えます。
        施策１の主な取組
        ○防災訓練の充実
        　・訓練を支援します。
        施策２の主な取組
        ○子育て支援の充実
        　・講座を開きます。
        主な取組（安全・安心なまちづくり）
        ○がけ地対策
        　・相談会を開きます。
        """)
        #expect(doc.measures.map(\.title) == ["安全・安心なまちづくり", "子育てしやすいまち", "防災訓練の充実", "子育て支援の充実", "がけ地対策"])
        #expect(doc.measures.map(\.parent) == [nil, nil, "m1", "m2", "m1"])
    }

    @Test func unitsWithTheirWorkRunOnAndUnderACentre() throws {
        let doc = try Self.extract("""
        令和７年度　栄区運営方針
        Ⅱ　目標達成に向けた施策
        １　災害に強いまちづくり
        （１）がけ地対策の推進
        　・がけ地の所有者に助成制度を案内します。
        　　担当部署：建築課
        （２）防犯の推進
        　・防犯パトロールを支援します。〔所管課：地域振興課〕

        Ⅳ　区役所の組織と主な仕事
        総務課　　　　　　庁舎管理、防災、統計
        区政推進課　　　　広報、企画調整
        戸籍課、税務課、保険年金課、
        区会計室、生活支援課
        ◇福祉保健センター
        ・福祉保健課（健康づくり）
        ・こども家庭支援課（子育て支援）
        """)
        #expect(doc.sections.map(\.name) == ["建築課", "地域振興課", "総務課", "区政推進課", "戸籍課", "税務課", "保険年金課", "区会計室",
                                             "生活支援課", "福祉保健課", "こども家庭支援課"])
    }

    @Test func anOrganisationChartDrawnWithLines() throws {
        let doc = try Self.extract("""
        令和５年度　中区運営方針
        ２　目標達成に向けた施策
        Ⅰ　安全・安心なまちづくり
        (1) 防犯の推進
        　・自治会町内会の防犯パトロールを支援します。
        ４　中区役所の組織図（令和５年４月１日現在）
        　区長 ── 副区長 ─┬─ 区政推進部 ────┬─ 総務課
        　　　　　　　　　　│　　　　　　　　　　├─ 地域振興課
        　　　　　　　　　　│　　　　　　　　　　│　　└ 地域力推進担当
        　　　　　　　　　　├─ 福祉保健センター ─┬─ 福祉保健課
        　　　　　　　　　　│　（センター長）　　└─ 生活衛生課
        　　　　　　　　　　└─ 中土木事務所
        """)
        #expect(doc.sections.map(\.name) == ["総務課", "地域振興課", "地域力推進担当", "福祉保健課", "生活衛生課", "中土木事務所"])
        #expect(doc.measures.map(\.title) == ["安全・安心なまちづくり", "防犯の推進"])
    }
}
