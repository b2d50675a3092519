import Testing
import TextLayout

@Suite struct DisplayWidthTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let width: Int
        let why: String
        var testDescription: String { "\(why): \(text.debugDescription) = \(width)" }
    }

    static let strings: [Case] = [
        Case(text: "", width: 0, why: "empty"),
        Case(text: "ward", width: 4, why: "ASCII"),
        Case(text: "泉区", width: 4, why: "kanji are East Asian Wide"),
        Case(text: "?- ward(泉区).", width: 14, why: "mixed ASCII and kanji"),
        Case(text: "ひらがなカタカナ", width: 16, why: "hiragana and katakana"),
        Case(text: "ｱｲｳ", width: 3, why: "halfwidth katakana"),
        Case(text: "ﾊﾞ", width: 2, why: "halfwidth katakana with halfwidth voiced mark"),
        Case(text: "２０２４", width: 8, why: "fullwidth digits"),
        Case(text: "ＡＢＣ", width: 6, why: "fullwidth Latin"),
        Case(text: "　", width: 2, why: "ideographic space"),
        Case(text: "か\u{3099}", width: 2, why: "combining dakuten joins its base"),
        Case(text: "が", width: 2, why: "precomposed ga"),
        Case(text: "e\u{301}", width: 1, why: "combining acute accent"),
        Case(text: "a\u{200D}b", width: 2, why: "zero-width joiner between letters"),
        Case(text: "a\u{200B}b", width: 2, why: "zero-width space"),
        Case(text: "葛\u{E0100}", width: 2, why: "ideographic variation selector"),
        Case(text: "👍", width: 2, why: "emoji presentation"),
        Case(text: "👍🏽", width: 2, why: "emoji with skin tone modifier"),
        Case(text: "👨‍👩‍👧", width: 2, why: "ZWJ family sequence"),
        Case(text: "❤️", width: 2, why: "text symbol with VS16"),
        Case(text: "❤", width: 1, why: "text symbol without VS16"),
        Case(text: "🇯🇵", width: 2, why: "flag"),
        Case(text: "1️⃣", width: 2, why: "keycap"),
        Case(text: "a\tb\n", width: 2, why: "control characters"),
        Case(text: "\u{1B}", width: 0, why: "escape"),
        Case(text: "※○", width: 2, why: "East Asian Ambiguous counts narrow"),
        Case(text: "한국어", width: 6, why: "Hangul syllables"),
        Case(text: "\u{1100}\u{1161}\u{11A8}", width: 2, why: "Hangul jamo L+V+T in one cluster"),
        Case(text: "\u{30000}", width: 2, why: "Tertiary Ideographic Plane default-wide"),
    ]

    @Test(arguments: strings)
    func widthOfString(_ c: Case) {
        #expect(DisplayWidth.of(c.text) == c.width)
        #expect(c.text.displayWidth == c.width)
    }

    static let scalars: [(UInt32, Int)] = [
        (0x0061, 1),   // a
        (0x3099, 0),   // combining dakuten
        (0xFE0F, 0),   // variation selector-16
        (0x200D, 0),   // zero-width joiner
        (0x0000, 0),   // NUL
        (0x007F, 0),   // DEL
        (0x0085, 0),   // NEXT LINE (C1 control)
        (0x00AD, 1),   // soft hyphen, shown by terminals
        (0x1160, 0),   // Hangul medial vowel filler
        (0x6CC9, 2),   // 泉
        (0xFF71, 1),   // ｱ halfwidth katakana
        (0xFF12, 2),   // ２ fullwidth digit
        (0x1F600, 2),  // 😀
        (0x1F3FD, 2),  // skin tone modifier on its own
        (0x10FFFF, 1), // unassigned, outside the default-wide blocks
    ]

    @Test(arguments: scalars)
    func widthOfScalar(_ value: UInt32, _ width: Int) {
        #expect(DisplayWidth.of(Unicode.Scalar(value)!) == width)
    }

    @Test func characterWidthMatchesStringWidthForOneCluster() {
        for text in ["が", "か\u{3099}", "👨‍👩‍👧", "🇯🇵", "ｱ", "e\u{301}"] {
            let character = Character(text)
            #expect(character.displayWidth == text.displayWidth)
        }
    }

    @Test func tablesStateTheirUnicodeVersion() {
        #expect(DisplayWidth.unicodeVersion.split(separator: ".").count == 3)
    }
}
