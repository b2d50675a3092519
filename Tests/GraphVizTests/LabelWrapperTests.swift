import Testing
@testable import GraphViz

@Suite struct LabelWrapperTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let width: Int
        var maxLines: Int? = nil
        let lines: [String]
        var testDescription: String { "\(Printable(text: text).testDescription) @\(width)" }
    }

    @Test(arguments: [
        Case(text: "short", width: 12, lines: ["short"]),
        Case(text: "", width: 12, lines: [""]),
        Case(text: "a\n\nb", width: 12, lines: ["a", "", "b"]),
        // Japanese breaks anywhere, but after 、 when that keeps the line at least half full.
        Case(text: "地域の防災力を高め、安全なまちをつくる", width: 12, lines: ["地域の防災力", "を高め、", "安全なまちを", "つくる"]),
        // 、 at the start would leave a 4-column line: break between characters instead.
        Case(text: "旭、横浜市の地域防災拠点", width: 12, lines: ["旭、横浜市の", "地域防災拠点"]),
        Case(text: "防災・減災・復興の取組を進める", width: 12, lines: ["防災・減災・", "復興の取組を", "進める"]),
        // 。 may not start a line: it hangs past the width instead.
        Case(text: "あいうえおか。", width: 12, lines: ["あいうえおか。"]),
        Case(text: "the quick brown fox", width: 10, lines: ["the quick", "brown fox"]),
        Case(text: "abcdefghij", width: 5, lines: ["abcde", "fghij"]),
        Case(text: "ward policy 計画", width: 8, lines: ["ward", "policy", "計画"]),
        Case(text: "😀😀", width: 3, lines: ["😀", "😀"]),
        Case(text: "👨‍👩‍👧👨‍👩‍👧", width: 2, lines: ["👨‍👩‍👧", "👨‍👩‍👧"]),
        Case(text: "あいうえおかき", width: 4, maxLines: 2, lines: ["あい", "うえ…"]),
        Case(text: "あ", width: 0, lines: ["あ"]),
    ])
    func wraps(_ example: Case) {
        #expect(LabelWrapper(width: example.width, maxLines: example.maxLines).lines(example.text) == example.lines)
    }

    static let texts = [
        "誰もが安心して暮らせるよう、地域の見守り・支え合いの仕組みをつくる。",
        "子育て世代が孤立しないように、身近な場所で相談できる体制を整えます",
        "Yokohama City Asahi Ward disaster prevention plan (2024 revision)",
        "旭区 Asahi-ku：地域防災拠点の運営訓練を年2回実施し、避難所開設の手順を確認。",
        String(repeating: "横浜市旭区は、地域の防災力を高め、子育て支援を充実させる。", count: 18),
        "「」『』（）、。、。、。！？",
        "     leading spaces and    runs   of spaces     ",
    ]

    /// No line is wider than asked, except by one hanging punctuation mark or when a
    /// single character is wider; and no text is lost, only spaces at breaks.
    @Test(arguments: texts.map(Printable.init), [2, 3, 8, 12, 24, 40])
    func linesFitAndNothingIsLost(_ sample: Printable, width: Int) {
        let text = sample.text
        let lines = LabelWrapper(width: width).lines(text)
        for line in lines {
            let columns = DisplayWidth.columns(of: line)
            let hangs = line.last.map { LabelWrapper.noLineStart.contains($0) } ?? false
            #expect(columns <= width || line.count == 1 || (hangs && columns - DisplayWidth.columns(of: line.last!) <= width),
                    "\(line.debugDescription) is \(columns) columns at width \(width)")
        }
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }
}
