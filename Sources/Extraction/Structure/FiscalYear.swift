/// Japanese fiscal years in era notation: `令和７年度` → `令和7年度`.
enum FiscalYear {
    /// The first fiscal year at or after `index` in NFKC text: its range and its
    /// normalised spelling (ASCII digits; 元年 kept as written).
    static func parse(_ text: [Unicode.Scalar], from index: Int) -> (start: Int, end: Int, text: String)? {
        var i = Swift.max(index, 0)
        while i + 4 <= text.count {
            if text.matches(reiwa, at: i) || text.matches(heisei, at: i) {
                var j = i + 2
                while j < text.count, text[j] == " " { j += 1 }
                var digits: [Unicode.Scalar] = []
                if j < text.count, text[j] == "元" {
                    digits = ["元"]
                    j += 1
                } else {
                    while j < text.count, ScalarClass.isASCIIDigit(text[j]), digits.count < 2 { digits.append(text[j]); j += 1 }
                }
                while j < text.count, text[j] == " " { j += 1 }
                if !digits.isEmpty, text.matches(nendo, at: j) {
                    let era = Array(text[i..<(i + 2)]).string
                    return (i, j + 2, era + digits.string + "年度")
                }
            }
            i += 1
        }
        return nil
    }

    private static let reiwa = S("令和"), heisei = S("平成"), nendo = S("年度")
}
