import Testing
@testable import Extraction

/// Units of the ward office named wherever a document names them: after a contact
/// label in any brackets, in brackets after their 課, flush right on a heading's line,
/// and enumerated in the prose of the part on the organisation. Variants invented for
/// these tests, beside the forms the blind sets use.
@Suite struct UnitContextTests {
    static func names(_ units: [SectionName]?) -> [String] { (units ?? []).map(\.name) }

    @Test(arguments: [
        ("【問合せ】総務課", ["総務課"]),
        ("〔お問い合わせ先〕地域振興課", ["地域振興課"]),
        ("［連絡先］区政推進課、資源化推進担当", ["区政推進課", "資源化推進担当"]),
        ("＜問合せ＞高齢・障害支援課", ["高齢・障害支援課"]),
        ("【問合せ】総務課・区政推進課", ["総務課", "区政推進課"]),
        // A label over anything but units is no note.
        ("【問合せ】電話045-000-0000", []),
        ("【問合せ】欄は担当課", []),
    ])
    func aContactLabelNamesTheUnitsAfterIt(line: String, expected: [String]) {
        let compact = TextNormalizer.compactScalars(line)
        #expect(Self.names(SectionNoteParser.mayHoldNote(compact) ? SectionNoteParser.lineNote(compact) : nil) == expected)
    }

