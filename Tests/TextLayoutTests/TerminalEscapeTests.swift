import Testing
import TextLayout

@Suite struct TerminalEscapeTests {
    @Test(arguments: [
        ("\u{1B}[1;32m泉区\u{1B}[0m> ", "泉区> "),
        ("\u{1B}]0;title\u{07}ward", "ward"),
        ("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("plain", "plain"),
    ])
    func stripped(_ text: String, _ expected: String) {
        #expect(text.withoutTerminalEscapes == expected)
    }
}
