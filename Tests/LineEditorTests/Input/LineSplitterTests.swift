import Testing
@testable import LineEditor

@Suite struct LineSplitterTests {
    @Test func linesArriveAsTheyComplete() {
        var splitter = LineSplitter()
        splitter.append(Array("?- ward(泉".utf8))
        #expect(splitter.nextLine() == nil)
        splitter.append(Array("区).\nhelp\r\n\nlast".utf8))
        #expect(splitter.nextLine() == "?- ward(泉区).")
        #expect(splitter.nextLine() == "help")
        #expect(splitter.nextLine() == "")
        #expect(splitter.nextLine() == nil)
        #expect(splitter.finish() == "last")
        #expect(splitter.finish() == nil)
    }

    @Test func aUTF8CharacterSplitAcrossReadsIsKept() {
        var splitter = LineSplitter()
        let bytes = Array("泉区\n".utf8)
        splitter.append(bytes[..<1])
        #expect(splitter.nextLine() == nil)
        splitter.append(bytes[1...])
        #expect(splitter.nextLine() == "泉区")
    }

    @Test func invalidUTF8IsReplaced() {
        var splitter = LineSplitter()
        splitter.append([0x61, 0xFF, 0x62, 0x0A, 0xE6, 0xB3])
        #expect(splitter.nextLine() == "a\u{FFFD}b")
        #expect(splitter.finish() == "\u{FFFD}")
    }

    @Test func byteOrderMarkAtTheStartIsDropped() {
        var splitter = LineSplitter()
        splitter.append([0xEF, 0xBB, 0xBF] + Array("help\n\u{FEFF}x\n".utf8))
        #expect(splitter.nextLine() == "help")
        #expect(splitter.nextLine() == "\u{FEFF}x")
    }

    @Test func endOfInputWithoutALastLine() {
        var splitter = LineSplitter()
        splitter.append(Array("a\n".utf8))
        #expect(splitter.nextLine() == "a")
        #expect(splitter.finish() == nil)
    }
}
