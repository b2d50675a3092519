/// Recognisers for the shapes of lines that carry layout rather than content.
enum LineShapes {
    /// `２`, `- 3 -`, `3/10`, `P.4`: a page number alone on its line.
    static func isPageNumber(_ display: String) -> Bool {
        guard display.utf8.count <= 24 else { return false }
        var s = Array(display.unicodeScalars.filter { !ScalarClass.isWhitespace($0) })
        while let f = s.first, pageNumberDashes.contains(f) { s.removeFirst() }
        while let l = s.last, pageNumberDashes.contains(l) { s.removeLast() }
        if s.first == "P" || s.first == "p" { s.removeFirst(); if s.first == "." { s.removeFirst() } }
        guard !s.isEmpty, s.count <= 7 else { return false }
        if let slash = s.firstIndex(of: "/") {
            let a = s[..<slash], b = s[(slash + 1)...]
            return !a.isEmpty && !b.isEmpty && a.count <= 3 && b.count <= 3
                && a.allSatisfy(ScalarClass.isASCIIDigit) && b.allSatisfy(ScalarClass.isASCIIDigit)
        }
        return s.count <= 3 && s.allSatisfy(ScalarClass.isASCIIDigit)
    }

    private static let pageNumberDashes: Set<Unicode.Scalar> = ["-", "－", "‐", "−", "–", "—", "―", "ー"]

    /// A line made only of bracketed captions: `＜ソラトスイベント＞`,
    /// `＜ふれあいまつりでの PR＞ ＜公園愛護会の活動＞`, `≪港南区産野菜の直売会≫`.
    static func isCaption(_ display: String) -> Bool {
        let s = Array(display.unicodeScalars)
        var i = 0
        var groups = 0
        while i < s.count {
            if ScalarClass.isWhitespace(s[i]) { i += 1; continue }
            guard let close = captionBrackets[s[i]], let end = s[(i + 1)...].firstIndex(of: close), end > i + 1 else { return false }
            // `＜中期計画：テーマ01・戦略１・政策１＞`, `＜テーマ02・戦略2・政策10＞` on a line of
            // its own cite plans.
            let inner = Array(s[(i + 1)..<end])
            if inner.contains(planWord) || isLevelNumbers(inner) { return false }
            groups += 1
            i = end + 1
        }
        return groups > 0
    }

    /// `【関連する計画】`, `【参考】各視点と関連する計画`, `関連計画一覧`, `＜各取組と
    /// 中期計画との関係＞`: the heading of a table whose rows give the plans of measures
    /// by their labels or names. The heading ends in the word for plans, a list or a
    /// correspondence (a remark in brackets aside); `【関連計画】新たな…戦略`, which
    /// names a plan after it, is a citation.
    static func isPlanTableHeading(_ key: [Unicode.Scalar]) -> Bool {
        guard key.contains(planWord), planTableWords.contains(where: { key.contains($0) }),
              !key.contains(":"), digitsOnlyNamePolicies(key) else { return false }
        var s = key
        if let last = s.last, closingBrackets.contains(last), let open = s.lastIndex(where: { openingBrackets.contains($0) }), open > 0 {
            s.removeSubrange(open...)  // a remark: （番号は上表の取組番号）
        }
        while let first = s.first, openingBrackets.contains(first) { s.removeFirst() }
        while let last = s.last, closingBrackets.contains(last) { s.removeLast() }
        return planTableEndings.contains { s.hasSuffix($0) }
    }

    /// Whether every number in `key` follows a word for a policy (`施策３の取組と関連する
    ///計画` names the policy whose rows follow); other numbers make a line no title.
    static func digitsOnlyNamePolicies(_ key: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < key.count {
            guard ScalarClass.isASCIIDigit(key[i]) else { i += 1; continue }
            guard policyReference(in: key, endingBefore: i) != nil else { return false }
            while i < key.count, ScalarClass.isASCIIDigit(key[i]) { i += 1 }
        }
        return true
    }

    /// The word for a policy that ends just before `index` (`施策` in `施策3`), if any.
    static func policyReference(in key: [Unicode.Scalar], endingBefore index: Int) -> [Unicode.Scalar]? {
        policyLabelWords.first { word in index >= word.count && Array(key[(index - word.count)..<index]) == word }
    }

    /// The words documents use for their policies, as in `施策3の取組` or `柱２の関連計画`.
    static let policyLabelWords = ["基本目標", "重点取組", "施策", "目標", "視点", "柱"].map(S)

