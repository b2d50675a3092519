/// The ward's 地域福祉保健計画 (community welfare and health plan), which every
/// Yokohama ward writes in numbered terms and usually gives a nickname.
///
/// Documents cite it in many shapes, and the guideline names it
/// `第N期<区>地域福祉保健計画「愛称」` whatever the shape:
///
///     第５期泉わくわくプラン（泉区地域福祉保健計画）   → term 5, nickname 泉わくわくプラン
///     「ひとつプラン港北」（地域福祉保健計画）第5期   → term 5, nickname ひとつプラン港北
///     第４期金沢区地域福祉保健計画（３年度～７年度） → term 4
///     「港南ひまわりプラン」の策定                   → the nickname alone
///     第4期の総仕上げ … 第5期計画を策定               → bare terms, next to a citation
///
/// A first pass over the whole document learns the nickname and the terms; citations
/// that lack them take the nickname and the latest term.
struct WelfarePlanScanner: Sendable {
    static let keyword = S("地域福祉保健計画")
    /// The 地区別計画 (district plans) are part of the ward plan.
    static let districtPlan = S("地区別計画")
    /// Words that make a name before a parenthesis a plan's nickname, and that may follow a bare term.
    private static let plan = S("プラン")
    static let keikaku = S("計画")

    struct Citation: Equatable, Sendable {
        var term: Int?
        var nickname: String?
        var range: Range<Int>
    }

    /// Citations of the ward plan in `text` (the city's plan, 横浜市地域福祉保健計画, is not one).
    static func citations(in text: [Unicode.Scalar]) -> [Citation] {
        var result: [Citation] = []
        var from = 0
        while let k = text.firstIndex(of: keyword, from: from) {
            from = k + keyword.count
            if let citation = citation(at: k, in: text) { result.append(citation) }
        }
        return result
    }

    private static func citation(at k: Int, in text: [Unicode.Scalar]) -> Citation? {
        var start = k
        var end = k + keyword.count
        // A ward name (泉区) directly before the keyword; 市 or 横浜市 means the city's plan.
        if start > 0, text[start - 1] == "市" { return nil }
        if start > 0, text[start - 1] == "区" {
            var p = start - 1
            while p > 0, ScalarClass.isKanji(text[p - 1]) || text[p - 1] == "ケ", !"期次第市".unicodeScalars.contains(text[p - 1]), start - p < 5 {
                p -= 1
            }
            start = p
        }
        let termBefore = NameMorphology.term(endingAt: start, in: text)
        var term = termBefore?.number
        if let termBefore { start = termBefore.start }
        var nickname: String?
        if start > 0, text[start - 1] == "(", end < text.count, text[end] == ")" {
            end += 1
            let (name, nameStart) = nicknameBefore(start - 1, in: text)
            if let name {
                var nick = name
                if let t = NameMorphology.term(startingAt: 0, in: nick) {
                    term = term ?? t.number
                    nick = Array(nick[t.end...])
                }
                nickname = nick.isEmpty ? nil : nick.string
                start = nameStart
                if let t = NameMorphology.term(endingAt: start, in: text) {
                    term = term ?? t.number
                    start = t.start
                }
            }
            if let t = NameMorphology.term(startingAt: end, in: text), t.isPeriod {
                term = term ?? t.number
                end = t.end
            }
        } else if let close = NameMorphology.closingQuote(in: text, openingAt: end, limit: 20) {
            nickname = Array(text[(end + 1)..<close]).string
            end = close + 1
        } else if let (name, close) = labelledNickname(in: text, at: end) {
            nickname = name
            end = close
        }
        return Citation(term: term, nickname: nickname, range: start..<end)
    }

    /// `(愛称:港南ひまわりプラン)`, `(愛称「…」)`, `(通称 …)`: a nickname given with its
    /// label in brackets after the plan's name, and the index after the brackets.
    ///
    /// Without a label, a name in brackets that says it is a plan (`（にこまちプラン）`)
    /// is the nickname all the same.
    private static func labelledNickname(in text: [Unicode.Scalar], at open: Int) -> (String, Int)? {
        guard open < text.count, text[open] == "(", let close = text[open...].prefix(30).firstIndex(of: ")") else { return nil }
        let label = nicknameLabels.first(where: { text.matches($0, at: open + 1) })
        var name = Array(text[(open + 1 + (label?.count ?? 0))..<close])
        while let first = name.first, ":：「 ".unicodeScalars.contains(first) { name.removeFirst() }
        while let last = name.last, "」 ".unicodeScalars.contains(last) { name.removeLast() }
        if label == nil {
            guard name.contains(plan), name.allSatisfy({ ScalarClass.isNameCharacter($0) || ScalarClass.isHiragana($0) || nicknamePunctuation.contains($0) })
            else { return nil }
        }
        return name.count >= 2 ? (name.string, close + 1) : nil
    }

