import Testing
@testable import LineEditor

@Suite struct HistoryNavigationTests {
    static let history = ["?- ward(泉区).", "?- policy(P).", "?- ward(栄区)."]

    @Test func upAndDownWalkTheHistoryAndKeepTheDraft() {
        var editor = LineEditor(history: Self.history)
        run([
            EditStep(Key.typing("?- wa"), "?- wa", 5),
            EditStep([.up], "?- ward(栄区).", 14),
            EditStep([.up], "?- policy(P).", 13),
            EditStep([.control("p")], "?- ward(泉区).", 14),
            EditStep([.down], "?- policy(P).", 13),
            EditStep([.control("n")], "?- ward(栄区).", 14),
            EditStep([.down], "?- wa", 5),
        ], on: &editor)
    }

    @Test func goingPastEitherEndRingsTheBell() {
        var editor = LineEditor(history: Self.history)
        #expect(editor.handle(.down) == .bell)
        editor.handle([.up, .up, .up])
        #expect(editor.handle(.up) == .bell)
        #expect(editor.buffer == "?- ward(泉区).")
        var empty = LineEditor()
        #expect(empty.handle(.up) == .bell)
    }

    @Test func aRecalledEntryCanBeEditedAndSubmitted() {
        var editor = LineEditor(history: Self.history)
        editor.handle([.up, .left, .left, .left, .backspace])
        editor.handle(Key.typing("港北"))
        #expect(editor.handle(.enter) == .submit("?- ward(港北区)."))
    }
}