    private static let planWord = S("計画")
    private static let planTableWords = ["関連", "参考", "一覧", "関係", "対応"].map(S)
    private static let planTableEndings = ["計画", "計画等", "計画一覧", "関係", "対応", "対応表", "一覧"].map(S)
    private static let openingBrackets: Set<Unicode.Scalar> = ["【", "(", "[", "<", "〔", "《", "〈", "≪", "«"]
    private static let closingBrackets: Set<Unicode.Scalar> = ["】", ")", "]", ">", "〕", "》", "〉", "≫", "»"]

    /// Opening caption brackets and their closing ones.
    private static let captionBrackets: [Unicode.Scalar: Unicode.Scalar] = ["＜": "＞", "<": ">", "≪": "≫", "《": "》", "〈": "〉", "«": "»"]

    /// `令和７年度` alone on a line.
    static func isFiscalYearOnly(_ key: [Unicode.Scalar]) -> Bool {
        FiscalYear.parse(key, from: 0).map { $0.end == key.count && $0.start == 0 } ?? false
    }

    /// The part header on the line: `Ⅱ 目標達成に向けた施策`, `III 目標達成に向けた組織運営`,
    /// and, when the title is one of the parts' own names, `２ 目標達成に向けた施策` or
    /// `第１ 基本目標` (a document may number its parts like its policies).
    static func partHeader(_ display: String) -> PartKind? {
        let s = Array(display.unicodeScalars)
        guard let first = s.first else { return nil }
        var i = 0
        var roman = true
        if (0x2160...0x2169).contains(first.value) {
            i = 1
        } else if first == "I" || first == "V" || first == "X" {
            while i < s.count, i < 4, s[i] == "I" || s[i] == "V" || s[i] == "X" { i += 1 }
            guard i < s.count, s[i] == " " || s[i] == "." || s[i] == "．" else { return nil }
        } else {
            roman = false
            let ordinal = s[i] == "第"
            if ordinal { i += 1 }
            let digits = i
            while i < s.count, ScalarClass.isASCIIDigit(s[i]), i - digits < 1 { i += 1 }
            // `第２章`, `第２部`: a chapter or a part.
            if ordinal, i > digits, i < s.count, s[i] == "章" || s[i] == "部" { i += 1 }
            guard i > digits, i < s.count, s[i] == " " || s[i] == "." || s[i] == "．" || s[i] == "、" else { return nil }
        }
        while i < s.count, s[i] == " " || s[i] == "." || s[i] == "．" || s[i] == "、" { i += 1 }
        let title = Array(s[i...]).string
        guard title.unicodeScalars.contains(where: { ScalarClass.isKanji($0) || ScalarClass.isHiragana($0) || ScalarClass.isKatakana($0) })
        else { return nil }
        var key = TextNormalizer.key(title)
        // A remark in brackets (`（令和５年４月１日現在）`) is no part of the title.
        if key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex { key = String(key[..<open]) }
        // 組織運営, and the organisation chart that some documents add as a part (組織と窓口).
        if key.contains("組織") && (roman || key.count <= 16) { return .organisation }
        if key.hasPrefix("基本目標") && (roman || key.count <= 8) && !namesPolicies(key) { return .goal }
        // Other names of the part on the ward's aims: 目指す姿, 将来像, 基本理念.
        if goalWords.contains(where: { key.hasPrefix($0) || key.hasSuffix($0) }) && key.count <= 12 { return .goal }
        if key.contains("施策") && (key.hasPrefix("目標達成") || (roman && !key.contains("取組"))) { return .policies }
        // Other names of the part on the policies, when it is numbered like them.
        if policiesTitles.contains(key) { return .policies }
        return roman ? .headline(TitleCleaner.clean(title)) : nil
    }

    /// Whether a part's title speaks of what is done (`重点的な取組`, `令和８年度の主な
    /// 取組`, `基本目標の実現に向けた取組`): the part after the aims under such a title
    /// holds the policies. Met after the policies, a numbered part with such a title is
    /// a headline policy itself (港南区's `Ⅲ GREEN×EXPO 2027に向けた機運醸成の取組等`).
    static func namesPolicies(_ title: String) -> Bool {
        let key = TextNormalizer.key(title)
        return policyWords.contains { key.contains($0) }
    }

    private static let policyWords = ["施策", "取組", "取り組み", "重点", "事業", "方針"]

