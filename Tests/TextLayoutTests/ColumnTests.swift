import Testing
import TextLayout

@Suite struct ColumnTests {
    static let line = "?- ward(泉区), bogus."

    @Test(arguments: [(0, 0), (3, 3), (8, 8), (9, 10), (10, 12), (13, 15), (100, 21)])
    func columnOfCharacterOffset(_ offset: Int, _ column: Int) {
        #expect(Self.line.displayColumn(ofCharacterOffset: offset) == column)
    }

    @Test func columnOfIndex() {
        let line = Self.line
        #expect(line.displayColumn(of: line.firstIndex(of: "b")!) == 15)
        #expect(line.displayColumn(of: line.firstIndex(of: "区")!) == 10)
        #expect(line.displayColumn(of: line.endIndex) == 21)
    }

    @Test func indexInsideAClusterCountsAsItsStart() {
        let line = "aか\u{3099}b"
        let mark = line.unicodeScalars.firstIndex(of: "\u{3099}")!
        #expect(line.displayColumn(of: mark) == 1)
        #expect(line.displayColumn(of: line.firstIndex(of: "b")!) == 3)
    }

    @Test(arguments: [
        ("?- ward(泉区), bogus.", 13..<18, String(repeating: " ", count: 15) + "^^^^^"),
        ("?- ward(泉区).", 8..<10, "        ^^^^"),
        ("?- ward(泉区).", 11..<11, String(repeating: " ", count: 13) + "^"),
        ("\tward(泉区)", 1..<5, "\t^^^^"),
        ("ｱｲｳ x", 4..<5, "    ^"),
        ("か\u{3099}か\u{3099}x", 2..<3, "    ^"),
    ])
    func caretLine(_ line: String, _ offsets: Range<Int>, _ expected: String) {
        #expect(line.caretLine(underCharacters: offsets) == expected)
    }
}