    private static let nicknameLabels = ["愛称", "通称"].map(S)

    /// The nickname that ends just before the parenthesis at `paren`: quoted
    /// (`「ひとつプラン港北」`) or written plainly with プラン in it (`泉わくわくプラン`).
    private static func nicknameBefore(_ paren: Int, in text: [Unicode.Scalar]) -> ([Unicode.Scalar]?, Int) {
        if paren > 0, text[paren - 1] == "」", let open = text[..<(paren - 1)].lastIndex(of: "「"), paren - open <= 25 {
            return (Array(text[(open + 1)..<(paren - 1)]), open)
        }
        // After a term (第５期とつかハートプラン), the nickname is all that follows it,
        // particles included: the term marks where it starts.
        var q = paren
        while q > 0, paren - q < 20,
              ScalarClass.isNameCharacter(text[q - 1]) || ScalarClass.isHiragana(text[q - 1]) || nicknamePunctuation.contains(text[q - 1]) {
            if text[q - 1] == "期", NameMorphology.term(endingAt: q, in: text) != nil { break }
            q -= 1
        }
        // `第５期保土ケ谷ほっとなまちづくり（保土ケ谷区地域福祉保健計画）`: a term, a name
        // and the plan's own name in brackets gloss the name as the plan's nickname,
        // whatever words it is made of.
        if q > 0, q < paren, text[q - 1] == "期", NameMorphology.term(endingAt: q, in: text) != nil {
            return (Array(text[q..<paren]), q)
        }
        var p = paren
        while p > 0, paren - p < 20 {
            let c = text[p - 1]
            // A particle follows a word written in kanji or katakana (`…区と`); after
            // kana it is part of a word in kana (`きらっと`, `ぴかっと`).
            let word = ScalarClass.isHiragana(c) && (!ScalarClass.particles.contains(c) || (p >= 2 && ScalarClass.isHiragana(text[p - 2])))
            guard ScalarClass.isNameCharacter(c) || word else { break }
            p -= 1
        }
        let name = Array(text[p..<paren])
        guard name.contains(plan) || name.contains(keikaku) else { return (nil, paren) }
        return (name, p)
    }

    /// Punctuation a nickname may hold between its words (`みどりのわ・ささえ愛プラン`,
    /// `中なかいいネ!`), NFKC.
    private static let nicknamePunctuation: Set<Unicode.Scalar> = ["・", "!", "?", "~", "&"]

    /// Occurrences of a known nickname that are not part of a citation already found:
    /// `「港南ひまわりプラン」の策定・推進`; only those in quotes when `quoted`.
    static func nicknameCitations(in text: [Unicode.Scalar], nickname: String, excluding taken: [Range<Int>], quoted: Bool = false) -> [Citation] {
        let nick = S(nickname)
        var result: [Citation] = []
        var from = 0
        while let k = text.firstIndex(of: nick, from: from) {
            from = k + nick.count
            var range = k..<(k + nick.count)
            if k > 0, text[k - 1] == "「", range.upperBound < text.count, text[range.upperBound] == "」" {
                range = (k - 1)..<(range.upperBound + 1)
            } else if quoted {
                continue
            }
            guard !taken.contains(where: { $0.overlaps(range) }) else { continue }
            let term = NameMorphology.term(endingAt: range.lowerBound, in: text)
            if let term { range = term.start..<range.upperBound }
            result.append(Citation(term: term?.number, nickname: nickname, range: range))
        }
        return result
    }

    /// Bare terms (`第4期の総仕上げ`, `第5期計画`) in a text that cites the plan: they
    /// can only mean the plan's terms. A term followed by a name is another plan's.
    static func bareTerms(in text: [Unicode.Scalar], excluding taken: [Range<Int>]) -> [Citation] {
        var result: [Citation] = []
        for i in text.indices where text[i] == "第" {
            guard let t = NameMorphology.term(startingAt: i, in: text), t.isPeriod,
                  !taken.contains(where: { $0.contains(i) }) else { continue }
            var end = t.end
            if text.matches(keikaku, at: end) { end += 2 }
            let followedByName = end < text.count && ScalarClass.isNameCharacter(text[end]) && end == t.end
            guard !followedByName else { continue }
            result.append(Citation(term: t.number, nickname: nil, range: i..<end))
        }
        return result
    }
}
