import Testing
import TextLayout

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
