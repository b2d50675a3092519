import Testing
import TextLayout

@Suite struct PaddingTests {
    @Test(arguments: [
        ("泉区", 6, TextAlignment.left, "泉区  "),
        ("泉区", 6, .right, "  泉区"),
        ("泉区", 7, .center, " 泉区  "),
        ("ward", 6, .left, "ward  "),
        ("42", 5, .right, "   42"),
        ("か\u{3099}", 3, .left, "か\u{3099} "),
        ("ｱｲ", 4, .left, "ｱｲ  "),
        ("港北区役所", 4, .left, "港北区役所"),
        ("", 2, .left, "  "),
    ])
    func padded(_ text: String, _ width: Int, _ alignment: TextAlignment, _ expected: String) {
        #expect(text.padded(toWidth: width, alignment: alignment) == expected)
    }

    @Test(arguments: [
        ("港北区役所", 7, "港北区…"),
        ("港北区役所", 6, "港北… "),
        ("泉区", 7, "泉区   "),
        ("泉区", 1, "…"),
        ("泉区", 0, ""),
        ("abcdef", 4, "abc…"),
    ])
    func fittedIsAlwaysExactlyTheWidth(_ text: String, _ width: Int, _ expected: String) {
        let fitted = text.fitted(toWidth: width)
        #expect(fitted == expected)
        #expect(fitted.displayWidth == width)
    }
}

@Suite struct TruncationTests {
    @Test(arguments: [
        ("戸塚区役所", 10, "…", "戸塚区役所"),
        ("戸塚区役所", 9, "…", "戸塚区役…"),
        ("戸塚区役所", 7, "…", "戸塚区…"),
        ("戸塚区役所", 6, "…", "戸塚…"),
        ("ward(泉区)", 6, "...", "war..."),
        ("ward(泉区)", 8, "…", "ward(泉…"),
        ("ward(泉区)", 9, "…", "ward(泉…"),
        ("が\u{3099}がが", 3, "…", "が\u{3099}…"),
        ("か\u{3099}き\u{3099}く\u{3099}", 5, "…", "か\u{3099}き\u{3099}…"),
        ("👍👍👍", 4, "…", "👍…"),
        ("ｱｲｳｴｵ", 3, "…", "ｱｲ…"),
        ("abc", 2, "...", "ab"),
        ("abc", 0, "…", ""),
    ])
    func truncated(_ text: String, _ width: Int, _ ellipsis: String, _ expected: String) {
        let result = text.truncated(toWidth: width, ellipsis: ellipsis)
        #expect(result == expected)
        #expect(result.displayWidth <= width)
    }

    @Test func combiningMarkIsNeverSeparatedFromItsBase() {
        let text = String(repeating: "か\u{3099}", count: 5)
        for width in 0...10 {
            let result = text.truncated(toWidth: width, ellipsis: "")
            #expect(result.unicodeScalars.count % 2 == 0, "width \(width): \(result.debugDescription)")
        }
    }
}

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

@Suite struct WrappingTests {
    @Test(arguments: [
        ("the ward office of Izumi", 12, ["the ward", "office of", "Izumi"]),
        ("横浜市泉区の区役所は和泉町にあります。", 10, ["横浜市泉区", "の区役所は", "和泉町にあ", "ります。"]),
        ("区役所は、和泉町にあります。", 8, ["区役所", "は、和泉", "町にあり", "ます。"]),
        ("「泉区」の人口", 6, ["「泉", "区」の", "人口"]),
        ("ward(泉区) and ward(栄区)", 12, ["ward(泉区)", "and ward(栄", "区)"]),
        ("supercalifragilistic", 8, ["supercal", "ifragili", "stic"]),
        ("泉区", 1, ["泉", "区"]),
        ("one\n\ntwo", 10, ["one", "", "two"]),
        ("", 10, [""]),
        ("ｱｲｳｴｵｶｷｸｹｺ", 4, ["ｱｲｳｴ", "ｵｶｷｸ", "ｹｺ"]),
    ])
    func wrapped(_ text: String, _ width: Int, _ expected: [String]) {
        let lines = text.wrapped(toWidth: width)
        #expect(lines == expected)
    }

    @Test(arguments: [5, 7, 10, 13])
    func wrappedLinesNeverExceedTheWidth(_ width: Int) {
        let text = "?- ward(泉区), policy(P, \"ごみの分別\"), 👍👍 ｱｲｳｴｵ か\u{3099}き\u{3099}く\u{3099}け\u{3099}"
        for line in text.wrapped(toWidth: width) {
            #expect(line.displayWidth <= width, "\(line.debugDescription)")
        }
        #expect(text.wrapped(toWidth: width).joined().filter { $0 != " " } == text.filter { $0 != " " })
    }
}

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
