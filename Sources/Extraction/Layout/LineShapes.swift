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

    private static let pageNumberDashes: Set<Unicode.Scalar> = ["-", "－", "‐", "−", "–", "—"]

    /// A line made only of bracketed captions: `＜ソラトスイベント＞`,
    /// `＜ふれあいまつりでの PR＞ ＜公園愛護会の活動＞`, `≪港南区産野菜の直売会≫`.
    static func isCaption(_ display: String) -> Bool {
        let s = Array(display.unicodeScalars)
        var i = 0
        var groups = 0
        while i < s.count {
            if ScalarClass.isWhitespace(s[i]) { i += 1; continue }
            guard let close = captionBrackets[s[i]], let end = s[(i + 1)...].firstIndex(of: close), end > i + 1 else { return false }
            // `＜中期計画：テーマ01・戦略１・政策１＞` on a line of its own cites plans.
            if Array(s[(i + 1)..<end]).contains(planWord) { return false }
            groups += 1
            i = end + 1
        }
        return groups > 0
    }

    /// `【関連する計画】`, `【参考】各視点と関連する計画`, `関連計画一覧`: the heading of a
    /// table whose rows give the plans of measures by their labels. The heading ends
    /// in the word for plans (a remark in brackets aside); `【関連計画】新たな…戦略`,
    /// which names a plan after it, is a citation.
    static func isPlanTableHeading(_ key: [Unicode.Scalar]) -> Bool {
        guard key.contains(planWord), planTableWords.contains(where: { key.contains($0) }),
              !key.contains(where: { ScalarClass.isASCIIDigit($0) || $0 == ":" }) else { return false }
        var s = key
        if s.last == ")", let open = s.lastIndex(of: "(") { s.removeSubrange(open...) }
        if s.last == "】" { s.removeLast() }
        return s.hasSuffix(planWord) || s.hasSuffix(planListWord)
    }

    private static let planListWord = S("計画一覧")

    private static let planWord = S("計画")
    private static let planTableWords = ["関連", "参考", "一覧"].map(S)

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
            if s[i] == "第" { i += 1 }
            let digits = i
            while i < s.count, ScalarClass.isASCIIDigit(s[i]), i - digits < 1 { i += 1 }
            guard i > digits, i < s.count, s[i] == " " || s[i] == "." || s[i] == "．" || s[i] == "、" else { return nil }
        }
        while i < s.count, s[i] == " " || s[i] == "." || s[i] == "．" || s[i] == "、" { i += 1 }
        let title = Array(s[i...]).string
        guard title.unicodeScalars.contains(where: { ScalarClass.isKanji($0) || ScalarClass.isHiragana($0) || ScalarClass.isKatakana($0) })
        else { return nil }
        let key = TextNormalizer.key(title)
        // 組織運営, and the organisation chart that some documents add as a part (組織と窓口).
        if key.contains("組織") && (roman || key.count <= 16) { return .organisation }
        if key.hasPrefix("基本目標") && (roman || key.count <= 8) { return .goal }
        if key.contains("施策") && (key.hasPrefix("目標達成") || (roman && !key.contains("取組"))) { return .policies }
        return roman ? .headline(TitleCleaner.clean(title)) : nil
    }

    /// `主な取組`, `【主な事業・取組】`, `参考 主な事業・取組`, `主な取組（Ⅱ 目標達成に向けた施策）`.
    static func isKeyInitiativesMarker(_ key: [Unicode.Scalar]) -> Bool {
        keyInitiativesWords.contains { key.contains($0) }
    }

    private static let keyInitiativesWords = ["主な取組", "主な事業", "主な取り組み", "主要事業", "主要な取組"].map(S)

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
