import Testing
@testable import TextLayout

/// A long line is shown as a window around the caret, and the caret still stands
/// under the character the column names.
@Suite struct SourceDiagnosticTests {
    @Test func aLongLineIsClippedAroundTheCaret() {
        let line = String(repeating: "a", count: 5_000) + "泉" + String(repeating: "b", count: 5_000)
        let diagnostic = SourceDiagnostic(.error, "here", file: "f.dl", line: 3, column: 5_001, lineText: line)
        #expect(diagnostic.lineTextStartColumn == 5_001 - 60)
        #expect(diagnostic.lineTextIsCut)
        #expect((diagnostic.lineText?.count ?? 0) <= SourceDiagnostic.maxLineLength)
        let rendered = diagnostic.rendered().split(separator: "\n").map(String.init)
        #expect(rendered[0] == "f.dl:3:5001: error: here")
        #expect(rendered[1].hasPrefix(" 3 | …aaa"))
        #expect(rendered[1].hasSuffix("bbb…"))
        // The caret stands under 泉, two columns wide.
        let kanji = DisplayWidth.of(String(rendered[1][..<rendered[1].firstIndex(of: "泉")!]))
        let caret = DisplayWidth.of(String(rendered[2][..<rendered[2].firstIndex(of: "^")!]))
        #expect(kanji == caret)
        #expect(rendered[2].hasSuffix(" ^^"))
    }

    @Test func aShortLineIsShownWhole() {
        let diagnostic = SourceDiagnostic(.error, "here", file: "f.dl", line: 1, column: 4, lineText: "?- 泉区(X).")
        #expect(diagnostic.lineText == "?- 泉区(X).")
        #expect(diagnostic.lineTextStartColumn == 1)
        #expect(diagnostic.rendered() == "f.dl:1:4: error: here\n 1 | ?- 泉区(X).\n   |    ^^")
    }
}
