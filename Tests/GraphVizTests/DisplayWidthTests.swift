import Testing
@testable import GraphViz

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("abc", 3),
        ("旭区", 4),
        ("あア", 4),
        ("ｱｲｳ", 3),  // half-width katakana
        ("ＡＢ", 4),  // full-width Latin
        ("한국", 4),
        ("、。・「」", 10),
        ("①※○■→…", 12),  // ambiguous width, full-width in a Japanese font
        ("e\u{301}", 1),  // combining accent adds nothing
        ("か\u{3099}", 2),
        ("😀", 2),
        ("👨‍👩‍👧", 2),  // one ZWJ sequence
        ("🇯🇵", 2),
        ("❤️", 2),  // text-default symbol with emoji presentation selector
        ("a\u{200B}b", 2),  // zero-width space
        ("𠮷", 2),  // CJK extension B
        ("旭区 Asahi", 10),
    ])
    func columns(text: String, expected: Int) {
        #expect(DisplayWidth.columns(of: text) == expected)
    }
}
