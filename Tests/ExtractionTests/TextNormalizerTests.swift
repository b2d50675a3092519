import Foundation
import Testing
@testable import Extraction

/// The normal forms of a line, and the fast paths that skip Foundation: they must
/// agree with Foundation's NFKC on every scalar they handle.
@Suite struct TextNormalizerTests {
    @Test func fastPathsAgreeWithFoundationNFKC() {
        var checked = 0
        for v in UInt32(0x20)...UInt32(0xFFEF) {
            guard let s = Unicode.Scalar(v) else { continue }
            let handled = ScalarClass.isNFKCInert(s) || (0xFF01...0xFF5E).contains(v) || v == 0x3000 || v == 0x2026
                || (0x2160...0x216F).contains(v) || (0x2460...0x2473).contains(v)
            guard handled else { continue }
            let text = "あ" + String(Character(s)) + "漢"
            let expected = text.precomposedStringWithCompatibilityMapping
            #expect(TextNormalizer.nfkc(text) == expected, "U+\(String(v, radix: 16, uppercase: true))")
            checked += 1
        }
        #expect(checked > 25_000)
    }

    @Test func decomposedKanaIsComposed() {
        #expect(TextNormalizer.nfkc("か\u{3099}") == "が")
        #expect(TextNormalizer.display("ｶﾞｲﾄﾞ") == "ガイド")
    }

    @Test(arguments: [
        ("  ⾼齢者の⽀援 ", "高齢者の支援"),
        ("⺠間企業と⻘少年", "民間企業と青少年"),
        ("令和７年度　港南区", "令和7年度 港南区"),
        ("港 南 区 運 営 方 針", "港南区運営方針"),
        ("ア　地 域 の 防 災 力", "ア 地域の防災力"),
        ("（１） 地 域 の 防 災 力", "（1） 地域の防災力"),
        ("2 0 2 7 年 の 開 催", "2027年の開催"),
        ("ア ー ト の ま ち", "アートのまち"),
        ("区制 40 周年や", "区制 40 周年や"),
        ("｢まごころ｣あふれる", "「まごころ」あふれる"),
        ("信頼される区役所づくり ～チーム泉～", "信頼される区役所づくり ～チーム泉～"),
        ("①災害に強い", "①災害に強い"),
        ("ＧＲＥＥＮ×ＥＸＰＯ　２０２７", "GREEN×EXPO 2027"),
    ])
    func displayFormNormalisesCompatibilityCharactersOnly(raw: String, display: String) {
        #expect(TextNormalizer.display(raw) == display)
    }

    @Test func zeroWidthSpacesAreDropped() {
        #expect(TextNormalizer.display("港南\u{200B}区") == "港南区")
        #expect(TextNormalizer.display("\u{200B} 地域 \u{200B} 防災\u{200B}") == "地域 防災")
        #expect(TextNormalizer.display("ｶ\u{200B}ﾞｲﾄﾞ") == "ガイド")
    }

    @Test func keysIgnoreWidthAndSpacing() {
        #expect(TextNormalizer.key("第３期健康横浜２１ の推進") == TextNormalizer.key("第3期健康横浜21の推進"))
        #expect(TextNormalizer.key("Ⅲ ＧＲＥＥＮ × ＥＸＰＯ") == "IIIGREEN×EXPO")
        #expect(TextNormalizer.key("④") == "4")
    }

    @Test func scalarsBecomeTheSameString() {
        let text = "泉区 GREEN×EXPO 2027 𠮷 ～"
        #expect(Array(text.unicodeScalars).string == text)
    }
}
