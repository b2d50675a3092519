/// Recognition of the ward office's units as they are listed near the end of a
/// document: one per line (`総務課`) or several on a line (`総務課 区政推進課 地域振興課`).
///
/// A unit is a short name ending in the word for an office unit (課, 室, 担当, 事務所,
/// 保育園, 図書館, 消防署, …), optionally followed by a parenthesised qualifier that
/// is kept as the written form: `保育園（和泉・北上飯田）` → `保育園`.
enum SectionListParser {
    /// Words that end the name of a unit of a ward office, with the shortest name
    /// before them: a bare 保育園 is the ward's nursery schools, a bare 課 or 室 is
    /// not a name.
    static let unitSuffixes: [(suffix: [Unicode.Scalar], minimumStem: Int)] = [
        ("課", 2), ("室", 2), ("担当", 2), ("事務所", 2), ("係", 2), ("支所", 1), ("出張所", 1),
        ("保育園", 0), ("図書館", 0), ("消防署", 0),
    ].map { (S($0.0), $0.1) }

    /// The last characters a unit list can end with (cheap rejection of other lines).
    private static let finalCharacters: Set<Unicode.Scalar> = ["課", "室", "当", "所", "係", "園", "館", "署", "）", ")"]

    /// The units on the line, or nil when it is not a list of units.
    ///
    /// Besides units, a line of an organisation table may hold the heading of the
    /// group they belong to (`区政推進部`, `福祉保健センター`: a 部 is not a section),
    /// where they are (`６階 61番`) and remarks in brackets (`（区庁舎外）`); any other
    /// token means the line is text. A unit may be bracketed or bulleted as a heading
    /// of its own (`【総務課】`, `● 総務課`).
    static func parse(_ display: String) -> [SectionName]? {
        var scalars = Substring(display).unicodeScalars
        while let first = scalars.first, SymbolClass(first) != nil || LineShapes.bulletMarks.contains(first) || first == " " {
            scalars = scalars.dropFirst()
        }
        let text = Substring(scalars)
        // The cheap tests first: most lines are text, and end like text.
        guard let last = scalars.last else { return nil }
        if !(Self.finalCharacters.contains(last) || ScalarClass.isASCIIDigit(last) || last == "番" || last == "】") {
            guard scalars.prefix(18).contains(where: { $0 == "：" || $0 == ":" }) else { return nil }
            return unitWithDescription(String(text)).map { [$0] }
        }
        if let described = unitWithDescription(String(text)) { return [described] }
        // Units stand apart by spaces or by 、 (総務課、区政推進課、地域振興課).
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "，" || $0 == "," }).map(String.init)
        guard !tokens.isEmpty, tokens.count <= 10 else { return nil }
        var names: [SectionName] = []
        for var token in tokens {
            if token.unicodeScalars.first == "【", token.unicodeScalars.last == "】", token.unicodeScalars.count > 2 {
                token = String(String.UnicodeScalarView(token.unicodeScalars.dropFirst().dropLast()))
            }
            if let units = splitAtMiddleDots(token) {
                names += units
            } else if let name = unitName(token) {
                names.append(SectionName(name: name, written: token))
            } else if !isGroupOrPlace(token) {
                return nil
            }
        }
        return names.isEmpty ? nil : names
    }

    /// `総務課：庁舎管理、防災、統計`: a unit and, after a colon, what it does.
    static func unitWithDescription(_ display: String) -> SectionName? {
        let head = display.unicodeScalars.prefix(18)
        guard let colon = head.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > display.unicodeScalars.startIndex else { return nil }
        let unit = String(String.UnicodeScalarView(display.unicodeScalars[..<colon])).trimmingSpaces()
        return unitName(unit).map { SectionName(name: $0, written: unit) }
    }

    /// `区政推進部`, `福祉保健センター`, `６階`, `61番`, `（区庁舎外）`: tokens that may stand
    /// beside units in an organisation table without being units.
    static func isGroupOrPlace(_ token: String) -> Bool {
        let s = TextNormalizer.compactScalars(token)
        guard let first = s.first, let last = s.last else { return true }
        if (first == "(" && last == ")") || (first == "【" && last == "】") { return true }
        if s.count <= 8, s.allSatisfy({ ScalarClass.isASCIIDigit($0) || placeCharacters.contains($0) }) { return true }
        // A telephone number: 045-978-2323, (045)978-2323.
        if s.count >= 9, s.count <= 16, s.filter(ScalarClass.isASCIIDigit).count >= 9,
           s.allSatisfy({ ScalarClass.isASCIIDigit($0) || $0 == "-" || $0 == "(" || $0 == ")" }) { return true }
        guard s.count >= 2, s.count <= 12, s.allSatisfy({ ScalarClass.isKanji($0) || ScalarClass.isKatakana($0) || $0 == "・" }) else { return false }
        return s.hasSuffix(bureau) || s.hasSuffix(centre)
    }

    private static let placeCharacters: Set<Unicode.Scalar> = ["階", "番", "号", "F", "-", "窓", "口", "内", "線"]
    private static let bureau = S("部"), centre = S("センター")

    /// `総務課・区政推進課・高齢・障害支援課` → three units: parts between ・ are joined
    /// until they form a unit name (高齢・障害支援課 is one unit). Nil unless the token
    /// splits into two or more units.
    static func splitAtMiddleDots(_ token: String) -> [SectionName]? {
        guard token.contains("・"), !token.contains("（"), !token.contains("(") else { return nil }
        var units: [SectionName] = []
        var pending = ""
        for part in token.split(separator: "・", omittingEmptySubsequences: false) {
            pending = pending.isEmpty ? String(part) : pending + "・" + part
            if let name = unitName(pending) {
                units.append(SectionName(name: name, written: pending))
                pending = ""
            }
        }
        return pending.isEmpty && units.count >= 2 ? units : nil
    }

    /// `保育園（和泉・北上飯田）` → `保育園`; nil when `token` is not a unit name.
    static func unitName(_ token: String) -> String? {
        var s = Array(token.unicodeScalars)
        if let last = s.last, last == "）" || last == ")" {
            guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 else { return nil }
            s.removeSubrange(open...)
        }
        guard s.count >= 2, s.count <= 16 else { return nil }
        guard s.allSatisfy({ ScalarClass.isKanji($0) || ScalarClass.isKatakana($0) || ScalarClass.isHiragana($0) || $0 == "・" })
        else { return nil }
        guard let unit = unitSuffixes.first(where: { s.hasSuffix($0.suffix) }), s.count - unit.suffix.count >= unit.minimumStem
        else { return nil }
        // `課・担当` heads a column; a name's stem never ends in a separator.
        if s.count > unit.suffix.count, s[s.count - unit.suffix.count - 1] == "・" { return nil }
        // A name never ends in a particle before its suffix or starts with one.
        guard let first = s.first, !ScalarClass.particles.contains(first), first != "・" else { return nil }
        return TextNormalizer.nfkc(s.string)
    }
}
