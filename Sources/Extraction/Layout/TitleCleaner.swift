/// Removal of what surrounds a heading's title: status labels (拡, 【新規】), trailing
/// plan references (＜中期計画：テーマ 03＞, `【中期計画】テーマ５ 戦略８`,
/// `〔関連計画：…〕`), footnote marks (※1) and wave dashes.
///
/// The guideline's title is "the heading text without its marker and without
/// trailing plan references"; labels are layout, not part of the name either.
enum TitleCleaner {
    /// The cleaned title: labels, trailing tags and references removed, spaces collapsed.
    static func clean(_ text: String) -> String {
        var s = strippingTrailingCitation(strippingLeadingLabels(text))
        var changed = true
        while changed {
            changed = false
            let t = strippingTrailingGroup(s)
            if t != s { s = t; changed = true }
        }
        return s.trimmingSpaces()
    }

    /// Leading status labels: `【拡】`, `【新規】`, or one label kanji and a space (`拡 `).
    static func strippingLeadingLabels(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first == "【" || labelKanji.contains(first) || ScalarClass.isWhitespace(first)
        else { return text }
        var scalars = Array(text.trimmingSpaces().unicodeScalars)
        while true {
            if scalars.first == "【", let close = scalars.firstIndex(of: "】"), close <= 6,
               labelWords.contains(Array(scalars[1..<close]).string) {
                scalars.removeSubrange(0...close)
            } else if scalars.count > 2, labelKanji.contains(scalars[0]), scalars[1] == " " {
                scalars.removeSubrange(0...1)
            } else {
                break
            }
            while scalars.first == " " { scalars.removeFirst() }
        }
        return scalars.string
    }

    /// `～チーム泉～` → `チーム泉`: one wave dash removed from each end.
    static func strippingWaveDashes(_ text: String) -> String {
        var scalars = Array(text.trimmingSpaces().unicodeScalars)
        if let first = scalars.first, waveDashes.contains(first) { scalars.removeFirst() }
        if let last = scalars.last, waveDashes.contains(last) { scalars.removeLast() }
        return scalars.string.trimmingSpaces()
    }

    static let waveDashes: Set<Unicode.Scalar> = ["～", "〜", "~"]

    /// A name without the subtitle it ends with between two dashes
    /// (`ほどがやhappy子育て～妊娠期からの安心サポート～` → `ほどがやhappy子育て`): the
    /// part that must end like a name. The whole when there is no such subtitle.
    static func mainPart(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.count > 3, let last = s.last, subtitleDashes.contains(last),
              let open = s[..<(s.count - 2)].lastIndex(where: { subtitleDashes.contains($0) }), open > 0 else { return s }
        var main = Array(s[..<open])
        while main.last == " " { main.removeLast() }
        return main.isEmpty ? s : main
    }

    private static let subtitleDashes: Set<Unicode.Scalar> = ["～", "〜", "~", "―", "—"]

    /// Labels that mark a measure as new or extended; never part of its name.
    static let labelWords: Set<String> = ["拡", "拡充", "拡大", "新", "新規", "新規事業", "重点", "継続", "再掲", "改", "充実", "充", "強化"]
    static let labelKanji: Set<Unicode.Scalar> = ["拡", "新", "充", "改", "継", "重", "再"]

    /// One trailing group removed: `【新規】`, `※1`, `＜…＞` or `<…>` at the end, or a
    /// table of contents' leader and page number (`……3`, `・・・ 12`).
    private static func strippingTrailingGroup(_ text: String) -> String {
        var scalars = Array(text.trimmingSpaces().unicodeScalars)
        guard let last = scalars.last else { return text }
        if ScalarClass.isASCIIDigit(last) {
            var i = scalars.count
            while i > 0, ScalarClass.isASCIIDigit(scalars[i - 1]) || scalars[i - 1] == " " { i -= 1 }
            var j = i
            while j > 0, leaders.contains(scalars[j - 1]) { j -= 1 }
            if i - j >= 2, j > 0 {
                scalars.removeSubrange(j...)
                return scalars.string
            }
        }
        if let open = trailingBrackets[last], let start = scalars.lastIndex(of: open), start > 0 {
            let inner = Array(scalars[(start + 1)..<(scalars.count - 1)]).string
            // 【…】 only when it is a short label; ＜…＞ always (a plan reference or a caption).
            if last != "】" || inner.unicodeScalars.count <= 6 {
                scalars.removeSubrange(start...)
                return scalars.string
            }
        }
        // A footnote's marker: ※1, ＊1, *1, 注1, or one of them in round brackets.
        var end = scalars.count
        if last == ")" || last == "）" { end -= 1 }
        var digits = end
        while digits > 0, end - digits < 3, ScalarClass.isASCIIDigit(scalars[digits - 1]) || ("０"..."９").contains(scalars[digits - 1]) {
            digits -= 1
        }
        let mark = digits - 1
        if digits < end, mark > 0, scalars[mark] == "※" || scalars[mark] == "＊" || scalars[mark] == "*" || scalars[mark] == "注" {
            let open = mark - 1
            let bracketed = end < scalars.count && (scalars[open] == "(" || scalars[open] == "（")
            if end == scalars.count || bracketed {
                scalars.removeSubrange((bracketed ? open : mark)...)
                return scalars.string
            }
        }
        return text
    }

