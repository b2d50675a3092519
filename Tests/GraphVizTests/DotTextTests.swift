import Testing
@testable import GraphViz

/// The exact quoted form of awkward text, as labels (escString) and as ids.
@Suite struct DotTextTests {
    static let labels: [(String, String)] = [
        ("plain", #""plain""#),
        ("", #""""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"\"#, #""\\""#),
        (#"a\nb"#, #""a\\nb""#),  // a literal backslash-n stays literal
        (#"\N \G \l"#, #""\\N \\G \\l""#),
        ("line1\nline2", #""line1\nline2""#),
        ("crlf\r\nnext", #""crlf\nnext""#),
        ("cr\rnext", #""cr\nnext""#),
        ("tab\there", #""tab here""#),
        ("bell\u{7}esc\u{1B}[0mnul\u{0}del\u{7F}c1\u{85}x", #""bellesc[0mnuldelc1\nx""#),
        ("ls\u{2028}ps\u{2029}", #""ls\nps\n""#),
        ("<b>bold</b></table>", #""<b>bold</b></table>""#),
        ("{a|b}|<p> -> c", #""{a|b}|<p> -> c""#),
        ("AT&T &lt; &amp;", #""AT&amp;T &amp;lt; &amp;amp;""#),
        ("旭区の施策", #""旭区の施策""#),
    ]

    @Test(arguments: labels.map { (Printable(text: $0.0), $0.1) })
    func quotedLabel(input: Printable, expected: String) {
        #expect(DotText.quotedLabel(input.text) == expected)
    }

    static let ids: [(String, String)] = [
        ("id", #""id""#),
        ("", #""""#),
        (#"a"b"#, #""a\"b""#),
        (#"ends\"#, #""ends\\""#),
        ("two\nlines", #""two\nlines""#),
        ("AT&T", #""AT&T""#),  // ids are not escStrings: no entity escaping
        ("node", #""node""#),
        ("ctl\u{1}\u{1F}", #""ctl""#),
    ]

    @Test(arguments: ids.map { (Printable(text: $0.0), $0.1) })
    func quotedID(input: Printable, expected: String) {
        #expect(DotText.quoted(input.text) == expected)
    }

    @Test func cleaningIsIdempotent() {
        let messy = "a\r\n\tb\u{0}\u{2028}c\u{7F}"
        #expect(DotText.clean(DotText.clean(messy)) == DotText.clean(messy))
    }
}
