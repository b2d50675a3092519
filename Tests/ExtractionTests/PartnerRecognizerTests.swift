import Testing
@testable import Extraction

/// Partner normalisation: NFKC and compatibility ideographs, lexicon aliases, the
/// ward prefix dropped from generic bodies only, proper names kept whole, and vague
/// collectives, office units, venues and people rejected.
@Suite struct PartnerRecognizerTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var partners: [String]
        var ward = "泉区"
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "区社会福祉協議会及び地域ケアプラザ等で構成される", partners: ["社会福祉協議会", "地域ケアプラザ"]),
        // A name all in kana after a legal form, up to the particle of a cue.
        Case(text: "NPO法人びーのびーのと協働し、講座を開きます", partners: ["NPO法人びーのびーの"]),
        Case(text: "NPO法人すまいるらんどと連携し", partners: ["NPO法人すまいるらんど"]),
        Case(text: "NPO法人などの団体と連携し", partners: ["NPO"]),
        Case(text: "泉区役所・社会福祉協議会・地域ケアプラザ職員で構成する", partners: ["社会福祉協議会", "地域ケアプラザ"]),
        Case(text: "区内商店街のにぎわいづくりや消費喚起", partners: ["商店街"]),
        Case(text: "泉区商店街連合会加盟の飲食店と協働した", partners: ["泉区商店街連合会"]),
        Case(text: "泉区社会福祉協議会と連携", partners: ["社会福祉協議会"]),
        Case(text: "フェリス女学院大学と協働し、若者世代の", partners: ["フェリス女学院大学"]),
        Case(text: "18区の中でも、横浜市立大学の専門的な知見", partners: ["横浜市立大学"]),
        Case(text: "プロスポーツチームや大学と連携した", partners: ["プロスポーツチーム", "大学"]),
        Case(text: "エコキャンペーンや民間企業と連携した", partners: ["企業"]),
        Case(text: "20代から区内事業者に対する健康経営支援", partners: ["企業"]),
        Case(text: "区内作業所等と連携した花植え", partners: ["障害福祉事業所"]),
        Case(text: "防災拠点に対し、ペットの一時飼育場所", partners: ["地域防災拠点"]),
        Case(text: "地域子育て支援拠点「すきっぷ」にアクセスしづらい", partners: ["地域子育て支援拠点「すきっぷ」"]),
        Case(text: "発信！旭区市民活動支援センター「みなくる」とも連携！", partners: ["旭区市民活動支援センター「みなくる」"], ward: "旭区"),
        Case(text: "見守り活動をするボランティア「旭区わんわんパトロール」の募集", partners: ["旭区わんわんパトロール"], ward: "旭区"),
        Case(text: "町の防災組織(自治会町内会等)の自助・共助", partners: ["町の防災組織", "自治会町内会"]),
        Case(text: "⾃治会町内会の運営のサポート", partners: ["自治会町内会"]),
        Case(text: "⺠間企業向け障害理解啓発講座", partners: ["企業"]),
        Case(text: "自治会町内会、商店街、ＮＰＯ、企業等とのつながり", partners: ["自治会町内会", "商店街", "NPO", "企業"]),
        Case(text: "港北区地域自立支援協議会の開催を通じた", partners: ["港北区地域自立支援協議会"], ward: "港北区"),
        Case(text: "地域ケアプラザ（地域包括支援センター）・基幹相談支援センター・生活支援センターでの",
             partners: ["地域ケアプラザ", "基幹相談支援センター", "生活支援センター"], ward: "港北区"),
        Case(text: "目指して健やか子育て連絡会で策定した", partners: ["健やか子育て連絡会"]),
        Case(text: "道路改良工事やスクールゾーン対策協議会での点検", partners: ["スクールゾーン対策協議会"]),
        Case(text: "災害時協力事業所登録制度を創設し", partners: ["災害時協力事業所"]),
        Case(text: "見守り協力事業者を対象とした", partners: ["見守り協力事業者"]),
        Case(text: "関係機関や関係団体、多様な主体と連携し", partners: []),
        Case(text: "食品ロスの削減を区内関係団体等と連携して推進", partners: []),
        Case(text: "子どもと地域・活動団体をつなぐ", partners: []),
        Case(text: "地域の皆様や区民、職員とともに", partners: []),
        Case(text: "区政推進課や泉土木事務所と連携", partners: []),
        Case(text: "横浜アリーナでの「ふるさと港北ふれあいまつり」", partners: []),
        Case(text: "日吉地区センターで講座を開催", partners: []),
        Case(text: "大学生が企画する", partners: []),
        Case(text: "団体への花苗配布", partners: []),
        // Ward-prefixed associations are proper names; only ward bodies lose the ward.
        Case(text: "鶴見区医師会、鶴見区歯科医師会との災害医療連絡会議を開催", partners: ["鶴見区医師会", "鶴見区歯科医師会"], ward: "鶴見区"),
        Case(text: "区社協（鶴見区社会福祉協議会）や地域ケアプラザとともに", partners: ["社会福祉協議会", "地域ケアプラザ"], ward: "鶴見区"),
        Case(text: "港北区商店街活性化", partners: ["商店街"], ward: "港北区"),
        Case(text: "弘明寺商店街や横浜橋通商店街をはじめとする区内の商店街", partners: ["弘明寺商店街", "横浜橋通商店街", "商店街"], ward: "南区"),
        // Legal forms open a name, which may begin in kana.
        Case(text: "ＮＰＯ法人いたち川ネットワークと協働した", partners: ["NPO法人いたち川ネットワーク"], ward: "栄区"),
        Case(text: "区内の株式会社はまかぜ造園と協働し", partners: ["株式会社はまかぜ造園"], ward: "磯子区"),
        Case(text: "ＮＰＯ法人とつか移動支援ネットと連携して", partners: ["NPO法人とつか移動支援ネット"], ward: "戸塚区"),
        Case(text: "ＮＰＯ法人と協働し", partners: ["NPO"]),
        // Names of local bodies may start with the ward's reading, and then hold a ・.
        Case(text: "とつか区民活動センターと協力して", partners: ["とつか区民活動センター"], ward: "戸塚区"),
        Case(text: "・みなみ市民活動・多文化共生ラウンジと連携し", partners: ["みなみ市民活動・多文化共生ラウンジ"], ward: "南区"),
        Case(text: "大岡川桜まつり実行委員会と協力し", partners: ["大岡川桜まつり実行委員会"], ward: "南区"),
        // A committee of something, a course and a meeting are no partners.
        Case(text: "地域防災拠点の運営委員会と連携し", partners: ["地域防災拠点"]),
        Case(text: "「地域づくり大学校」による担い手の育成", partners: []),
        // Named schools are proper names; a school type is 学校.
        Case(text: "横浜平沼高等学校の生徒と協働し、区内の中学校とも連携", partners: ["横浜平沼高等学校", "学校"], ward: "西区"),
        // A fire station the document does not list as its own unit is an outside body.
        Case(text: "鶴見消防署と合同の訓練を行います", partners: ["鶴見消防署"], ward: "鶴見区"),
        // A committee named by what it does and what it serves belongs to that.
        Case(text: "拠点運営委員会の訓練に区職員が参加し", partners: []),
        Case(text: "地区推進委員会と協力し", partners: []),
        Case(text: "地域防災拠点運営委員会と連携し、訓練を支援", partners: ["地域防災拠点"]),
        Case(text: "青葉区制30周年記念事業推進委員会と連携し", partners: ["青葉区制30周年記念事業推進委員会"], ward: "青葉区"),
        // A count of bodies refers back to names given before.
        Case(text: "３警察署と合同で、特殊詐欺の防止", partners: [], ward: "中区"),
        Case(text: "区内の２大学と連携し", partners: []),
        // A name after a legal form may go on in kana; particles end it.
        Case(text: "一般社団法人横浜みなとみらい２１と協力して", partners: ["一般社団法人横浜みなとみらい21"], ward: "西区"),
        Case(text: "NPO法人ことぶき協働ネットとともに", partners: ["NPO法人ことぶき協働ネット"], ward: "中区"),
        // Latin letters before a collaboration cue make a proper name; an event's name does not.
        Case(text: "横浜ＦＣと連携し、ホームゲームで", partners: ["横浜FC"], ward: "神奈川区"),
        Case(text: "横浜中華街発展会協同組合や元町SS会と協力し", partners: ["横浜中華街発展会協同組合", "元町SS会"], ward: "中区"),
        Case(text: "せや区民DAYと合同で開催", partners: [], ward: "瀬谷区"),
        Case(text: "横浜FCのホームゲームで", partners: [], ward: "神奈川区"),
        // Arts bodies and associations by their suffix; 会場 and 会議 are no association.
        Case(text: "神奈川フィルハーモニー管弦楽団とのワークショップ", partners: ["神奈川フィルハーモニー管弦楽団"], ward: "保土ケ谷区"),
        Case(text: "せや・ガイドの会と協力し、地域の会場で", partners: ["せや・ガイドの会"], ward: "瀬谷区"),
        Case(text: "見守りの会議を開きます", partners: []),
        // A school as a stage of life, and a type drawn on as a resource, are no partners.
        Case(text: "小学校入学を控えた保護者向けのセミナー", partners: [], ward: "保土ケ谷区"),
        Case(text: "中学校区ごとに見守りの会議を開きます", partners: []),
        Case(text: "開港の歴史や文化、商店街の魅力を生かし", partners: [], ward: "中区"),
        Case(text: "横浜市立大学の専門的な知見を活かしながら", partners: ["横浜市立大学"], ward: "金沢区"),
        Case(text: "商店街を活用したイベントと、商店街と連携した清掃", partners: ["商店街"]),
        // More suffixes of bodies: a company named before its legal form, a public
        // corporation, a named school of another kind; a course named like a school is none.
        Case(text: "相模鉄道株式会社と連携し、沿線の魅力を発信", partners: ["相模鉄道株式会社"], ward: "旭区"),
        Case(text: "横浜市住宅供給公社と協力して団地の見守り", partners: ["横浜市住宅供給公社"], ward: "旭区"),
        Case(text: "若葉台特別支援学校の生徒と協働し", partners: ["若葉台特別支援学校"], ward: "旭区"),
        Case(text: "市民大学校の講座を開きます", partners: []),
        // Banks, railways, the prefectural police, a branch; a company's name with a hyphen.
        Case(text: "株式会社セブン-イレブン・ジャパンや横浜銀行と連携します", partners: ["株式会社セブン-イレブン・ジャパン", "横浜銀行"], ward: "港南区"),
        Case(text: "京急電鉄、神奈川県警察と連携し", partners: ["京急電鉄", "神奈川県警察"], ward: "港南区"),
        Case(text: "日本赤十字社神奈川県支部と協力します", partners: ["日本赤十字社神奈川県支部"], ward: "港南区"),
        Case(text: "ボランティア制度「泉わくわく応援隊」を実施し", partners: []),
        // The city's and the ward's name before a ward body; the city's own body keeps its name.
        Case(text: "横浜市港南区社会福祉協議会と連携します", partners: ["社会福祉協議会"], ward: "港南区"),
        Case(text: "横浜市社会福祉協議会と連携します", partners: ["横浜市社会福祉協議会"], ward: "港南区"),
        // Legal forms abbreviated in brackets, before or after the name; a place joined with が.
        Case(text: "（株）こうなん警備と協力し、こうなん造園㈱や㈲まるい商店と協働します", partners: ["(株)こうなん警備", "こうなん造園(株)", "(有)まるい商店"]),
        Case(text: "（特非）こうなん防災ネットと連携します", partners: ["(特非)こうなん防災ネット"]),
        Case(text: "昭和大学藤が丘病院や希望が丘小学校と協力し", partners: ["昭和大学藤が丘病院", "希望が丘小学校"], ward: "青葉区"),
        Case(text: "地域ケアプラザが台風に備えて自治会町内会と協力し", partners: ["地域ケアプラザ", "自治会町内会"], ward: "青葉区"),
    ]

    @Test(arguments: cases)
    func recognisesPartners(_ c: Case) throws {
        let recognizer = PartnerRecognizer(lexicon: try Corpus.lexicon(), ward: c.ward)
        var text = LogicalText()
        text.append(TextNormalizer.compactScalars(TextNormalizer.display(c.text)), line: 7, joined: false)
        let mentions = recognizer.mentions(in: text)
        var distinct: [String] = []
        for name in mentions.map(\.name) where !distinct.contains(name) { distinct.append(name) }
        #expect(distinct == c.partners)
        #expect(mentions.allSatisfy { $0.line == 7 })
    }

    @Test func aNameBrokenAcrossLinesIsFoundOnTheLineWhereItStarts() throws {
        let lines = ["活性化を図るとともに、地域支援チーム（泉区役所・社会福祉協議会・地域", "", "ケアプラザ職員で構成する支援体制）による支援を強化します。"]
            .enumerated().map { SourceLine(number: $0 + 45, raw: $1) }
        let kinds = LineClassifier.classify(lines)
        let text = LogicalText(segment: Array(lines.indices), lines: lines, kinds: kinds)
        let mentions = PartnerRecognizer(lexicon: try Corpus.lexicon(), ward: "泉区").mentions(in: text)
        #expect(mentions.map(\.name) == ["社会福祉協議会", "地域ケアプラザ"])
        #expect(mentions.map(\.line) == [45, 45])
    }

    @Test func theDocumentsOwnUnitsAreNoPartners() throws {
        let recognizer = PartnerRecognizer(lexicon: try Corpus.lexicon(), ward: "金沢区", ownUnits: ["金沢消防署", "総務課"])
        var text = LogicalText()
        text.append(TextNormalizer.compactScalars("金沢消防署や総務課、金沢区医師会と連携します。"), line: 1, joined: false)
        #expect(recognizer.mentions(in: text).map(\.name) == ["金沢区医師会"])
    }

    @Test func declaredShortNamesStandForTheirOrganisation() throws {
        let document = TextNormalizer.compactScalars("戸塚区連合町内会自治会連絡会（区連会）をはじめ、自治会町内会の取組を支えます。地域ケアプラザ（地域包括支援センター）と連携します。")
        let recognizer = PartnerRecognizer(lexicon: try Corpus.lexicon(), ward: "戸塚区", documentText: document)
        #expect(recognizer.declarations.map { $0.alias.string } == ["区連会"])
        var text = LogicalText()
        text.append(TextNormalizer.compactScalars("区連会と協力して進めます。"), line: 3, joined: false)
        let mentions = recognizer.mentions(in: text)
        #expect(mentions.map(\.name) == ["戸塚区連合町内会自治会連絡会"])
        #expect(mentions.map(\.surface) == ["区連会"])
    }

    struct Declaration: CustomStringConvertible, Sendable {
        var document: String
        var use: String
        var partner: String
        var ward: String
        var description: String { use }
    }

    /// Short names declared for a name after a legal form, and for one that reads
    /// like a committee of something, still stand for their organisation.
    static let declarations = [
        Declaration(document: "株式会社横浜DeNAベイスターズ（以下「ベイスターズ」）とは、包括連携協定に基づく取組を進めます。",
                    use: "ベイスターズと連携し", partner: "株式会社横浜DeNAベイスターズ", ward: "中区"),
        Declaration(document: "神奈川区区制100周年記念事業実行委員会（以下「実行委員会」）と連携し、機運を高めます。",
                    use: "・実行委員会とともに、プレイベントを行います。", partner: "神奈川区区制100周年記念事業実行委員会", ward: "神奈川区"),
        // Declared in the legal style, without quotes and with という.
        Declaration(document: "港南区連合町内会自治会連絡会（以下、区連会という。）と連携します。",
                    use: "・区連会とともに、見守り活動を進めます。", partner: "港南区連合町内会自治会連絡会", ward: "港南区"),
        Declaration(document: "港南区民生委員児童委員協議会（以下「民児協」という。）と協力します。",
                    use: "民児協と協力し", partner: "港南区民生委員児童委員協議会", ward: "港南区"),
    ]

    @Test(arguments: declarations)
    func aDeclaredShortNameStandsForItsOrganisation(_ d: Declaration) throws {
        let recognizer = PartnerRecognizer(lexicon: try Corpus.lexicon(), ward: d.ward, documentText: TextNormalizer.compactScalars(d.document))
        var text = LogicalText()
        text.append(TextNormalizer.compactScalars(d.use), line: 3, joined: false)
        #expect(recognizer.mentions(in: text).map(\.name) == [d.partner])
    }

    @Test func aSentenceEndIsAHardStop() throws {
        let lines = ["支援します。", "大学と連携します。"].enumerated().map { SourceLine(number: $0 + 1, raw: $1) }
        let text = LogicalText(segment: [0, 1], lines: lines, kinds: LineClassifier.classify(lines))
        #expect(text.scalars.contains(LogicalText.hardStop))
        #expect(PartnerRecognizer(lexicon: try Corpus.lexicon(), ward: "泉区").mentions(in: text).map(\.line) == [2])
    }

    /// A heading that names a kind of body over a text that names its members by
    /// their own words (医療機関 over 医師会 and 病院) names no body besides them; where
    /// the text names the kind itself, it stays.
    @Test func aKindInTheHeadingSpecifiedByItsMembers() throws {
        func partners(_ body: String) throws -> Set<String> {
            let doc = try Variants.extract("""
            令和９年度　港南区運営方針

            Ⅱ　目標達成に向けた施策

            1　安全なまち
            　防災を進めます。

            (1) 医療機関と連携した災害時の医療体制づくり
            　\(body)
            """)
            return Set(doc.edges.filter { $0.type == .partnersWith && $0.from == "m2" }.map(\.to))
        }
        #expect(try partners("港南区医師会や横浜労災病院と、医療救護の訓練を行います。") == ["港南区医師会", "横浜労災病院"])
        #expect(try partners("港南区医師会や区内の医療機関と、医療救護の訓練を行います。") == ["港南区医師会", "医療機関"])
    }
}
