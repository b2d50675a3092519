import Testing
@testable import Extraction

/// Documents written for these tests in layouts that none of the five annotated
/// documents uses, with the graph a reader following the guideline would annotate.
/// They guard against rules that only serve the five documents.
@Suite struct UnseenLayoutTests {
    /// 施策N policies, ■ initiatives with ・ bullets on a 主な取組 page, captions, dash
    /// page numbers, a message page and several units per line.
    static let policyNumbered = """
    令和８年度
    鶴見区運営方針

    Ⅰ 基本目標
    いつまでも住み続けたいまち 鶴見

    Ⅱ 目標達成に向けた施策

    施策１ 地域力の強化
    自治会町内会や鶴見区社会福祉協議会と連携し、地域の防災力と見守りの力を高めます。

    施策２ 区内経済・活力の向上
    区内商店街や鶴見大学と協働し、まちのにぎわいを創出します。

    施策３ 子どもから大人まで安心・元気に
    第４期鶴見区地域福祉保健計画「鶴見・あいねっと」を推進します。

    Ⅲ 目標達成に向けた組織運営
    ○区民サービスの向上
    職員一人ひとりが区民の皆様に寄り添い、大学とも連携します。

    - 2 -

    主な取組
    施策１ 地域力の強化
    ■自助・共助推進事業＜中期計画：テーマ０５ 戦略８ 政策３５＞
    ・地域防災拠点の運営委員会と連携し、訓練を支援します。
    ・区医師会・区歯科医師会と災害時医療体制を整えます。
    ≪防災訓練の様子≫
    ■多文化共生の推進
    ・NPO法人と協働し、多言語の情報発信を行います。

    施策２ 区内経済・活力の向上
    ■「千客万来つるみ」プロモーション事業
    ・鶴見区商店街連合会、区内企業と連携したイベントを開催します。
    ■大学との連携
    ・横浜商科大学と連携した講座を開催します。

    施策３ 子どもから大人まで安心・元気に
    ■ヘルスアッププラン推進事業＜中期計画：テーマ０２ 戦略２ 政策１０＞
    ・第２期鶴見区ヘルスアッププランに基づき、健康づくりを進めます。
    ・地域ケアプラザ、老人クラブと連携したフレイル予防講座を開催します。
    ■子育て支援の充実
    ・地域子育て支援拠点「わっくんひろば」で相談を行います。

    - 3 -

    区長メッセージ
    自治会町内会の皆様には日頃から感謝しています。

    総務課 区政推進課 地域振興課
    戸籍課 税務課 区会計室
    福祉保健課 生活衛生課 高齢・障害支援課
    こども家庭支援課 生活支援課 保険年金課
    鶴見土木事務所 鶴見図書館
    """

