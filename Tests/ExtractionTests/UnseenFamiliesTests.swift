import Testing
@testable import Extraction

/// Documents written for these tests in marker families and block forms that
/// neither the seeds nor the development set use, with the graph a reader following
/// the guideline would annotate: 目標１ policies with ① initiatives, 【関連計画】 and
/// ＜関連計画：…＞ citations, units listed as `課名：説明`; ◆ policies with tables of
/// initiatives (取組名 / 内容 / 担当課, no key column, wrapped cells); 施策の柱１ with
/// （１） initiatives, （担当課：…） notes and name bullets under 主な事業; a two-column
/// page of two policies with ア/イ initiatives.
@Suite struct UnseenFamiliesTests {
    static func extract(_ text: String, _ name: String) throws -> ExtractedDocument {
        try DocumentExtractor(lexicon: try Corpus.lexicon()).extract(bytes: Array(text.utf8), fileName: name)
    }

    static func edges(_ doc: ExtractedDocument) -> Set<String> {
        Set(doc.edges.map { "\($0.from) \($0.type.rawValue) \($0.to)" })
    }

    static let goalsAndCircled = """
    令和７年度　青葉区運営方針

    Ⅰ　基本目標
    　緑と笑顔があふれるまち　あおば

    Ⅱ　目標達成に向けた施策

    目標１　安心して暮らせるまち
    　地域防災拠点や青葉消防団と連携し、地域の防災力を高めます。

    ①　地域防災力の向上
    　・防災訓練の充実を支援します。
    　【関連計画】新たな横浜市地震防災戦略

    ②　見守り活動の推進
    　・民生委員児童委員協議会と連携し、見守りを進めます。

    目標２　子育てしやすいまち
    　青葉区地域子育て支援拠点「ラフール」と連携します。

    ①　子育て支援の充実
    　・子育てサークルの活動を支援します。
    　＜関連計画：中期計画　テーマ１　戦略１　政策１＞

    Ⅲ　目標達成に向けた組織運営
    　区民サービスの向上に取り組みます。

    Ⅳ　区役所の組織
    総務課：庁舎管理、防災、統計
    区政推進課：広報、企画調整
    地域振興課：自治会町内会支援
    福祉保健課：地域福祉保健計画の推進
    こども家庭支援課：子育て支援
    """

