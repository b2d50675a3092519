import Testing
@testable import LineEditor

@Suite struct CompletionTests {
    static let completer = WordListCompleter(words: ["ward", "wardOffice", "ward_name", "policy", "泉区", "泉町", "栄区"])

    @Test func oneCandidateIsInserted() {
        var editor = LineEditor(completer: Self.completer, text: "?- pol")
        #expect(editor.handle(.tab) == .continue)
        #expect(editor.buffer == "?- policy")
        #expect(editor.cursorColumn == 9)
    }

    @Test func severalCandidatesInsertTheirCommonPrefixThenASecondTabListsThem() {
        var editor = LineEditor(completer: Self.completer, text: "?- wa")
        #expect(editor.handle(.tab) == .continue)
        #expect(editor.buffer == "?- ward")
        #expect(editor.handle(.tab) == .listCompletions(["ward", "wardOffice", "ward_name"]))
        #expect(editor.buffer == "?- ward")
    }

    @Test func noProgressRingsTheBellThenListsOnTheSecondTab() {
        var editor = LineEditor(completer: Self.completer, text: "?- ward(泉")
        #expect(editor.handle(.tab) == .bell)
        #expect(editor.handle(.tab) == .listCompletions(["泉区", "泉町"]))
    }

    @Test func aKeyBetweenTwoTabsStartsOver() {
        var editor = LineEditor(completer: Self.completer, text: "?- ward(泉")
        #expect(editor.handle(.tab) == .bell)
        editor.handle([.left, .right])
        #expect(editor.handle(.tab) == .bell)
    }

    @Test func completionInTheMiddleOfTheLineKeepsWhatFollows() {
        var editor = LineEditor(completer: Self.completer, text: "?- ward(栄).")
        editor.handle([.left, .left])
        #expect(editor.handle(.tab) == .continue)
        #expect(editor.buffer == "?- ward(栄区).")
        #expect(editor.cursorColumn == 12)
    }

    @Test func nothingToCompleteRingsTheBell() {
        var editor = LineEditor(completer: Self.completer, text: "?- xyz")
        #expect(editor.handle(.tab) == .bell)
        #expect(editor.handle(.tab) == .bell)
        var empty = LineEditor(completer: Self.completer)
        #expect(empty.handle(.tab) == .bell)
        var withoutCompleter = LineEditor(text: "wa")
        #expect(withoutCompleter.handle(.tab) == .bell)
        #expect(withoutCompleter.buffer == "wa")
    }

    @Test func longestCommonPrefixComparesCharacters() {
        #expect(LineEditor.longestCommonPrefix(["泉区", "泉町"]) == "泉")
        #expect(LineEditor.longestCommonPrefix(["か\u{3099}い", "が"]) == "が")
        #expect(LineEditor.longestCommonPrefix(["ward"]) == "ward")
        #expect(LineEditor.longestCommonPrefix(["a", "b"]) == "")
    }

    /// A completer that answers with a fixed completion, to test odd answers.
    struct Fixed: Completer {
        let candidates: [String]
        let replacingLast: Int
        func complete(line: String, cursor: String.Index) -> Completion {
            let start = line.index(cursor, offsetBy: -replacingLast)
            return Completion(candidates: candidates, range: start..<cursor)
        }
    }

    @Test func duplicateCandidatesCountOnce() {
        var editor = LineEditor(completer: Fixed(candidates: ["ward", "ward"], replacingLast: 1), text: "w")
        #expect(editor.handle(.tab) == .continue)
        #expect(editor.buffer == "ward")
    }

    @Test func aCaseChangingCompletionIsApplied() {
        var editor = LineEditor(completer: Fixed(candidates: ["Ward", "WardOffice"], replacingLast: 2), text: "wa")
        #expect(editor.handle(.tab) == .continue)
        #expect(editor.buffer == "Ward")
    }
}
