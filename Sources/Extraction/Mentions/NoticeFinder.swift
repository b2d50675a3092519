/// Finds names and citations that a measure's text (or the policies outside every
/// measure) holds but extraction did not turn into partners or plans, for the
/// document's notices (see ``ExtractionNotice``).
///
/// - A name right before a collaboration cue (`…と連携`, `…と協働`, `…と協力`,
///   `…と共催`, `…の皆様とともに`) names whoever the measure works with; when it is no
///   partner, no vague collective, no unit of the office and no plan, the reader
///   should look at it (`JA横浜と協力し` with a lexicon that lacks JA横浜). So does a
///   group's name before what the measure supports (`…ボランティアネットの活動を支援`).
/// - An organisation-shaped name in the policies outside every measure is not attached.
/// - A plan citation (`（関連計画：…）`, `【関連計画】…`) from which no plan was read.
struct NoticeFinder: Sendable {
    let partners: PartnerRecognizer
    let plans: PlanRecognizer
    /// The words of the levelled plan's levels (テーマ, 戦略, 政策).
    private let levelWords: PhraseTable

    init(partners: PartnerRecognizer, plans: PlanRecognizer) {
        self.partners = partners
        self.plans = plans
        levelWords = PhraseTable(plans.lexicon.levelledPlan?.levels.flatMap(\.keys) ?? [])
        planKeys = plans.lexicon.levelledPlan?.keys ?? []
    }

    /// The words that name the levelled plan (中期計画).
    private let planKeys: [[Unicode.Scalar]]

    /// Words that open a citation of plans.
    private static let citationLabels = ["関連計画", "関連する計画", "関係計画"].map(S)

    /// Cue-named organisations in `text` that are none of `found`: (name, line). The
    /// names of a list joined by や before the cue count too (`ＪＡ横浜や区内農家と協力し`).
    func organisationsNotTaken(in text: LogicalText, found: [PartnerMention]) -> [(String, Int)] {
        let s = text.scalars
        let foundKeys = found.map { TextNormalizer.key($0.surface) }
        let cued = CollaborationCues.names(in: s, words: partners.names.words)
        let supported = CollaborationCues.supported(in: s, words: partners.names.words).filter { CollaborationCues.isGroupLike(Array(s[$0])) }
        return (cued + supported).compactMap { range in
            guard !continuesFound(s, before: range.lowerBound, foundKeys: foundKeys) else { return nil }
            return unknownOrganisation(Array(s[range]), foundKeys: foundKeys).map { ($0, text.line(at: range.lowerBound)) }
        }
    }

    /// Whether the name that starts at `start` was cut from a longer one in mid-word
    /// (kana that hold no particle stand before it) that starts with a partner found:
    /// `東京工業大学すずかけ台キャンパス` is the university's campus, not a body of its own.
    private func continuesFound(_ s: [Unicode.Scalar], before start: Int, foundKeys: [String]) -> Bool {
        var kana = start
        while kana > 0, start - kana < 8, ScalarClass.isHiragana(s[kana - 1]), !Self.boundaries.contains(s[kana - 1]) { kana -= 1 }
        guard kana < start, kana > 0, ScalarClass.isNameCharacter(s[kana - 1]) else { return false }
        let before = Array(s[Swift.max(0, kana - 30)..<kana]).string
        return foundKeys.contains { !$0.isEmpty && before.hasSuffix($0) }
    }

    /// Particles that stand between words, never inside one.
    private static let boundaries: Set<Unicode.Scalar> = ["の", "と", "や", "を", "に", "で", "は", "が", "へ", "も"]


