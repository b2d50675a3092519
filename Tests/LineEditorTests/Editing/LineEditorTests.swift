import Testing
@testable import LineEditor

@Suite struct LineEditorTests {
    @Test func editingAJapaneseQuery() {
        var editor = LineEditor()
        run([
            EditStep(Key.typing("?- ward(泉区)"), "?- ward(泉区)", 13),
            EditStep([.home], "?- ward(泉区)", 0),
            EditStep([.right, .right, .right], "?- ward(泉区)", 3),
            EditStep([.backspace], "?-ward(泉区)", 2),
            EditStep([.control("e")], "?-ward(泉区)", 12),
            EditStep([.left], "?-ward(泉区)", 11),
            EditStep([.left], "?-ward(泉区)", 9),
            EditStep([.backspace], "?-ward(区)", 7),
            EditStep(Key.typing("栄"), "?-ward(栄区)", 9),
            EditStep([.control("a"), .control("f"), .control("f")], "?-ward(栄区)", 2),
            EditStep([.character(" ")], "?- ward(栄区)", 3),
            EditStep([.control("e"), .control("w")], "?- ", 3),
            EditStep([.control("y")], "?- ward(栄区)", 13),
            EditStep([.control("b"), .control("b"), .control("k")], "?- ward(栄", 10),
            EditStep([.control("u")], "", 0),
        ], on: &editor)
    }

    @Test func combiningMarkJoinsItsBaseAndLeavesWithIt() {
        var editor = LineEditor()
        run([
            EditStep(Key.typing("か"), "か", 2),
            EditStep([.character("\u{3099}")], "か\u{3099}", 2),
            EditStep(Key.typing("x"), "か\u{3099}x", 3),
            EditStep([.left], "か\u{3099}x", 2),
            EditStep([.left], "か\u{3099}x", 0),
            EditStep([.delete], "x", 0),
            EditStep([.control("e"), .character("e"), .character("\u{301}"), .backspace], "x", 1),
        ], on: &editor)
        #expect(editor.cursorCharacterOffset == 1)
    }

    @Test func emojiSequencesAndHalfwidthKana() {
        var editor = LineEditor()
        run([
            EditStep([.paste("👍🏽ｱｲ")], "👍🏽ｱｲ", 4),
            EditStep([.home, .right], "👍🏽ｱｲ", 2),
            EditStep([.backspace], "ｱｲ", 0),
            EditStep([.end, .left, .backspace], "ｲ", 0),
        ], on: &editor)
    }

    @Test func movingByWordTreatsKanjiAsLetters() {
        var editor = LineEditor(text: "?- ward(泉区), policy(P)")
        run([
            EditStep([.wordLeft], "?- ward(泉区), policy(P)", 22),
            EditStep([.wordLeft], "?- ward(泉区), policy(P)", 15),
            EditStep([.meta("b")], "?- ward(泉区), policy(P)", 8),
            EditStep([.meta("b")], "?- ward(泉区), policy(P)", 3),
            EditStep([.wordRight], "?- ward(泉区), policy(P)", 7),
            EditStep([.meta("f")], "?- ward(泉区), policy(P)", 12),
            EditStep([.meta("\u{7F}")], "?- ward(), policy(P)", 8),
        ], on: &editor)
    }

    @Test(arguments: [
        (Key.enter, EditAction.submit("泉区")),
        (.control("c"), .interrupt),
        (.control("l"), .clearScreen),
        (.control("z"), .suspend),
        (.character("x"), .continue),
        (.unknown([0x1B, 0x5B, 0x31, 0x35, 0x7E]), .continue),
    ])
    func actions(_ key: Key, _ action: EditAction) {
        var editor = LineEditor(text: "泉区")
        #expect(editor.handle(key) == action)
    }

    @Test func ctrlDEndsInputOnlyOnAnEmptyLine() {
        var editor = LineEditor(text: "ab")
        _ = editor.handle(.home)
        #expect(editor.handle(.control("d")) == .continue)
        #expect(editor.buffer == "b")
        #expect(editor.handle(.control("d")) == .continue)
        #expect(editor.buffer == "")
        #expect(editor.handle(.control("d")) == .endOfInput)
    }

    @Test func editsAtTheEdgesDoNothing() {
        var editor = LineEditor(text: "泉")
        run([
            EditStep([.right, .delete], "泉", 2),
            EditStep([.home, .left, .backspace], "泉", 0),
            EditStep([.control("u"), .control("w")], "泉", 0),
            EditStep([.control("y")], "泉", 0),
        ], on: &editor)
    }

    @Test func unknownKeysAreIgnored() {
        var editor = LineEditor(text: "ward")
        run([
            EditStep([.insert, .pageUp, .pageDown, .escape, .control("t"), .unknown([1, 2])], "ward", 4),
        ], on: &editor)
    }
}
