import Testing
@testable import LineEditor

@Suite struct ReverseSearchTests {
    static let history = ["?- ward(泉区).", "?- policy(P).", "?- ward(栄区).", "help"]

    @Test func typingFindsTheNewestMatchAndCtrlRGoesOlder() {
        var editor = LineEditor(history: Self.history, text: "draft")
        _ = editor.handle(.control("r"))
        #expect(editor.search?.prompt == "(reverse-i-search)'': ")
        #expect(editor.buffer == "draft")

        editor.handle(Key.typing("ward"))
        #expect(editor.search?.prompt == "(reverse-i-search)'ward': ")
        #expect(editor.buffer == "?- ward(栄区).")
        #expect(editor.cursorColumn == 3)

        #expect(editor.handle(.control("r")) == .continue)
        #expect(editor.buffer == "?- ward(泉区).")

        #expect(editor.handle(.control("r")) == .bell)
        #expect(editor.search?.prompt == "(failed reverse-i-search)'ward': ")
        #expect(editor.buffer == "?- ward(泉区).")

        #expect(editor.handle(.enter) == .submit("?- ward(泉区)."))
        #expect(editor.search == nil)
    }

    @Test func japaneseQueryPutsTheCursorOnTheMatch() {
        var editor = LineEditor(history: Self.history)
        editor.handle([.control("r")] + Key.typing("泉"))
        #expect(editor.buffer == "?- ward(泉区).")
        #expect(editor.cursorColumn == 8)
        #expect(editor.cursorCharacterOffset == 8)
    }

    @Test func ctrlGAndEscapeRestoreTheLine() {
        for cancel in [Key.control("g"), .escape] {
            var editor = LineEditor(history: Self.history, text: "?- wa")
            editor.handle([.left, .control("r")] + Key.typing("policy"))
            #expect(editor.buffer == "?- policy(P).")
            #expect(editor.handle(cancel) == .continue)
            #expect(editor.search == nil)
            #expect(editor.buffer == "?- wa")
            #expect(editor.cursorColumn == 4)
        }
    }

    @Test func anotherKeyAcceptsTheMatchAndActs() {
        var editor = LineEditor(history: Self.history)
        editor.handle([.control("r")] + Key.typing("栄"))
        #expect(editor.handle(.control("e")) == .continue)
        #expect(editor.search == nil)
        #expect(editor.buffer == "?- ward(栄区).")
        #expect(editor.cursorColumn == 14)
        _ = editor.handle(.backspace)
        #expect(editor.buffer == "?- ward(栄区)")
    }

    @Test func backspaceShortensTheQueryAndSearchesAgain() {
        var editor = LineEditor(history: Self.history)
        editor.handle([.control("r")] + Key.typing("px"))
        #expect(editor.search?.isFailing == true)
        #expect(editor.buffer == "help")
        _ = editor.handle(.backspace)
        #expect(editor.search?.isFailing == false)
        #expect(editor.search?.query == "p")
        #expect(editor.buffer == "help")
        _ = editor.handle(.backspace)
        #expect(editor.search?.query == "")
        #expect(editor.buffer == "")
    }

    @Test func ctrlCCancelsAndInterrupts() {
        var editor = LineEditor(history: Self.history, text: "x")
        editor.handle([.control("r")] + Key.typing("ward"))
        #expect(editor.handle(.control("c")) == .interrupt)
        #expect(editor.search == nil)
        #expect(editor.buffer == "x")
    }
}
