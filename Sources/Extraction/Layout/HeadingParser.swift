/// Parsing of heading markers and cleaning of heading titles.
///
/// Works on the display form of a line (see ``TextNormalizer``): full-width digits are
/// already ASCII there, but circled numbers (①, which NFKC would turn into a plain
/// `1`) and Japanese brackets are still intact.
enum HeadingParser {
    /// The heading on `display`, or nil when the line does not start with a marker.
    ///
    ///     parse("１ にぎわいの創出")          → .number(1), "にぎわいの創出"
    ///     parse("○「農」の魅力発信＜中期計画：テーマ 04＞") → .symbol(.circle), "「農」の魅力発信"
    ///     parse("2027年３月の開催に向け")     → nil (a number followed by a counter)
    static func parse(_ display: String) -> Heading? {
        let text = Array(TitleCleaner.strippingLeadingLabels(display).unicodeScalars)
        guard let (marker, start) = marker(of: text) else { return nil }
        if marker == .wave {
            let inner = TitleCleaner.strippingWaveDashes(text.string)
            return inner.isEmpty ? nil : Heading(marker: .wave, title: inner)
        }
        var title = TitleCleaner.clean(Array(text[start...]).string)
        guard title.unicodeScalars.contains(where: ScalarClass.isLetter) else { return nil }
        let titleScalars = Array(title.unicodeScalars)
        if case .keyword = marker {
            // `テーマ１ 戦略２ 政策９`: a citation, not a heading.
            if keywordNumber(in: titleScalars) != nil { return nil }
        } else if let (_, after) = keywordNumber(in: titleScalars), after > 0, after <= titleScalars.count,
                  titleScalars[..<after].contains(where: { $0 == ":" || $0 == "：" }) {
            // `○視点1：地域の防災力`: a prefix before the name, not part of it.
            title = TitleCleaner.clean(Array(titleScalars[after...]).string)
        }
        return Heading(marker: marker, title: title)
    }

    /// The line without its labels and marker but with everything else (trailing plan
    /// references included): the text that is scanned for partners and plans.
    static func textAfterMarker(_ display: String) -> String {
        let text = Array(TitleCleaner.strippingLeadingLabels(display).unicodeScalars)
        guard let (_, start) = marker(of: text) else { return text.string }
        return Array(text[start...]).string
    }

    /// The marker at the start of `text` and the index where the title starts.
    private static func marker(of text: [Unicode.Scalar]) -> (HeadingMarker, Int)? {
        guard let first = text.first else { return nil }
        // 【施策１】, 【柱１】, 【1】: a bracketed marker.
        if first == "【", let close = text.firstIndex(of: "】"), close > 1, close <= 8,
           let (inner, end) = marker(of: Array(text[1..<close])), end == close - 1, inner.isPolicyNumber {
            return (inner, skipSeparators(text, from: close + 1))
        }
        if let n = circledNumber(first) { return (.circled(n), 1) }
        if let n = parenthesizedScalar(first) { return (.parenthesized(n), 1) }
        if let n = numberWithFullStop(first) { return (.number(n), 1) }
        if let symbol = SymbolClass(first) { return (.symbol(symbol), 1) }
        if first == "～" || first == "〜" || first == "~" { return (.wave, 0) }
        if let keyword = keywordNumber(in: text) { return keyword }
        // `ア　…`, `イ．…`: items counted in katakana, without brackets.
        if text.count > 2, let n = kanaOrdinal(first), text[1] == " " || text[1] == "." || text[1] == "．",
           !ScalarClass.isKatakana(text[2]) {
            return (.kana(n), skipSeparators(text, from: 1))
        }
        if first == "(" || first == "（" {
            if text.count > 2, let n = kanaOrdinal(text[1]), text[2] == ")" || text[2] == "）" {
                return (.kana(n), skipSeparators(text, from: 3))
            }
            guard let (n, end) = number(in: text, from: 1), end < text.count, text[end] == ")" || text[end] == "）"
            else { return nil }
            return (.parenthesized(n), end + 1)
        }
        guard let (n, end) = number(in: text, from: 0) else { return nil }
        if end == text.count { return (.number(n), end) }  // inside 【1】
        let separator = text[end]
        if separator == ")" || separator == "）" { return (.parenthesized(n), end + 1) }
        if separator == "-" || separator == "－" || separator == "‐" || separator == "−" || separator == ".",
           let (minor, minorEnd) = number(in: text, from: end + 1), minorEnd < text.count, text[minorEnd] == " " {
            return (.subNumber(n, minor), skipSeparators(text, from: minorEnd))
        }
        // A number is a marker only when something separates it from the title:
        // "18区の中でも" and "40周年" are text.
        guard separator == " " || separator == "." || separator == "．" || separator == "、" else { return nil }
        let start = skipSeparators(text, from: end)
        guard start < text.count, !countsSomething(text, number: end, title: start), !ScalarClass.isASCIIDigit(text[start]) else { return nil }
        return (.number(n), start)
    }

