import Testing
@testable import Extraction

/// Heading markers as they appear in the dumps, raw (full-width digits, compatibility
/// ideographs), with the title the guideline expects.
@Suite struct HeadingParserTests {
    struct Case: CustomStringConvertible, Sendable {
        var raw: String
        var marker: HeadingMarker?
        var title: String?
        var description: String { raw }
    }

    static let cases: [Case] = [
        Case(raw: "１ にぎわいの創出と発信による魅力づくり  ", marker: .number(1), title: "にぎわいの創出と発信による魅力づくり"),
        Case(raw: "２ 区民の皆様とともに育む持続可能な地域づくり", marker: .number(2), title: "区民の皆様とともに育む持続可能な地域づくり"),
        Case(raw: "1. 安心・安全", marker: .number(1), title: "安心・安全"),
        Case(raw: " ４ 誰もが健康で生きがいを感じられる地域の実現！ ", marker: .number(4), title: "誰もが健康で生きがいを感じられる地域の実現！"),
        Case(raw: "施策１ 安全・安心のまちづくり", marker: .keyword("施策", 1), title: "安全・安心のまちづくり"),
        Case(raw: " 施策４ 誰もが元気で健やかに暮らせるまちづくり", marker: .keyword("施策", 4), title: "誰もが元気で健やかに暮らせるまちづくり"),
        Case(raw: "【施策２】子育てにやさしいまちづくり", marker: .keyword("施策", 2), title: "子育てにやさしいまちづくり"),
        Case(raw: "重点施策３ 地域の魅力づくり", marker: .keyword("重点施策", 3), title: "地域の魅力づくり"),
        Case(raw: "○泉区ならではの魅力発信＜中期計画：テーマ 03 戦略５ 政策 26＞  ", marker: .symbol(.circle), title: "泉区ならではの魅力発信"),
        Case(raw: "〇インフラ施設の維持管理＜中期計画：テーマ 03 戦略９ 政策 38＞", marker: .symbol(.circle), title: "インフラ施設の維持管理"),
        Case(raw: "◆ 金沢防災“えん”づくり事業 ～顔の見える防災の輪～ ", marker: .symbol(.diamond), title: "金沢防災“えん”づくり事業 ～顔の見える防災の輪～"),
        Case(raw: "◆安心・安全", marker: .symbol(.diamond), title: "安心・安全"),
        Case(raw: "●地区担当制などによる協働の推進", marker: .symbol(.disc), title: "地区担当制などによる協働の推進"),
        Case(raw: "■ 【新規】子育て応援事業【拡充】", marker: .symbol(.square), title: "子育て応援事業"),
        Case(raw: "①災害に強いまちづくり", marker: .circled(1), title: "災害に強いまちづくり"),
        Case(raw: "④「ひとつプラン港北」（地域福祉保健計画）第5期の策定", marker: .circled(4), title: "「ひとつプラン港北」（地域福祉保健計画）第5期の策定"),
        Case(raw: "（１）地域防災力の向上", marker: .parenthesized(1), title: "地域防災力の向上"),
        Case(raw: "(2) 見守り活動の推進", marker: .parenthesized(2), title: "見守り活動の推進"),
        Case(raw: "⑶ 商店街の活性化", marker: .parenthesized(3), title: "商店街の活性化"),
        Case(raw: "～協働で進めるまちづくり～", marker: .wave, title: "協働で進めるまちづくり"),
        Case(raw: "２－１ 地域防災力の向上", marker: .subNumber(2, 1), title: "地域防災力の向上"),
        Case(raw: "1.3 見守りの推進", marker: .subNumber(1, 3), title: "見守りの推進"),
        Case(raw: "2026-2029年度の計画", marker: nil, title: nil),
        Case(raw: "１ 安全・安心のまちづくり……………… 3", marker: .number(1), title: "安全・安心のまちづくり"),
        Case(raw: "２ 子育てしやすいまち・・・・ 12", marker: .number(2), title: "子育てしやすいまち"),
        Case(raw: "5 信頼される区役所づくり ～チーム泉～", marker: .number(5), title: "信頼される区役所づくり ～チーム泉～"),
        Case(raw: "第３期健康横浜２１の推進", marker: nil, title: nil),
        Case(raw: "2027年３月の開催に向け、区役所窓口やイベント等", marker: nil, title: nil),
        Case(raw: " 18区の中でも人口減少と高齢化が進行している", marker: nil, title: nil),
        Case(raw: "40周年をきっかけに、泉区に対する関心や愛着が高まる", marker: nil, title: nil),
        Case(raw: "3 年間の取組", marker: nil, title: nil),
        Case(raw: "拡 犬の飼い主 マナー啓発", marker: nil, title: nil),
        Case(raw: "【拡】開催地元区として横浜グリーンエクスポ機運醸成", marker: nil, title: nil),
        Case(raw: "・区内農家や地産地消に関する情報", marker: nil, title: nil),
        Case(raw: "２ ", marker: nil, title: nil),
        // Marker families beyond the seeds: a word and a number, katakana counters.
        Case(raw: "【柱１】地域力の強化", marker: .keyword("柱", 1), title: "地域力の強化"),
        Case(raw: "重点取組２　ともに支え合い、健康でいきいきと暮らせるまち", marker: .keyword("重点取組", 2), title: "ともに支え合い、健康でいきいきと暮らせるまち"),
        Case(raw: "視点１ 人と人、地域と地域がつながるまち", marker: .keyword("視点", 1), title: "人と人、地域と地域がつながるまち"),
        Case(raw: "目標3：子どもが育つまち", marker: .keyword("目標", 3), title: "子どもが育つまち"),
        Case(raw: "施策の柱１　誰もが安心して暮らせるまち", marker: .keyword("施策の柱", 1), title: "誰もが安心して暮らせるまち"),
        Case(raw: "（ア） 地 域 防 災 拠 点 の 機 能 強 化", marker: .kana(1), title: "地域防災拠点の機能強化"),
        Case(raw: "(ｲ) 見守りの推進", marker: .kana(2), title: "見守りの推進"),
        Case(raw: "ウ　商店街の活性化", marker: .kana(3), title: "商店街の活性化"),
        Case(raw: "○視点2：地域の防災力の向上", marker: .symbol(.circle), title: "地域の防災力の向上"),
        Case(raw: "令和６年度 南区運営方針", marker: nil, title: nil),
        Case(raw: "テーマ５ 戦略８ 政策３５", marker: nil, title: nil),
        Case(raw: "アンケートを実施します。", marker: nil, title: nil),
        // A colon after the number makes a marker whatever follows; か counts only in か所 / か月.
        Case(raw: "取組４：かながわ支え愛プランの推進", marker: .keyword("取組", 4), title: "かながわ支え愛プランの推進"),
        Case(raw: "２　かわまちづくりの推進", marker: .number(2), title: "かわまちづくりの推進"),
        Case(raw: "３ か所の拠点で開催", marker: nil, title: nil),
        Case(raw: "取組2 か月ごとに開催", marker: nil, title: nil),
        // A trailing citation in any brackets is no part of the title; a gloss is.
        Case(raw: "(1) 地域防災拠点の運営支援と帰宅困難者対策　【中期計画】テーマ５　戦略８　政策３５・３６", marker: .parenthesized(1),
             title: "地域防災拠点の運営支援と帰宅困難者対策"),
        Case(raw: "◆ 防犯の推進〔中期計画2026-2029：テーマ02 戦略2 政策9〕", marker: .symbol(.diamond), title: "防犯の推進"),
        Case(raw: "① 健康づくり（関連計画：第３期健康横浜２１）", marker: .circled(1), title: "健康づくり"),
        Case(raw: "ア　見守りの推進［関連する計画：第４期栄区地域福祉保健計画］", marker: .kana(1), title: "見守りの推進"),
        // Filled and hollow symbols are different families.
        Case(raw: "□ がけ地対策の推進", marker: .symbol(.hollowSquare), title: "がけ地対策の推進"),
        Case(raw: "■ 災害に強いまちづくり", marker: .symbol(.square), title: "災害に強いまちづくり"),
    ]

