import Testing
@testable import LineEditor

@Suite struct LineRendererTests {
    @Test func shortLineWithTheCursorAtTheEnd() {
        var renderer = LineRenderer()
        let line = "?- ward(泉区)."
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: line.endIndex, width: 80)
            == "\r> ?- ward(泉区).\u{1B}[J")
        #expect(renderer.cursorRow == 0)
    }

    @Test func cursorInsideTheLineMovesBackByDisplayColumns() {
        var renderer = LineRenderer()
        let line = "ward(泉区)"
        let cursor = line.firstIndex(of: ")")!
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: cursor, width: 80)
            == "\r> ward(泉区)\u{1B}[J\r\u{1B}[11C")
    }

    @Test func japanesePromptCountsTwoColumnsPerCharacter() {
        var renderer = LineRenderer()
        let line = "ward"
        #expect(renderer.render(prompt: "泉区> ", buffer: line, cursor: line.startIndex, width: 80)
            == "\r泉区> ward\u{1B}[J\r\u{1B}[6C")
    }

    @Test func coloredPromptEscapesTakeNoColumns() {
        var renderer = LineRenderer()
        let prompt = "\u{1B}[1;32m泉区\u{1B}[0m> "
        let line = "ab"
        #expect(renderer.render(prompt: prompt, buffer: line, cursor: line.startIndex, width: 80)
            == "\r\(prompt)ab\u{1B}[J\r\u{1B}[6C")
    }

    @Test func emptyLine() {
        var renderer = LineRenderer()
        #expect(renderer.render(prompt: "> ", buffer: "", cursor: "".endIndex, width: 80) == "\r> \u{1B}[J")
    }

    @Test func controlCharactersAreDrawnInCaretNotation() {
        var renderer = LineRenderer()
        let line = "a\nb\u{7F}"
        #expect(renderer.render(prompt: "", buffer: line, cursor: line.endIndex, width: 80) == "\ra^Jb^?\u{1B}[J")
        let layout = LineRenderer.layout(prompt: "", buffer: line, cursor: line.endIndex, width: 80)
        #expect(layout.end == ScreenPosition(row: 0, column: 6))
    }

    /// Width 10, prompt "> ": 泉区泉区 fill row 0 exactly (columns 2–9), the rest wraps.
    @Test(arguments: [
        (0, ScreenPosition(row: 0, column: 2)),
        (3, ScreenPosition(row: 0, column: 8)),
        (4, ScreenPosition(row: 1, column: 0)),
        (5, ScreenPosition(row: 1, column: 2)),
        (6, ScreenPosition(row: 1, column: 4)),
    ])
    func cursorOfAWrappedLineWithWideCharacters(_ offset: Int, _ position: ScreenPosition) {
        let line = "泉区泉区泉区"
        let cursor = line.index(line.startIndex, offsetBy: offset)
        let layout = LineRenderer.layout(prompt: "> ", buffer: line, cursor: cursor, width: 10)
        #expect(layout.cursor == position)
        #expect(layout.end == ScreenPosition(row: 1, column: 4))
        #expect(layout.rowCount == 2)
        #expect(!layout.endsAtRowBoundary)
    }

    /// Width 9, prompt "> ": 区 would straddle the row end at column 8, so a space
    /// fills that cell and 区 starts row 1, as terminals draw it.
    @Test func wideCharacterThatDoesNotFitMovesToTheNextRow() {
        var renderer = LineRenderer()
        let line = "泉区泉区x"
        let cursor = line.index(line.startIndex, offsetBy: 3)
        let layout = LineRenderer.layout(prompt: "> ", buffer: line, cursor: cursor, width: 9)
        #expect(layout.cursor == ScreenPosition(row: 1, column: 0))
        #expect(layout.end == ScreenPosition(row: 1, column: 3))
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: cursor, width: 9)
            == "\r> 泉区泉 区x\u{1B}[J\r")
        #expect(renderer.cursorRow == 1)
    }

    @Test func textEndingExactlyAtTheRowEndMovesToTheNextRow() {
        var renderer = LineRenderer()
        let line = "泉区ab"
        let layout = LineRenderer.layout(prompt: "> ", buffer: line, cursor: line.endIndex, width: 8)
        #expect(layout.endsAtRowBoundary)
        #expect(layout.end == ScreenPosition(row: 1, column: 0))
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: line.endIndex, width: 8)
            == "\r> 泉区ab\r\n\u{1B}[J")
        #expect(renderer.cursorRow == 1)
    }

    @Test func redrawGoesBackUpToThePromptRowFirst() {
        var renderer = LineRenderer()
        let line = "abcdefghijklmnopqrstuvwxyz"
        // Width 10: the prompt and 8 letters on row 0, 10 on row 1, 8 on row 2.
        _ = renderer.render(prompt: "> ", buffer: line, cursor: line.endIndex, width: 10)
        #expect(renderer.cursorRow == 2)
        let cursor = line.index(line.startIndex, offsetBy: 9)  // before "j": row 1, column 1
        #expect(renderer.render(prompt: "> ", buffer: line, cursor: cursor, width: 10)
            == "\u{1B}[2A\r> \(line)\u{1B}[J\u{1B}[1A\r\u{1B}[1C")
        #expect(renderer.cursorRow == 1)
        let shorter = "abc"
        #expect(renderer.render(prompt: "> ", buffer: shorter, cursor: shorter.endIndex, width: 10)
            == "\u{1B}[1A\r> abc\u{1B}[J")
        #expect(renderer.cursorRow == 0)
    }

    @Test func japanesePromptWrapsWithTheText() {
        let prompt = "横浜市泉区> "   // 12 columns
        let line = "ward(泉区)"      // 10 columns
        let layout = LineRenderer.layout(prompt: prompt, buffer: line, cursor: line.startIndex, width: 11)
        // "横浜市泉区" is 10 columns, ">" is column 10, " " wraps to row 1.
        #expect(layout.cursor == ScreenPosition(row: 1, column: 1))
        #expect(layout.end == ScreenPosition(row: 2, column: 0))
        #expect(layout.endsAtRowBoundary)
    }

    @Test func finalRenderEndsTheLine() {
        var renderer = LineRenderer()
        let line = "ward"
        _ = renderer.render(prompt: "> ", buffer: line, cursor: line.startIndex, width: 80)
        #expect(renderer.renderFinal(prompt: "> ", buffer: line, width: 80, suffix: "^C") == "\r> ward\u{1B}[J^C\r\n")
        #expect(renderer.cursorRow == 0)
    }

    @Test func completionListInColumns() {
        let list = CompletionList.format(["ward", "wardOffice", "ward_name", "泉区", "泉町"], width: 30)
        // Column width 12 ("wardOffice" + 2); 2 columns fit in 30; 3 rows, down then across.
        #expect(list == "ward        泉区\r\nwardOffice  泉町\r\nward_name\r\n")
        #expect(CompletionList.format(["a", "b"], width: 80) == "a  b\r\n")
        #expect(CompletionList.format([], width: 80) == "")
    }
}