    /// `name` when it looks like an organisation that is not among the partners found.
    private func unknownOrganisation(_ scalars: [Unicode.Scalar], foundKeys: [String]) -> String? {
        var name = scalars
        if name.last == "等" { name.removeLast() }
        guard name.count >= 2, name.contains(where: { ScalarClass.isKanji($0) || ScalarClass.isKatakana($0) || ScalarClass.isASCIILetter($0) })
        else { return nil }
        // A count (`３署`, `区内６地区`) refers back to names given before.
        if name.contains(where: ScalarClass.isASCIIDigit) && !name.contains(where: ScalarClass.isASCIILetter) { return nil }
        if CollaborationCues.isActivity(name) { return nil }
        let key = name.string
        if foundKeys.contains(where: { $0.hasSuffix(key) || key.hasSuffix($0) }) { return nil }
        if partners.lexicon.isVague(key) || partners.isOfficeUnit(key) || partners.lexicon.canonicalPlan(for: key) != nil { return nil }
        return partners.canonicalName(name) == nil ? nil : key  // vague, an office unit or a venue after normalisation
    }

    /// Organisation-shaped names in text that belongs to no measure: (name, line).
    func organisationsOutside(_ text: LogicalText) -> [(String, Int)] {
        partners.mentions(in: text).map { ($0.name, $0.line) }
    }

    /// Lines of `segment` that cite plans (`関連計画…`) where no plan was read: the
    /// 0-based index and what the citation names, as written after its label. A
    /// label alone on its line (`【関連計画】`, the plans on the lines below) is none.
    func unresolvedCitations(in segment: [Int], lines: [SourceLine], found: [PlanMention]) -> [(Int, String)] {
        let citedLines = Set(found.map(\.line))
        let levelCitedLines = Set(found.filter { $0.nodes.count > 1 }.flatMap(\.lines))
        return segment.compactMap { i in
            let s = lines[i].compact
            // Numbers of the levelled plan's levels (テーマ5 戦略8) from which no
            // reference was read: the citation's shape was not understood.
            if !levelCitedLines.contains(lines[i].number), let start = levelNumber(in: s) { return (i, Array(s[start...]).string) }
            guard let label = Self.citationLabels.first(where: { s.contains($0) }), !citedLines.contains(lines[i].number) else { return nil }
            var start = s.firstIndex(of: label)! + label.count
            while start < s.count, ":】>)".unicodeScalars.contains(s[start]) { start += 1 }
            var end = start
            while end < s.count, !")）>】".unicodeScalars.contains(s[end]) { end += 1 }
            return end > start ? (i, Array(s[start..<end]).string) : nil
        }
    }

    /// Where a level of the levelled plan is written with a number (`テーマ5`,
    /// `政策 35`) on a line, if anywhere.
    private func levelNumber(in s: [Unicode.Scalar]) -> Int? {
        guard s.contains(where: ScalarClass.isASCIIDigit) else { return nil }
        for i in s.indices {
            guard let word = levelWords.longestMatch(in: s, at: i) else { continue }
            // A level's word inside a word of the document's own (重点テーマ１, 基本戦略２)
            // numbers the document, not the plan; after the plan's name (中期計画テーマ5) it cites.
            if i > 0, ScalarClass.isKanji(s[i - 1]), !planKeys.contains(where: { s.matches($0, at: i - $0.count) }) { continue }
            var j = i + word.length
            while j < s.count, s[j] == " " || s[j] == ":" || s[j] == "：" { j += 1 }
            if j < s.count, ScalarClass.isASCIIDigit(s[j]) { return i }
        }
        return nil
    }

    /// The plans a row of a plan table names (its key cell aside).
    func plansNamed(onLine i: Int, lines: [SourceLine], kinds: [LineKind]) -> [String] {
        plans.mentions(in: LogicalText(segment: [i], lines: lines, kinds: kinds)).map(\.target.name)
    }

    /// Lines outside every measure that cite plans by their levels (中期計画：テーマ…).
    func citationsOutside(_ text: LogicalText) -> [(String, Int)] {
        plans.mentions(in: text).filter { $0.nodes.count > 1 }.map { ($0.target.name, $0.line) }
    }
}