    @Test(arguments: cases)
    func parsesMarkerAndTitle(_ c: Case) {
        let heading = HeadingParser.parse(TextNormalizer.display(c.raw))
        #expect(heading?.marker == c.marker)
        #expect(heading?.title == c.title)
    }

    @Test func markerTextIsRemovedButReferencesAreKeptForScanning() {
        #expect(HeadingParser.textAfterMarker("○伝統文化の保存＜中期計画：テーマ 04＞") == "伝統文化の保存＜中期計画：テーマ 04＞")
        #expect(HeadingParser.textAfterMarker("拡 福祉避難所の災害対応力向上") == "福祉避難所の災害対応力向上")
    }

    @Test func titlesLoseLabelsReferencesAndFootnoteMarks() {
        #expect(TitleCleaner.clean("【拡】開催地元区として推進") == "開催地元区として推進")
        #expect(TitleCleaner.clean("区独自にがけ地相談会を開催します。【新規】") == "区独自にがけ地相談会を開催します。")
        #expect(TitleCleaner.clean("災害時要援護者※1") == "災害時要援護者")
        #expect(TitleCleaner.strippingWaveDashes("～チーム泉～") == "チーム泉")
    }

    @Test func aTrailingCitationIsCutWhateverItsBrackets() {
        #expect(TitleCleaner.clean("進　【中期計画】テーマ５　戦略８　政策３６") == "進")
        #expect(TitleCleaner.clean("防犯の推進＜中期計画：テーマ 02＞") == "防犯の推進")
        // The plan's name as a gloss in round brackets, closed at once, stays.
        #expect(TitleCleaner.clean("「ひとつプラン港北」（地域福祉保健計画）第5期の策定") == "「ひとつプラン港北」（地域福祉保健計画）第5期の策定")
        #expect(TitleCleaner.clean("中区多文化共生推進事業（なか多文化ひろば）") == "中区多文化共生推進事業（なか多文化ひろば）")
    }

    @Test func theMainPartOfANameEndsBeforeItsSubtitle() {
        #expect(TitleCleaner.mainPart(S("ほどがやhappy子育て~妊娠期からの安心サポート~")).string == "ほどがやhappy子育て")
        #expect(TitleCleaner.mainPart(S("金沢防災えんづくり事業―顔の見える防災の輪―")).string == "金沢防災えんづくり事業")
        #expect(TitleCleaner.mainPart(S("地域の見守り")).string == "地域の見守り")
        #expect(UnmarkedHeadingRule.endsLikeName(S("ほどがやhappy子育て")))
        #expect(!UnmarkedHeadingRule.endsLikeName(S("子育てを支えて")))
    }
}