    @Test func goalsWithCircledInitiatives() throws {
        let doc = try Self.extract(Self.goalsAndCircled, "aoba.txt")
        #expect(doc.measures.map(\.title) == ["安心して暮らせるまち", "地域防災力の向上", "見守り活動の推進", "子育てしやすいまち", "子育て支援の充実"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4"])
        #expect(doc.sections.map(\.name) == ["総務課", "区政推進課", "地域振興課", "福祉保健課", "こども家庭支援課"])
        #expect(Self.edges(doc) == [
            "m1 partners_with 地域防災拠点", "m1 partners_with 青葉消防団", "m2 implements 新たな横浜市地震防災戦略",
            "m3 partners_with 民生委員児童委員協議会", "m4 partners_with 青葉区地域子育て支援拠点「ラフール」",
            "m5 partners_with 子育てサークル", "m5 implements 横浜市中期計画 テーマ01 戦略1 政策1",
        ])
    }

    static let tablesWithoutKeys = """
    令和８年度　瀬谷区運営方針

    Ⅱ　目標達成に向けた施策

    ◆　にぎわいのあるまち
      取組名                  内容                                  担当課
      商店街の活性化          瀬谷区商店街連合会と連携したイベント  地域振興課
      農の魅力発信            ＪＡ横浜と協力した直売会の開催        区政推進課
                              区内の農家と連携した農体験

    ◆　支え合いのまち
      取組名                  内容                                  担当課
      地域福祉保健計画の推進  区社会福祉協議会とともに第４期        福祉保健課
                              瀬谷区地域福祉保健計画を推進
      認知症の方への支援      地域ケアプラザと協力した認知症カフェ  高齢・障害支援課

    Ⅲ　目標達成に向けた組織運営
    　職員の力を高めます。
    """

    @Test func tablesOfInitiativesWithoutAKeyColumn() throws {
        let doc = try Self.extract(Self.tablesWithoutKeys, "seya.txt")
        #expect(doc.measures.map(\.title) == ["にぎわいのあるまち", "商店街の活性化", "農の魅力発信", "支え合いのまち", "地域福祉保健計画の推進", "認知症の方への支援"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4"])
        #expect(doc.sections.map(\.name) == ["地域振興課", "区政推進課", "福祉保健課", "高齢・障害支援課"])
        // Text wrapped inside a cell is read whole: 第４期 / 瀬谷区地域福祉保健計画.
        #expect(Self.edges(doc).isSuperset(of: [
            "m2 partners_with 瀬谷区商店街連合会", "m3 partners_with JA横浜", "m3 partners_with 農家",
            "m5 partners_with 社会福祉協議会", "m5 implements 第4期瀬谷区地域福祉保健計画", "m6 partners_with 地域ケアプラザ",
        ]))
    }

    static let pillarsWithNotes = """
    令和８年度　神奈川区運営方針

    Ⅰ　基本目標
    　つながり　支えあい　未来へ　かながわ

    Ⅱ　目標達成に向けた施策

    施策の柱１　誰もが安心して暮らせるまち
    　神奈川区医師会や神奈川警察署と連携し、安全・安心を支えます。
    （１）災害に備えるまちづくり
    　・地域防災拠点の訓練を支援します。
    　・区内の高等学校と連携した防災講座を開催します。
    　（担当課：総務課）
    （２）地域の見守り
    　・民生委員や地区社協と連携し、見守りを進めます。
    　（担当課：福祉保健課、高齢・障害支援課）
    　＜関連計画＞第４期神奈川区地域福祉保健計画「かながわ・ふれあいプラン」

    施策の柱２　にぎわいのあるまち
    主な事業
    ・商店街の魅力発信
    ・みなとの景観を生かした観光プロモーション
    　横浜市立大学や区内企業と連携し、まち歩きツアーを実施します。
    （担当課：地域振興課）

    Ⅲ　目標達成に向けた組織運営
    　○区民に寄り添います。
    """

    @Test func pillarsWithNotesAndNameBullets() throws {
        let doc = try Self.extract(Self.pillarsWithNotes, "kanagawa.txt")
        #expect(doc.measures.map(\.title) == [
            "誰もが安心して暮らせるまち", "災害に備えるまちづくり", "地域の見守り", "にぎわいのあるまち", "商店街の魅力発信",
            "みなとの景観を生かした観光プロモーション",
        ])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4"])
        #expect(doc.sections.map(\.name) == ["総務課", "福祉保健課", "高齢・障害支援課", "地域振興課"])
        #expect(Self.edges(doc).isSuperset(of: [
            "m1 partners_with 神奈川区医師会", "m1 partners_with 神奈川警察署", "m2 partners_with 学校", "m3 partners_with 地区社会福祉協議会",
            "m3 implements 第4期神奈川区地域福祉保健計画「かながわ・ふれあいプラン」", "m6 partners_with 横浜市立大学", "m6 partners_with 企業",
        ]))
        // Part Ⅲ's ○ items are no measures.
        #expect(!doc.measures.contains { $0.title.contains("寄り添います") })
    }

    static let twoColumnPolicies = """
    令和７年度　緑区運営方針

    Ⅱ　目標達成に向けた施策

    ◆ 安全・安心のまち                      ◆ 子育てを応援するまち
    ア　地域防災力の向上                    ア　親子の居場所づくり
    ・緑消防団と合同の訓練を                ・地域子育て支援拠点「いっぽ」と
    　行います。                            　連携します。
    イ　防犯対策の推進                      イ　子育てサークルの支援
    ・緑警察署と連携します。                ・子育てサークルの活動を応援します。

    Ⅲ　目標達成に向けた組織運営
    　区民サービスを向上させます。
    """

    @Test func twoPoliciesSideBySide() throws {
        let doc = try Self.extract(Self.twoColumnPolicies, "midori.txt")
        #expect(doc.measures.map(\.title) == ["安全・安心のまち", "地域防災力の向上", "防犯対策の推進", "子育てを応援するまち", "親子の居場所づくり", "子育てサークルの支援"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4", "m4"])
        #expect(doc.measures.map(\.line) == [5, 6, 9, 5, 6, 9])
        #expect(Self.edges(doc) == [
            "m2 partners_with 緑消防団", "m3 partners_with 緑警察署", "m5 partners_with 地域子育て支援拠点「いっぽ」", "m6 partners_with 子育てサークル",
        ])
    }

    /// `１．` policies with ■ initiatives, `担当課：…` lines without brackets, a 【関連計画】
    /// heading with the plans on the lines below, units separated by 、 and units
    /// with telephone numbers.
    static let notesWithoutBrackets = """
    令和７年度　保土ケ谷区運営方針

    Ⅱ　目標達成に向けた施策

    １．災害に強いまちづくり
    　保土ケ谷消防団や地域防災拠点と連携し、地域の防災力を高めます。
    ■　自助・共助の推進
    　防災講座を開催し、自助・共助の意識を高めます。
    　担当課：総務課
    　【関連計画】
    　・新たな横浜市地震防災戦略
    　・中期計画　テーマ５　戦略８　政策３５
    ■　がけ地対策
    　がけ地の所有者への相談会を開催します。
    　担当課：保土ケ谷土木事務所

    ２．支え合うまちづくり
    ■　地域福祉保健計画の推進
    　保土ケ谷区社会福祉協議会と「ほっとなまちづくり」（第４期保土ケ谷区地域福祉保健計画）を推進します。
    　担当課：福祉保健課、高齢・障害支援課

    Ⅲ　目標達成に向けた組織運営
    　区民に寄り添います。

    Ⅳ　区役所の窓口
    総務課、区政推進課、地域振興課
    戸籍課　　　　　　　　045-334-6300
    税務課　　　　　　　　045-334-6240
    こども家庭支援課　　　045-334-6390
    """

    @Test func notesWithoutBracketsAndPlansBelowTheirHeading() throws {
        let doc = try Self.extract(Self.notesWithoutBrackets, "hodogaya.txt")
        #expect(doc.measures.map(\.title) == ["災害に強いまちづくり", "自助・共助の推進", "がけ地対策", "支え合うまちづくり", "地域福祉保健計画の推進"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4"])
        #expect(Set(doc.sections.map(\.name)) == [
            "総務課", "保土ケ谷土木事務所", "福祉保健課", "高齢・障害支援課", "区政推進課", "地域振興課", "戸籍課", "税務課", "こども家庭支援課",
        ])
        #expect(Self.edges(doc).isSuperset(of: [
            "m2 implements 新たな横浜市地震防災戦略", "m2 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m5 partners_with 社会福祉協議会",
            "m5 implements 第4期保土ケ谷区地域福祉保健計画「ほっとなまちづくり」",
        ]))
        #expect(doc.notices.isEmpty)
    }

    /// ◆ policies with numbered initiatives: numbers under a symbol used for several
    /// policies are the initiatives, not a sequence of policies (unlike ◎ used once
    /// before 【柱１】【柱２】 in the development set).
    @Test func numberedInitiativesUnderSymbolPolicies() throws {
        let text = """
        令和７年度　西区運営方針
        Ⅱ　目標達成に向けた施策
        ◆ 安心して暮らせるまち
        1. 地域防災力の向上
        ・西消防団と連携します。
        2. 見守りの推進
        ・地域ケアプラザと連携します。
        ◆ にぎわいのあるまち
        1. 商店街の活性化
        ・西区商店街連合会と連携します。
        Ⅲ　目標達成に向けた組織運営
        """
        let doc = try Self.extract(text, "nishi.txt")
        #expect(doc.measures.map(\.title) == ["安心して暮らせるまち", "地域防災力の向上", "見守りの推進", "にぎわいのあるまち", "商店街の活性化"])
        #expect(doc.measures.map(\.parent) == [nil, "m1", "m1", nil, "m4"])
    }

    /// Part Ⅱ's introduction speaks of all policies: the partners it names are no
    /// policy's, and the report lists them as names outside every measure.
    @Test func theIntroductionOfThePoliciesBelongsToNone() throws {
        let text = """
        令和７年度　瀬谷区運営方針
        Ⅱ　目標達成に向けた施策
        　区民の皆様や企業、ＮＰＯ法人せやネットワークの皆様とともに、次の施策を進めます。
        １　安全なまち
        　地域防災拠点の訓練を支援します。
        ２　にぎわいのあるまち
        　瀬谷区商店街連合会と連携します。
        Ⅲ　目標達成に向けた組織運営
        """
        let doc = try Self.extract(text, "seya.txt")
        #expect(Self.edges(doc) == ["m1 partners_with 地域防災拠点", "m2 partners_with 瀬谷区商店街連合会"])
        #expect(Set(doc.notices.filter { $0.kind == .organisationNotTaken }.compactMap(\.name)) == ["企業", "NPO法人せやネットワーク"])
    }
}
