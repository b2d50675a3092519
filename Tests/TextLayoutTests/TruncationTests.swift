import Testing
import TextLayout

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
