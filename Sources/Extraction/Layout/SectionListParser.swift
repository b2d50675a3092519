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
        // A list that goes on to the next line ends in its separator (`戸籍課、税務課、`).
        while let last = scalars.last, last == "、" || last == "，" || last == "," || last == "・" || last == " " { scalars = scalars.dropLast() }
        let text = Substring(scalars)
        // The cheap tests first: most lines are text, and end like text.
        guard let last = scalars.last else { return nil }
        if !(Self.finalCharacters.contains(last) || ScalarClass.isASCIIDigit(last) || last == "番" || last == "】") {
            guard scalars.prefix(18).contains(where: { $0 == "：" || $0 == ":" }) else { return nil }
            return unitWithDescription(String(text)).map { [$0] }
        }
        if let described = unitWithDescription(String(text)) { return [described] }
        // Units stand apart by spaces or by 、 (総務課、区政推進課、地域振興課), and in an
        // organisation chart by the lines that connect them (`─┬─ 総務課`, `├─`, `│`).
        // Inside brackets a 、 separates the items of one unit's list (`課（A係、B係）`).
        let listed: String = commasInBracketsAsDots(text)
        let tokens: [String] = listed.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "，" || $0 == "," || isChartLine($0) })
            .map(String.init).filter { !$0.unicodeScalars.allSatisfy(isChartConnector) }
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
                names += subUnits(token)
            } else if !isGroupOrPlace(token) {
                return nil
            }
        }
        return names.isEmpty ? nil : names
    }

    /// `課（A係、B係）` → `課（A係・B係）`: the text with each comma inside brackets a ・.
    private static func commasInBracketsAsDots(_ text: Substring) -> String {
        var depth = 0
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if c == "（" || c == "(" { depth += 1 } else if c == "）" || c == ")" { depth = max(0, depth - 1) }
            let isComma = c == "、" || c == "，" || c == ","
            out.append(depth > 0 && isComma ? "・" : c)
        }
        return String(out)
    }

    /// `総務課：庁舎管理、防災、統計`: a unit and, after a colon, what it does.
    static func unitWithDescription(_ display: String) -> SectionName? {
        let head = display.unicodeScalars.prefix(18)
        guard let colon = head.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > display.unicodeScalars.startIndex else { return nil }
        let unit = String(String.UnicodeScalarView(display.unicodeScalars[..<colon])).trimmingSpaces()
        return unitName(unit).map { SectionName(name: $0, written: unit) }
    }

    /// A character of the lines an organisation chart is drawn with: the box-drawing
    /// block (─ │ ├ └ ┬ ┃ ━ …) or ASCII (`+--`, `|`, `` `-- ``). Unit names hold none.
    static func isChartLine(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return false }
        return (0x2500...0x257F).contains(s.value) || "-+|`'=_".unicodeScalars.contains(s)
    }

    /// Long-vowel marks and dashes drawn as lines (`ーー`), which form tokens of their own.
    private static func isChartConnector(_ s: Unicode.Scalar) -> Bool {
        s == "ー" || s == "－" || s == "―"
    }

    /// `総務課　　　庁舎管理、防災、統計　　045-…`: a unit and, after wide gaps (a
    /// table's next columns), what it does and where it is. The raw line is needed,
    /// since display text keeps no gaps.
    static func unitWithWork(_ raw: String) -> SectionName? {
        guard RawSegments.hasInnerGap(raw), RawSegments.indent(of: raw) <= 4 else { return nil }
        let cells = RawSegments.segments(of: raw, minimumGap: 2)
        guard cells.count >= 2, cells.count <= 4, !cells.dropFirst().contains(where: { $0.text.contains("。") }) else { return nil }
        let unit = TextNormalizer.display(cells[0].text)
        return unitName(unit).map { SectionName(name: $0, written: unit) }
    }

    /// `区政推進部`, `福祉保健センター`, `６階`, `61番`, `別庁舎`, `（区庁舎外）`, and the
    /// posts at the top of a chart (`区長`, `副区長`, `センター長`): tokens that may stand
    /// beside units in an organisation table without being units.
    static func isGroupOrPlace(_ token: String) -> Bool {
        let s = TextNormalizer.compactScalars(token)
        guard let first = s.first, let last = s.last else { return true }
        if (first == "(" && last == ")") || (first == "【" && last == "】") { return true }
        // A unit of a city bureau listed beside the ward's (資源循環局港北事務所).
        if s.contains("局"), s.count <= 16, unitSuffixes.contains(where: { s.hasSuffix($0.suffix) }) { return true }
        if s.count <= 8, s.allSatisfy({ ScalarClass.isASCIIDigit($0) || placeCharacters.contains($0) }) { return true }
        // How to reach a unit: 電話, TEL, ☎045-…, 内線.
        // What follows the word is a number or a place, never a phrase in kana
        // (`窓口サービスの向上` is a title).
        if let word = contactWords.first(where: { s.hasPrefix($0) }), s.count <= 20,
           !s.dropFirst(word.count).contains(where: { ScalarClass.isHiragana($0) || ScalarClass.isKatakana($0) }) { return true }
        // A building of the office (本庁舎, 別館, 東棟) or a post (区長, 副区長, 部長).
        if s.count <= 6, s.allSatisfy({ ScalarClass.isKanji($0) || ScalarClass.isKatakana($0) || ScalarClass.isASCIILetter($0) }),
           buildingOrPostWords.contains(where: { s.hasSuffix($0) }) { return true }
        // A telephone number: 045-978-2323, (045)978-2323.
        if s.count >= 9, s.count <= 16, s.filter(ScalarClass.isASCIIDigit).count >= 9,
           s.allSatisfy({ ScalarClass.isASCIIDigit($0) || $0 == "-" || $0 == "(" || $0 == ")" }) { return true }
        guard s.count >= 2, s.count <= 12, s.allSatisfy({ ScalarClass.isKanji($0) || ScalarClass.isKatakana($0) || $0 == "・" }) else { return false }
        return s.hasSuffix(bureau) || s.hasSuffix(centre)
    }

    private static let contactWords = ["電話", "TEL", "Tel", "tel", "FAX", "Fax", "ファクス", "ファックス", "☎", "℡", "内線", "窓口"].map(S)
    private static let buildingOrPostWords = ["庁舎", "館", "棟", "長"].map(S)
    private static let placeCharacters: Set<Unicode.Scalar> = ["階", "番", "号", "F", "-", "窓", "口", "内", "線", "室"]
    private static let bureau = S("部"), centre = S("センター"), classroom = S("教室")

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

    /// `総務課（庶務係・予算調整係・危機管理担当）` → its 係 and 担当: a unit's brackets
    /// list units of its own where every item is a unit name. Where they list places
    /// (`保育園（和泉・北上飯田）`) or anything else, none.
    static func subUnits(_ token: String) -> [SectionName] {
        let s = Array(token.unicodeScalars)
        guard let last = s.last, last == "）" || last == ")",
              let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0, open + 1 < s.count - 1 else { return [] }
        var units: [SectionName] = []
        for item in s[(open + 1)..<(s.count - 1)].split(whereSeparator: { $0 == "・" || $0 == "、" || $0 == "，" || $0 == "," || $0 == " " }) {
            let written = Array(item).string
            // Only the units within a 課 (係, 担当): a 図書館 in brackets says where one is.
            guard item.last == "係" || Array(item).hasSuffix(S("担当")), let name = unitName(written) else { return [] }
            units.append(SectionName(name: name, written: written))
        }
        return units
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
        // A unit of a city bureau (こども青少年局企画調整課, 資源循環局港北事務所) is the
        // city's, not the ward office's.
        if s.contains("局") { return nil }
        // A class (両親教室, 料理教室) is held, not staffed.
        if s.hasSuffix(classroom) { return nil }
        // `課・担当` heads a column; a name's stem never ends in a separator.
        if s.count > unit.suffix.count, s[s.count - unit.suffix.count - 1] == "・" { return nil }
        // A name never ends in a particle before its suffix or starts with one.
        guard let first = s.first, !ScalarClass.particles.contains(first), first != "・" else { return nil }
        // Nor holds a lone kana between two kanji: that is a particle of a sentence
        // (`欄は担当課`, `区政推進課に地域力推進担当`).
        for k in s.indices.dropFirst().dropLast() where ScalarClass.isHiragana(s[k]) && ScalarClass.isKanji(s[k - 1]) && ScalarClass.isKanji(s[k + 1]) {
            return nil
        }
        return TextNormalizer.nfkc(s.string)
    }
}
