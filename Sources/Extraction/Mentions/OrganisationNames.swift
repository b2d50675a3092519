/// Where the names of organisations start and end: the morphology that
/// ``PartnerRecognizer`` uses beyond ``NameMorphology``'s word boundaries.
///
/// - A legal form before a name (`NPO法人いそご子育てネット`, `株式会社はまかぜ造園`,
///   `公益財団法人横浜市スポーツ協会`) opens a proper name that runs to the next
///   particle; a name may begin in kana there (はまかぜ), as a name cannot begin
///   with a particle after a legal form.
/// - The names of local bodies may begin with the ward's name or its reading
///   (`とつか区民活動センター`, `みなみ市民活動・多文化共生ラウンジ`), which are words of
///   the name, not text before it; such a name may join two words with ・, the first
///   of which may be the reading alone (`せや・ガイドの会`).
struct OrganisationNames: Sendable {
    /// Words with kana that occur inside names: ``NameMorphology/wordsWithKana`` and
    /// the wards' readings, longest first.
    let words: [[Unicode.Scalar]]
    /// The wards' spellings (泉区, 泉, いずみ), longest first.
    let wardSpellings: [[Unicode.Scalar]]

    init(lexicon: Lexicon) {
        wardSpellings = lexicon.wardSpellings
        let readings = lexicon.wardSpellings.filter { $0.contains(where: ScalarClass.isHiragana) }
        words = (NameMorphology.wordsWithKana + readings).sorted { $0.count > $1.count }
    }

    /// Legal forms that precede the name of a body (NFKC).
    static let legalForms: [[Unicode.Scalar]] = [
        "特定非営利活動法人", "NPO法人", "株式会社", "有限会社", "合同会社", "公益財団法人", "一般財団法人", "公益社団法人",
        "一般社団法人", "社会福祉法人", "学校法人", "医療法人", "財団法人", "社団法人",
        // Their abbreviations in brackets (（株）, ㈱ and (特非) are (株) and (特非) in NFKC).
        "(株)", "(有)", "(同)", "(特非)", "(公財)", "(一財)", "(公社)", "(一社)", "(社福)", "(医)",
    ].map(S).sorted { $0.count > $1.count }

    /// The end of the name that follows the legal form ending at `start`, or `start`
    /// when no name follows (the form alone is a type: NPO法人 → NPO).
    func nameAfterLegalForm(in s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        if let word = words.first(where: { s.matches($0, at: i) }) {
            i += word.count
        } else {
            // A leading run of kana (はまかぜ), unless it is particles (との, には).
            var j = i
            while j < s.count, j - i < 12, ScalarClass.isHiragana(s[j]) || (s[j] == "ー" && j > i) { j += 1 }
            if j - i >= 2, j < s.count, ScalarClass.isNameCharacter(s[j]), !ScalarClass.particles.contains(s[j - 1]) {
                i = j
            } else if j - i >= 4, j < s.count, ScalarClass.isKanji(s[j]), ScalarClass.particles.contains(s[j - 1]),
                      !ScalarClass.particles.contains(s[i]) {
                // A name all in kana, then the particle of a cue (`NPO法人びーのびーのと協働し`).
                return j - 1
            }
        }
        guard i > start || (i < s.count && ScalarClass.isNameCharacter(s[i])) else { return start }
        var end = NameMorphology.nameEnd(in: s, from: i, limit: 30, allowNo: false, words: words)
        // A hyphen between the words of a company's name (セブン-イレブン).
        while end + 1 < s.count, s[end] == "-", ScalarClass.isKatakana(s[end + 1]) || ScalarClass.isASCIILetter(s[end + 1]) {
            end = NameMorphology.nameEnd(in: s, from: end + 1, limit: 30, allowNo: false, words: words)
        }
        // A proper name may go on in kana (`横浜みなとみらい21`): a run of three or more
        // that starts with no particle and leads back to name characters. Particles
        // (`と協力`, `とともに`, `の`) end the name.
        while end < s.count, end - start < 30 {
            var j = end
            while j < s.count, ScalarClass.isHiragana(s[j]) { j += 1 }
            guard j - end >= 3, j < s.count, ScalarClass.isNameCharacter(s[j]), !ScalarClass.particles.contains(s[end]) else { break }
            end = NameMorphology.nameEnd(in: s, from: j, limit: 30, allowNo: false, words: words)
        }
        return end
    }

    /// The start of an organisation's name that ends where its suffix starts, `end`:
    /// back over name characters and words, and over one ・ when the part before it
    /// begins with a ward's spelling and is no organisation or office of its own.
    func nameStart(in s: [Unicode.Scalar], endingAt end: Int, isOrganisation: ([Unicode.Scalar]) -> Bool) -> Int {
        let start = NameMorphology.nameStart(in: s, endingAt: end, words: words)
        guard start > 1, s[start - 1] == "・", ScalarClass.isNameCharacter(s[start - 2]) || ScalarClass.isHiragana(s[start - 2]) else {
            return start
        }
        let before = NameMorphology.nameStart(in: s, endingAt: start - 1, words: words)
        let part = Array(s[before..<(start - 1)])
        guard part.count >= 2, wardSpellings.contains(where: { part.hasPrefix($0) }), !isOrganisation(part)
        else { return start }
        return before
    }
}