    /// The text before a plan citation that ends a heading, whatever its brackets:
    ///
    ///     …帰宅困難者対策　【中期計画】テーマ５　戦略８　政策３５・３６   (label in 【】, citation after it)
    ///     …の推進〔中期計画2026-2029：テーマ05 戦略8 政策35〕              (citation inside the brackets)
    ///     …の推進（関連計画：第３期健康横浜２１）
    ///
    /// The label is a word for a plan (it ends in 計画) right after the opening bracket,
    /// and a separator, a number or a term follows it inside the brackets; 【】 and ［］
    /// may also close at once, with the citation after them. A plan's name given as a
    /// gloss (`「ひとつプラン港北」（地域福祉保健計画）第5期の策定`) is closed right
    /// after the name, in round brackets, and stays in the title.
    static func strippingTrailingCitation(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        guard s.count > 6, s.contains("計") else { return text }
        for i in 1..<(s.count - 3) where citationOpeners.contains(s[i]) {
            guard let labelEnd = citationLabelEnd(s, from: i + 1) else { continue }
            let labelClosed = labelEnd < s.count && closingBrackets.contains(s[labelEnd])
            let squareOpener = s[i] == "【" || s[i] == "［" || s[i] == "["
            guard labelClosed ? squareOpener && labelEnd + 1 < s.count : true else { continue }
            let before = Array(s[..<i]).string.trimmingSpaces()
            if before.unicodeScalars.contains(where: ScalarClass.isLetter) { return before }
        }
        return text
    }

    /// The index after a citation label (`中期計画`, `関連計画`, `関連する計画`) that starts
    /// at `j`, when one does and something follows it.
    private static func citationLabelEnd(_ s: [Unicode.Scalar], from j: Int) -> Int? {
        var k = j
        while k < s.count, k - j < 10, ScalarClass.isKanji(s[k]) || ScalarClass.isKatakana(s[k]) || ScalarClass.isHiragana(s[k]) {
            k += 1
        }
        guard k - j >= 3, k < s.count, s[k - 1] == "画", s[k - 2] == "計" else { return nil }
        return k
    }

    private static let citationOpeners: Set<Unicode.Scalar> = ["【", "［", "[", "〔", "（", "(", "＜", "<", "《", "〈"]
    private static let closingBrackets: Set<Unicode.Scalar> = ["】", "］", "]", "〕", "）", ")", "＞", ">", "》", "〉"]

    /// What leads from a table of contents' entry to its page number.
    private static let leaders: Set<Unicode.Scalar> = ["…", "‥", ".", "・", "･", " ", "　"]
    /// Closing brackets of a trailing group and their opening ones.
    private static let trailingBrackets: [Unicode.Scalar: Unicode.Scalar] = ["】": "【", "＞": "＜", ">": "<", "≫": "≪", "》": "《"]
}

extension String {
    /// The string without leading and trailing spaces (display text has no other white space).
    func trimmingSpaces() -> String {
        guard let f = unicodeScalars.first, let l = unicodeScalars.last else { return self }
        if !ScalarClass.isWhitespace(f) && !ScalarClass.isWhitespace(l) { return self }
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, ScalarClass.isWhitespace(scalars[start]) { start += 1 }
        while end > start, ScalarClass.isWhitespace(scalars[end - 1]) { end -= 1 }
        if start == 0 && end == scalars.count { return self }
        return Array(scalars[start..<end]).string
    }
}