    @Test func unitsInBracketsAfterTheirUnitAreSections() {
        #expect(Self.names(SectionListParser.parse(TextNormalizer.display("　総務課（庶務係・予算調整係・危機管理担当）")))
                == ["総務課", "庶務係", "予算調整係", "危機管理担当"])
        #expect(Self.names(SectionListParser.parse("区政推進課(企画調整係、広報相談係)")) == ["区政推進課", "企画調整係", "広報相談係"])
        // Places, or a library where a 担当 sits, are no units of their own.
        #expect(Self.names(SectionListParser.parse("保育園（和泉・北上飯田）")) == ["保育園"])
        #expect(Self.names(SectionListParser.parse("読書活動推進担当（金沢図書館）")) == ["読書活動推進担当"])
        // Units of the city's bureaus are not the ward office's.
        #expect(Self.names(SectionListParser.parse("総務課 資源循環局港北事務所 こども青少年局企画調整課")) == ["総務課"])
    }

    @Test(arguments: [
        ("□　地域の担い手づくりと区民活動の支援                          地域振興課", ["地域振興課"], "□　地域の担い手づくりと区民活動の支援"),
        ("２　臨海部の帰宅困難者対策　　　　　　　　総務課・区政推進課", ["総務課", "区政推進課"], "２　臨海部の帰宅困難者対策"),
        ("(1) ごみの減量         区政推進課、資源化推進担当", ["区政推進課", "資源化推進担当"], "(1) ごみの減量"),
    ])
    func aUnitFlushRightOnAHeadingIsItsSection(raw: String, units: [String], title: String) throws {
        let trailer = try #require(SectionTrailer.split(raw: raw))
        #expect(Self.names(trailer.units) == units)
        #expect(SectionTrailer.title(TextNormalizer.display(raw), without: trailer.text) == TextNormalizer.display(title))
    }

    @Test(arguments: [
        "□　地域の防災と総務課",                     // a title that ends in a unit's name, no gap
        "□　地域の担い手づくり          区民活動の支援",  // a wide gap before no unit
        "□　窓口サービスの向上と手続のオンライン化",
    ])
    func noTrailerWithoutAGapAndAUnit(raw: String) {
        #expect(SectionTrailer.split(raw: raw) == nil)
    }

    @Test func aSentenceThatEnumeratesUnitsNamesThem() {
        let text = TextNormalizer.compactScalars("""
        港南区役所は、総務課、区政推進課、高齢・障害支援課、こども家庭支援課の4課と、港南土木事務所で構成しています。\
        このほか、区政推進課に地域力推進担当を、こども家庭支援課に学校連携・こども担当を置いています。\
        区政推進課が窓口です。こども青少年局企画調整課、市民局広報課と連携します。両親教室、料理教室を開きます。
        """)
        #expect(UnitSentences.units(in: text).map(\.unit.name) == [
            "総務課", "区政推進課", "高齢・障害支援課", "こども家庭支援課", "港南土木事務所",
            "区政推進課", "地域力推進担当", "こども家庭支援課", "学校連携・こども担当",
        ])
    }

    /// End to end: a document whose only units are flush right on its headings.
    @Test func headingTrailersAreTheDocumentsSections() throws {
        let doc = try Variants.extract("""
        令和９年度 港南区運営方針

        Ⅰ 基本目標
        誰もが住み続けたいまち

        Ⅱ 目標達成に向けた施策

        ■　安全・安心なまち
        　地域と連携して防災に取り組みます。

        □　地域防災拠点の訓練支援                                  総務課
        　自治会町内会と連携し、訓練を支援します。

        □　窓口サービスの向上と手続のオンライン化              戸籍課・保険年金課
        　待ち時間の短縮に取り組みます。
        """)
        #expect(Set(doc.sections.map(\.name)) == ["総務課", "戸籍課", "保険年金課"])
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災拠点の訓練支援", "窓口サービスの向上と手続のオンライン化"])
    }

    /// End to end: units noted after a heading in brackets, after a contact label at
    /// the end of a line of text, and in a sentence of the organisation part; a
    /// legend that explains the label names none.
    @Test func unitsNotedWhereverALineEnds() throws {
        let doc = try Variants.extract("""
        令和９年度 港南区運営方針

        Ⅱ 目標達成に向けた施策
        　各取組の【問合せ】欄は担当課を示します。

        1 安全・安心なまち
        　地域と連携して防災に取り組みます。

        (1) 地域防災拠点の訓練支援（担当：総務課）
        　自治会町内会と連携し、訓練を支援します。

        (2) 商店街の活性化
        　商店街と連携し、イベントを開催します。【問合せ】地域振興課

        Ⅲ 目標達成に向けた組織運営
        　区役所は、区政推進課、戸籍課、保険年金課などで構成しています。区政推進課が窓口です。
        """)
        #expect(Set(doc.sections.map(\.name)) == ["総務課", "地域振興課", "区政推進課", "戸籍課", "保険年金課"])
        #expect(doc.measures.map(\.title).contains("地域防災拠点の訓練支援"))
    }

    /// Neighbouring variants: a unit flush right in brackets after a heading that ends
    /// in a citation with arrows, a footnote marked 注, and a contact label in angle
    /// brackets with the telephone number after the unit.
    @Test func neighbouringVariantsOfUnitsAndCitations() throws {
        let doc = try Variants.extract("""
        令和９年度 南区運営方針

        Ⅱ 目標達成に向けた施策

        ■ 安全・安心なまち
        　地域と連携して防災に取り組みます。

        □ 地域防災力の向上〔中期計画 テーマ5→戦略8→政策35〕                （総務課）
        　自治会町内会の訓練を支援します。

        □ 子育て支援の充実（注1）
        　子育ての相談を行います。＜お問い合わせ＞こども家庭支援課　電話045-341-1234

        注1）第２期横浜市子ども・子育て支援事業計画に基づく取組です。
        """)
        #expect(Set(doc.sections.map(\.name)) == ["総務課", "こども家庭支援課"])
        #expect(doc.measures.map(\.title) == ["安全・安心なまち", "地域防災力の向上", "子育て支援の充実"])
        #expect(Set(doc.edges.filter { $0.type == .implements }.map { "\($0.from) \($0.to)" })
                == ["m2 横浜市中期計画 テーマ05 戦略8 政策35", "m3 第2期横浜市子ども・子育て支援事業計画"])
    }
}