    private static let goalWords = ["目指す姿", "目指すまちの姿", "めざす姿", "めざすまちの姿", "将来像", "基本理念", "目指す将来像"]
    private static let policiesTitles: Set<String> = ["施策", "区の施策", "主な施策", "重点施策", "具体的な施策", "施策の展開", "施策展開",
                                                       "区の主な施策", "施策の方向"]

    /// `主な取組`, `【主な事業・取組】`, `参考 主な事業・取組`, `主な取組（Ⅱ 目標達成に向けた施策）`.
    static func isKeyInitiativesMarker(_ key: [Unicode.Scalar]) -> Bool {
        keyInitiativesWords.contains { key.contains($0) }
    }

    /// `＜主な取組＞`, `〈主な事業〉`: a key-initiatives heading in caption brackets, the
    /// brackets holding nothing else (a caption `＜主な取組の様子＞` names a photo).
    static func isBracketedKeyInitiatives(_ key: [Unicode.Scalar]) -> Bool {
        guard key.count >= 3, let close = captionBrackets[key[0]], key.last == close else { return false }
        let inner = Array(key[1..<(key.count - 1)])
        return keyInitiativesWords.contains { inner.hasPrefix($0) && inner.count <= $0.count + 3 && !inner.contains("の") }
    }

    private static let keyInitiativesWords = ["主な取組", "主な事業", "主な取り組み", "主要事業", "主要な取組"].map(S)

    /// `関連する中期計画：テーマ 3…`, `【関連計画】新たな…`, `テーマ 5、戦略 8、政策 35`: a line
    /// that cites plans, by a label that ends in 計画 before a colon or a closing
    /// bracket, or by numbered levels alone. It never goes on with a title.
    static func isCitation(_ compact: [Unicode.Scalar]) -> Bool {
        if isLevelNumbers(compact) { return true }
        var i = 0
        while i < compact.count, openingBrackets.contains(compact[i]) { i += 1 }
        let start = i
        while i < compact.count, i - start < 12, ScalarClass.isLetter(compact[i]) { i += 1 }
        var end = i
        if end < compact.count, compact[end] == "等" { end += 1 }
        guard i - start >= 2, compact[i - 2] == "計", compact[i - 1] == "画", end < compact.count else { return false }
        return compact[end] == ":" || compact[end] == "：" || closingBrackets.contains(compact[end]) || isLevelNumbers(Array(compact[end...]))
    }

    /// `政策 10`, `政策 1・2`, `戦略 8、政策 35`: nothing but words with numbers (the levels
    /// of a citation), the rest of a citation wrapped at its column, and never a title.
    static func isLevelNumbers(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        var groups = 0
        while i < s.count {
            // A level's word (テーマ, 戦略, 政策), then its numbers (`1・2`, `31、32`).
            let word = i
            while i < s.count, i - word < 6, ScalarClass.isKanji(s[i]) || ScalarClass.isKatakana(s[i]) { i += 1 }
            guard i > word || groups > 0 else { return false }
            while i < s.count, s[i] == " " { i += 1 }
            let digits = i
            while i < s.count, ScalarClass.isASCIIDigit(s[i]) || (i > digits && levelSeparators.contains(s[i])) { i += 1 }
            guard i > digits else { return false }
            groups += 1
        }
        return groups > 0
    }

    /// What stands between the numbers and levels of a citation.
    private static let levelSeparators: Set<Unicode.Scalar> = ["・", "、", ",", "，", "/", "／", " ", "."]

    /// `・…`, `• …`, `- …`: a bullet.
    static func isBullet(_ display: String) -> Bool {
        let s = Array(display.unicodeScalars)
        guard let first = s.first else { return false }
        if bullets.contains(first) { return true }
        if first == "-" || first == "－" || first == "*" || first == "＊" {
            return s.count > 1 && (s[1] == " " || s[1] == "・")
        }
        return false
    }

    /// Characters that open a bullet line.
    static let bulletMarks: Set<Unicode.Scalar> = ["・", "•", "◦", "‣", "⁃", "‐", "−", "–", "‒", "･", "-", "－", "*", "＊"]
    private static let bullets: Set<Unicode.Scalar> = ["・", "•", "◦", "‣", "⁃", "‐", "−", "–", "‒", "･"]

    static func endsWithWaveDash(_ display: String) -> Bool {
        guard let last = display.unicodeScalars.last else { return false }
        return TitleCleaner.waveDashes.contains(last) && display.unicodeScalars.count > 1
    }
}