    /// `施策１ `, `重点取組２　`, `視点３：`, `施策の柱１`, `柱1` (inside 【】): a word of one
    /// to six kanji or katakana (an の between kanji allowed), a number, then a
    /// separator or the end. Whether such a family numbers headings at all is decided
    /// by its sequence (1, 2, 3 …) in the structure builder, so the word itself is
    /// not looked up.
    private static func keywordNumber(in text: [Unicode.Scalar]) -> (HeadingMarker, Int)? {
        var i = 0
        while i < text.count, i < 6 {
            let s = text[i]
            let joiningNo = s == "の" && i > 0 && i + 1 < text.count && ScalarClass.isKanji(text[i - 1]) && ScalarClass.isKanji(text[i + 1])
            guard ScalarClass.isKanji(s) || ScalarClass.isKatakana(s) || joiningNo else { break }
            i += 1
        }
        guard i > 0, i < text.count, ScalarClass.isASCIIDigit(text[i]), let (n, end) = number(in: text, from: i) else { return nil }
        let word = Array(text[0..<i]).string
        if end == text.count { return (.keyword(word, n), end) }  // inside 【柱1】
        guard keywordSeparators.contains(text[end]) else { return nil }
        let start = skipSeparators(text, from: end)
        // `施策3 年間…` counts years; `視点１ 人と人…` is a title (a 視点 counts no people).
        guard start < text.count, text[start] == "人" || !countsSomething(text, number: end, title: start) else { return nil }
        return (.keyword(word, n), start)
    }

    private static let keywordSeparators: Set<Unicode.Scalar> = [" ", ":", "：", ".", "．", "、", "】"]

    /// ア → 1, イ → 2, … コ → 10: the katakana used to count items, in gojūon order.
    static func kanaOrdinal(_ s: Unicode.Scalar) -> Int? {
        kanaOrder.firstIndex(of: s).map { $0 + 1 }
    }

    private static let kanaOrder: [Unicode.Scalar] = ["ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ"]

    /// Whether the number ending at `number` counts something (`3 年間`, `2 か所`) rather
    /// than marking the title that starts at `title`: a counter follows it across a
    /// plain space. A colon or a full stop after the number makes it a marker whatever
    /// follows (`取組4：かながわ…`), and か / ヶ count only before the words they form
    /// (か所, ヶ月), so that a title may begin with kana.
    static func countsSomething(_ text: [Unicode.Scalar], number: Int, title: Int) -> Bool {
        guard title < text.count, !text[number..<title].contains(where: { markerStops.contains($0) }) else { return false }
        let c = text[title]
        if kanaCounters.contains(c) {
            return title + 1 < text.count && countedAfterKana.contains(text[title + 1])
        }
        return counters.contains(c)
    }

    /// Units that follow a number in running text (`3 年`, `5 回`).
    private static let counters: Set<Unicode.Scalar> = ["年", "月", "日", "回", "人", "件", "歳", "時", "分", "名", "個", "%", "％", "倍", "万", "億", "円"]
    /// Counters written with a kana or 箇 and the word they form with the next character.
    private static let kanaCounters: Set<Unicode.Scalar> = ["か", "ヶ", "ケ", "カ", "箇", "ヵ"]
    private static let countedAfterKana: Set<Unicode.Scalar> = ["所", "月", "国", "年", "条", "村", "町"]
    /// Separators after which a number is a marker whatever follows.
    private static let markerStops: Set<Unicode.Scalar> = [":", "：", ".", "．"]

    /// A policy number of one or two digits (1…30) at `index`, and the index after it.
    static func number(in text: [Unicode.Scalar], from index: Int) -> (Int, Int)? {
        var i = index
        var value = 0
        while i < text.count, ScalarClass.isASCIIDigit(text[i]), i - index < 2 {
            value = value * 10 + Int(text[i].value - 0x30)
            i += 1
        }
        guard i > index, value >= 1, value <= 30 else { return nil }
        if i < text.count, ScalarClass.isASCIIDigit(text[i]) { return nil }
        return (value, i)
    }

    private static func skipSeparators(_ text: [Unicode.Scalar], from index: Int) -> Int {
        var i = index
        while i < text.count, text[i] == " " || text[i] == "." || text[i] == "．" || text[i] == "、" || text[i] == ":" || text[i] == "：" || text[i] == "】" {
            i += 1
        }
        return i
    }

    /// ① … ⑳, ❶ … ❿, ➀ … ➉, ➊ … ➓, ⓵ … ⓾.
    static func circledNumber(_ s: Unicode.Scalar) -> Int? {
        let v = s.value
        switch v {
        case 0x2460...0x2473: return Int(v - 0x2460) + 1
        case 0x2776...0x277F: return Int(v - 0x2776) + 1
        case 0x2780...0x2789: return Int(v - 0x2780) + 1
        case 0x278A...0x2793: return Int(v - 0x278A) + 1
        case 0x24F5...0x24FE: return Int(v - 0x24F5) + 1
        default: return nil
        }
    }

    /// ⑴ … ⒇ (parenthesized digits).
    static func parenthesizedScalar(_ s: Unicode.Scalar) -> Int? {
        (0x2474...0x2487).contains(s.value) ? Int(s.value - 0x2474) + 1 : nil
    }

    /// ⒈ … ⒛ (digits with full stop), the same marker as `1.`.
    static func numberWithFullStop(_ s: Unicode.Scalar) -> Int? {
        (0x2488...0x249B).contains(s.value) ? Int(s.value - 0x2488) + 1 : nil
    }
}
