/// Where names start and end in Japanese text without spaces.
///
/// Names of bodies and plans are written in kanji, katakana and Latin letters; a
/// hiragana character (a particle, a verb ending) or punctuation ends them. A few
/// words that occur inside names are written partly in hiragana (子育て, 子ども,
/// 見守り, 健やか); they are listed here so that a scan does not stop inside them.
enum NameMorphology {
    /// Words with hiragana that occur inside organisation and plan names.
    static let wordsWithKana: [[Unicode.Scalar]] = [
        "子育て", "子ども", "こども", "子供", "見守り", "支え合い", "支えあい", "助け合い", "健やか", "すこやか",
        "ふれあい", "いきいき", "まちづくり", "つどい", "ひろば", "なかよし", "のびのび", "お年寄り", "ちびっこ",
        "すくすく", "ささえあい", "つながり", "まつり", "祭り",
    ].map(S).sorted { $0.count > $1.count }

    /// The start of the name that ends at `end` (exclusive), scanning back at most
    /// `limit` characters over name characters and words with kana.
    static func nameStart(in text: [Unicode.Scalar], endingAt end: Int, limit: Int = 20, words: [[Unicode.Scalar]] = wordsWithKana) -> Int {
        var i = end
        while i > 0, end - i < limit {
            let c = text[i - 1]
            if ScalarClass.isNameCharacter(c) || c == "×" || c == "&" {
                i -= 1
                continue
            }
            if ScalarClass.isHiragana(c), let word = words.first(where: { text.matches($0, at: i - $0.count) }) {
                i -= word.count
                continue
            }
            // `中期4か年計画`: a counted period of years.
            if c == "か", i >= 2, i < end, text[i] == "年", ScalarClass.isASCIIDigit(text[i - 2]) {
                i -= 1
                continue
            }
            // `藤が丘`, `希望が丘`, `梅が谷`: a place name inside the name, which joins two
            // kanji with が as others do with ヶ.
            if c == "が", i >= 2, i < end, ScalarClass.isKanji(text[i - 2]), placeKanji.contains(text[i]) {
                i -= 1
                continue
            }
            break
        }
        return i
    }

    /// Kanji that end a place name joined with が (藤が丘, 桜が台, 市が尾, 梅が谷) and
    /// rarely start a word after the particle が in running text.
    private static let placeKanji: Set<Unicode.Scalar> = ["丘", "台", "谷", "尾", "崎", "峰", "沢", "窪"]

    /// The end of the name that starts at `start`, scanning forward over name
    /// characters, words with kana and, if `allowNo`, the particle の (plan names such
    /// as 子育て支援の協働の指針 contain it).
    static func nameEnd(in text: [Unicode.Scalar], from start: Int, limit: Int = 30, allowNo: Bool,
                        words: [[Unicode.Scalar]] = wordsWithKana) -> Int {
        var i = start
        while i < text.count, i - start < limit {
            let c = text[i]
            // Words first: 子育て starts with kanji but must be taken whole.
            if let word = words.first(where: { text.matches($0, at: i) }) {
                i += word.count
                continue
            }
            if ScalarClass.isNameCharacter(c) || c == "×" || c == "." || c == "・" {
                i += 1
                continue
            }
            if allowNo && c == "の" && i + 1 < text.count && ScalarClass.isNameCharacter(text[i + 1]) {
                i += 1
                continue
            }
            break
        }
        return i
    }

    /// A term prefix `第5期`, `第三次` that ends exactly at `end`: its number and start.
    static func term(endingAt end: Int, in text: [Unicode.Scalar]) -> (number: Int, start: Int)? {
        guard end >= 3, text[end - 1] == "期" || text[end - 1] == "次" else { return nil }
        var i = end - 1
        var digits: [Unicode.Scalar] = []
        while i > 0, ScalarClass.isASCIIDigit(text[i - 1]) || ScalarClass.kanjiNumeral(text[i - 1]) != nil, digits.count < 3 {
            digits.insert(text[i - 1], at: 0)
            i -= 1
        }
        guard !digits.isEmpty, i > 0, text[i - 1] == "第", let n = number(digits) else { return nil }
        return (n, i - 1)
    }

    /// A term prefix `第5期` that starts exactly at `start`: its number and end.
    static func term(startingAt start: Int, in text: [Unicode.Scalar]) -> (number: Int, end: Int, isPeriod: Bool)? {
        guard start < text.count, text[start] == "第" else { return nil }
        var i = start + 1
        var digits: [Unicode.Scalar] = []
        while i < text.count, ScalarClass.isASCIIDigit(text[i]) || ScalarClass.kanjiNumeral(text[i]) != nil, digits.count < 3 {
            digits.append(text[i])
            i += 1
        }
        guard !digits.isEmpty, i < text.count, text[i] == "期" || text[i] == "次", let n = number(digits) else { return nil }
        return (n, i + 1, text[i] == "期")
    }

    /// `12`, `三`, `十二` as an integer.
    static func number(_ digits: [Unicode.Scalar]) -> Int? {
        if digits.allSatisfy(ScalarClass.isASCIIDigit) { return Int(digits.string) }
        var total = 0
        var current = 0
        for d in digits {
            guard let v = ScalarClass.kanjiNumeral(d) else { return nil }
            if v == 10 {
                total += Swift.max(current, 1) * 10
                current = 0
            } else {
                current = v
            }
        }
        return total + current
    }

    /// The closing `」` of a quotation that opens at `open`, within `limit` characters.
    static func closingQuote(in text: [Unicode.Scalar], openingAt open: Int, limit: Int = 40) -> Int? {
        guard open < text.count, text[open] == "「" else { return nil }
        var i = open + 1
        while i < text.count, i - open <= limit {
            if text[i] == "」" { return i }
            if text[i] == "「" || text[i] == LogicalText.hardStop { return nil }
            i += 1
        }
        return nil
    }

    /// Whether `text` opens a bracket or a quotation that it does not close
    /// (`販売会「みどり`): the text goes on after it.
    static func hasUnclosedBracket(_ text: [Unicode.Scalar]) -> Bool {
        var open = 0
        for s in text {
            if bracketOpeners.contains(s) { open += 1 } else if bracketClosers.contains(s), open > 0 { open -= 1 }
        }
        return open > 0
    }

    private static let bracketOpeners: Set<Unicode.Scalar> = ["「", "『", "(", "（", "【", "＜", "<", "〔", "［", "["]
    private static let bracketClosers: Set<Unicode.Scalar> = ["」", "』", ")", "）", "】", "＞", ">", "〕", "］", "]"]
}