    @Test func policyNumberedLayout() throws {
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon())
            .extract(bytes: Array(Self.policyNumbered.utf8), fileName: "tsurumi.txt")
        #expect(doc.ward == "鶴見区" && doc.fiscalYear == "令和8年度")
        #expect(doc.measures.map(\.title) == [
            "地域力の強化", "区内経済・活力の向上", "子どもから大人まで安心・元気に",
            "自助・共助推進事業", "多文化共生の推進", "「千客万来つるみ」プロモーション事業", "大学との連携",
            "ヘルスアッププラン推進事業", "子育て支援の充実",
        ])
        #expect(doc.measures.map(\.parent) == [nil, nil, nil, "m1", "m1", "m2", "m2", "m3", "m3"])
        #expect(Set(doc.partners.map(\.name)) == [
            "自治会町内会", "社会福祉協議会", "商店街", "鶴見大学", "地域防災拠点", "医師会", "歯科医師会", "NPO",
            "鶴見区商店街連合会", "企業", "横浜商科大学", "地域ケアプラザ", "老人クラブ", "地域子育て支援拠点「わっくんひろば」",
        ])
        #expect(Set(doc.plans.map(\.name)).isSuperset(of: [
            "第4期鶴見区地域福祉保健計画「鶴見・あいねっと」", "第2期鶴見区ヘルスアッププラン",
            "横浜市中期計画 テーマ05 戦略8 政策35", "横浜市中期計画 テーマ02 戦略2 政策10",
        ]))
        #expect(doc.plans.count == 9)  // 2 named + 2 × (テーマ, 戦略, 政策) + the root
        #expect(doc.sections.count == 14)
        let edges = Set(doc.edges.map { "\($0.from) \($0.type.rawValue) \($0.to)" })
        #expect(edges.isSuperset(of: [
            "m1 partners_with 社会福祉協議会", "m2 partners_with 鶴見大学", "m3 implements 第4期鶴見区地域福祉保健計画「鶴見・あいねっと」",
            "m4 partners_with 医師会", "m4 implements 横浜市中期計画 テーマ05 戦略8 政策35", "m6 partners_with 鶴見区商店街連合会",
            "m7 partners_with 横浜商科大学", "m8 implements 第2期鶴見区ヘルスアッププラン", "m9 partners_with 地域子育て支援拠点「わっくんひろば」",
        ]))
        // Part Ⅲ (lines 20–22) and the message page name partners too, but belong to no measure.
        #expect(doc.edges.allSatisfy { !(20...22).contains($0.line) && $0.line < 50 })
        // The heading `大学との連携` sums up its text, which names the university (横浜商科大学);
        // the 大学 of part Ⅲ belongs to no measure.
        #expect(doc.edges.filter { $0.to == "大学" }.isEmpty)
        #expect(doc.edges.filter { $0.to == "自治会町内会" }.map(\.from) == ["m1"])
    }

    /// Policies before any part header, 主な事業・取組 boxes without markers, paragraphs
    /// wrapped at 30 characters.
    static let unmarkedBoxes = """
    青葉区運営方針　令和７年度

    1. 誰もが安心して暮らせるまち
    地域の防災力を高めるため、地域防災拠点や消防団と
    連携し、訓練の充実を図ります。また、見守り活動を
    地域の皆様とともに進めます。

    2. 子育てしやすいまち
    子育て家庭を地域全体で支えるため、青葉区子育て支
    援者連絡会と協働して、切れ目のない支援を進めます。

    【主な事業・取組】
    1. 誰もが安心して暮らせるまち

    地域防災拠点の運営支援と防災訓練の充実

    消防団・自治会町内会と連携した啓発活動の実施

    2. 子育てしやすいまち

    親子の居場所づくりと子育て相談の充実

    桐蔭横浜大学と連携した子育てサロンの開催
    """

    @Test func unmarkedBoxesLayout() throws {
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon())
            .extract(bytes: Array(Self.unmarkedBoxes.utf8), fileName: "aoba.txt")
        #expect(doc.ward == "青葉区" && doc.fiscalYear == "令和7年度")
        #expect(doc.measures.map(\.title) == [
            "誰もが安心して暮らせるまち", "子育てしやすいまち", "地域防災拠点の運営支援と防災訓練の充実",
            "消防団・自治会町内会と連携した啓発活動の実施", "親子の居場所づくりと子育て相談の充実", "桐蔭横浜大学と連携した子育てサロンの開催",
        ])
        #expect(doc.measures.map(\.parent) == [nil, nil, "m1", "m1", "m2", "m2"])
        #expect(Set(doc.partners.map(\.name)) == ["地域防災拠点", "消防団", "青葉区子育て支援者連絡会", "自治会町内会", "桐蔭横浜大学"])
        let edges = Set(doc.edges.map { "\($0.from) \($0.type.rawValue) \($0.to)" })
        #expect(edges == [
            "m1 partners_with 地域防災拠点", "m1 partners_with 消防団", "m2 partners_with 青葉区子育て支援者連絡会",
            "m3 partners_with 地域防災拠点", "m4 partners_with 消防団", "m4 partners_with 自治会町内会", "m6 partners_with 桐蔭横浜大学",
        ])
        let connection = try #require(doc.partners.first { $0.name == "青葉区子育て支援者連絡会" })
        #expect(connection.line == 9)
    }

    /// Parts numbered like policies, initiatives numbered N-M (placed under policy N
    /// wherever they appear), units joined by ・.
    static let subNumbered = """
    令和９年度 都筑区運営方針
    １ 基本目標
    ふれあいのあるまち
    ２ 目標達成に向けた施策
    （１）安全・安心なまち
    （２）にぎわいのあるまち
    ３ 目標達成に向けた組織運営
    区役所の窓口サービスを向上させます。
    主な事業・取組
    1-1 防災力の向上
    ・消防団と地域防災拠点の連携を強化します。
    2-1 商店街の活性化
    ・都筑区商店会連合会と協働します。
    1-2 交通安全の推進
    ・交通安全協会と連携します。
    総務課・区政推進課・地域振興課
    戸籍課・税務課
    高齢・障害支援課 こども家庭支援課
    """

    @Test func subNumberedLayout() throws {
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon())
            .extract(bytes: Array(Self.subNumbered.utf8), fileName: "tsuzuki.txt")
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "にぎわいのあるまち", "防災力の向上", "商店街の活性化", "交通安全の推進"])
        #expect(doc.measures.map(\.parent) == [nil, nil, "m1", "m2", "m1"])
        #expect(doc.sections.map(\.name) == ["総務課", "区政推進課", "地域振興課", "戸籍課", "税務課", "高齢・障害支援課", "こども家庭支援課"])
        let edges = Set(doc.edges.map { "\($0.from) \($0.to)" })
        #expect(edges == ["m3 消防団", "m3 地域防災拠点", "m4 都筑区商店会連合会", "m4 商店街", "m5 交通安全協会"])
    }

    /// Two boxes side by side: both headings first, then both bodies. Each body goes
    /// to the heading it is about, not both to the second heading.
    static let sideBySide = """
    令和７年度
    戸塚区運営方針
    Ⅱ 目標達成に向けた施策

    防災と見守りの地域づくり

    子育てを応援するまち

    地域防災拠点と自治会町内会が連携し、防災と見守りの地域づくりを進めます。
    子育て世代を応援するため、親と子のつどいの広場で子育て相談を行います。

    - 2 -
    """

    @Test func sideBySideBoxesGetTheirOwnBodies() throws {
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon())
            .extract(bytes: Array(Self.sideBySide.utf8), fileName: "totsuka.txt")
        #expect(doc.measures.map(\.title) == ["防災と見守りの地域づくり", "子育てを応援するまち"])
        #expect(doc.measures.map(\.level) == [1, 1])
        let edges = Set(doc.edges.map { "\($0.from) \($0.to)" })
        #expect(edges == ["m1 地域防災拠点", "m1 自治会町内会", "m2 親と子のつどいの広場"])
    }

    /// Policies written as plain lines with ○ initiatives under them, after a table of
    /// contents whose entries repeat the policies with leaders and page numbers.
    static let plainPolicies = """
    令和７年度 栄区運営方針
    目次
    １ 地域の防災力の向上………… 2
    ２ 子育て支援の充実………… 3
    - 1 -
    Ⅱ 目標達成に向けた施策

    地域の防災力の向上
    ○自助・共助の推進
    ・町の防災組織の活動を支援します。
    ○避難所運営の支援
    ・地域防災拠点の訓練を支援します。

    子育て支援の充実
    ○親子の居場所づくり
    ・地域子育て支援拠点と連携します。
    - 2 -
    """

    @Test func plainPoliciesWithMarkedInitiatives() throws {
        let doc = try DocumentExtractor(lexicon: try Corpus.lexicon())
            .extract(bytes: Array(Self.plainPolicies.utf8), fileName: "sakae.txt")
        #expect(doc.measures.map(\.title) == ["地域の防災力の向上", "子育て支援の充実", "自助・共助の推進", "避難所運営の支援", "親子の居場所づくり"])
        #expect(doc.measures.map(\.level) == [1, 1, 2, 2, 2])
        #expect(doc.measures.map(\.line) == [3, 4, 9, 11, 15])  // policies where they first appear: the contents
        #expect(doc.measures.map(\.parent) == [nil, nil, "m1", "m1", "m2"])
        let edges = Set(doc.edges.map { "\($0.from) \($0.to)" })
        #expect(edges == ["m3 町の防災組織", "m4 地域防災拠点", "m5 地域子育て支援拠点"])
    }
}
