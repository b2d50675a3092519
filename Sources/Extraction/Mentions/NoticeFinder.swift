/// Finds names and citations that a measure's text (or the policies outside every
/// measure) holds but extraction did not turn into partners or plans, for the
/// document's notices (see ``ExtractionNotice``).
///
/// - A name right before a collaboration cue (`…と連携`, `…と協働`, `…と協力`,
///   `…と共催`, `…の皆様とともに`) names whoever the measure works with; when it is no
///   partner, no vague collective, no unit of the office and no plan, the reader
///   should look at it (`JA横浜と協力し` with a lexicon that lacks JA横浜).
/// - An organisation-shaped name in the policies outside every measure is not attached.
/// - A plan citation (`（関連計画：…）`, `【関連計画】…`) from which no plan was read.
struct NoticeFinder: Sendable {
    let partners: PartnerRecognizer
    let plans: PlanRecognizer

    /// Collaboration cues: the name before them is a partner's.
    private static let cues = ["との連携", "との協働", "と連携", "と協働", "と協力", "と共催", "と合同", "の皆様とともに", "の皆さまとともに"].map(S)
    /// Words that open a citation of plans.
    private static let citationLabels = ["関連計画", "関連する計画", "関係計画"].map(S)

    /// Cue-named organisations in `text` that are none of `found`: (name, line). The
    /// names of a list joined by や before the cue count too (`ＪＡ横浜や区内農家と協力し`).
    func organisationsNotTaken(in text: LogicalText, found: [PartnerMention]) -> [(String, Int)] {
        let s = text.scalars
        let foundKeys = found.map { TextNormalizer.key($0.surface) }
        var result: [(String, Int)] = []
        var i = 0
        while i < s.count {
            guard let cue = Self.cues.first(where: { s.matches($0, at: i) }) else { i += 1; continue }
            defer { i += cue.count }
            var end = i
            for _ in 0..<4 {
                let start = NameMorphology.nameStart(in: s, endingAt: end, words: partners.names.words)
                if let name = unknownOrganisation(Array(s[start..<end]), foundKeys: foundKeys) { result.append((name, text.line(at: start))) }
                guard start > 1, Self.listSeparators.contains(s[start - 1]) else { break }
                end = start - 1
            }
        }
        return result
    }

    private static let listSeparators: Set<Unicode.Scalar> = ["や", "及"]
    /// Words that end the names of activities and events, never of organisations.
    private static let activityWords = ["キャンペーン", "イベント", "事業", "講座", "教室", "まつり", "祭り", "フェスタ", "マルシェ",
                                        "ワークショップ", "プロジェクト", "活動", "制度", "会議", "研修", "訓練"].map(S)

    /// `name` when it looks like an organisation that is not among the partners found.
    private func unknownOrganisation(_ scalars: [Unicode.Scalar], foundKeys: [String]) -> String? {
        var name = scalars
        if name.last == "等" { name.removeLast() }
        guard name.count >= 2, name.contains(where: { ScalarClass.isKanji($0) || ScalarClass.isKatakana($0) || ScalarClass.isASCIILetter($0) })
        else { return nil }
        if Self.activityWords.contains(where: { name.hasSuffix($0) }) { return nil }
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
        return segment.compactMap { i in
            let s = lines[i].compact
            guard let label = Self.citationLabels.first(where: { s.contains($0) }), !citedLines.contains(lines[i].number) else { return nil }
            var start = s.firstIndex(of: label)! + label.count
            while start < s.count, ":】>)".unicodeScalars.contains(s[start]) { start += 1 }
            var end = start
            while end < s.count, !")）>】".unicodeScalars.contains(s[end]) { end += 1 }
            return end > start ? (i, Array(s[start..<end]).string) : nil
        }
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
