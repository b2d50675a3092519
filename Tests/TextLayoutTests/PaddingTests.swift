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
