/// Japanese fiscal years in era notation: `令和７年度` → `令和7年度`; `2026年度` and
/// `R8年度` are read as the era spelling.
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
            if let (year, end) = otherSpelling(text, at: i) { return (i, end, year) }
            i += 1
        }
        return nil
    }

    /// `2026年度` and `R8年度` at `i`, as the era spelling (`令和8年度`; 2019 is 令和元年度,
    /// earlier years are 平成).
    private static func otherSpelling(_ text: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        guard i == 0 || !ScalarClass.isASCIIDigit(text[i - 1]) && !ScalarClass.isASCIILetter(text[i - 1]) else { return nil }
        var j = i
        let abbreviated = text[i] == "R" || text[i] == "r"
        if abbreviated { j += 1 }
        let digitsStart = j
        while j < text.count, ScalarClass.isASCIIDigit(text[j]), j - digitsStart < 4 { j += 1 }
        guard j > digitsStart, text.matches(nendo, at: j), let value = Int(Array(text[digitsStart..<j]).string) else { return nil }
        if abbreviated {
            guard j - digitsStart <= 2, value >= 1 else { return nil }
            return ("令和\(value)年度", j + 2)
        }
        guard j - digitsStart == 4, value >= 1989, value < 2100 else { return nil }
        if value >= 2019 { return (value == 2019 ? "令和元年度" : "令和\(value - 2018)年度", j + 2) }
        return (value == 1989 ? "平成元年度" : "平成\(value - 1988)年度", j + 2)
    }

    private static let reiwa = S("令和"), heisei = S("平成"), nendo = S("年度")
}
