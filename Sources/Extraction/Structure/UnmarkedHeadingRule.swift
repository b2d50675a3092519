/// Whether a line without a marker is a heading, from its shape and its neighbours.
///
/// Some documents mark nothing: 港南区's initiatives are bold lines, 旭区's 主な取組
/// are boxes. In a text dump such a heading is a line that
/// - stands alone: the line before it ended a sentence or was itself structure, and
///   the line after it does not continue it (does not start with hiragana or closing
///   punctuation);
/// - is a phrase, not a sentence: no 。, and it does not end in a particle, a comma
///   or a verb (ます/です, or a plain or te-form ending such as …はまる, …として:
///   headings are noun phrases, or exclamations that end in ！);
/// - is clearly shorter than the wrap width when the dump wraps paragraphs (a wrapped
///   line is as long as the column), unless it ends with ！/？ or stands between blank
///   lines (a box of its own, not a line of a paragraph);
/// - is not a plan citation (`中期計画の基本戦略に関連するテーマ【05】`).
///
/// Named projects (`…事業`, `…取組`, `…プロジェクト`) are headings by the guideline even
/// in documents that mark their other initiatives, so they pass in both modes.
struct UnmarkedHeadingRule: Sendable {
    let lines: [SourceLine]
    let kinds: [LineKind]
    let layout: PageLayout
    /// Whether the dump spaces all its lines apart, so that a blank line on both
    /// sides sets no line apart (see ``LineClassifier/isSpacedApart(_:)``).
    var spacedApart = false

    /// The title of line `i` and its key when it is a heading, else nil.
    ///
    /// - Parameters:
    ///   - previousEndsUnit: whether the content line before ended a sentence or was structure.
    ///   - allShapes: false in documents that mark their initiatives; then only named
    ///     projects qualify.
    ///   - titles: the lines' cleaned titles, cleaned here only when the line may qualify.
    func title(at i: Int, previousEndsUnit: Bool, allShapes: Bool, titles: inout CleanedTitles) -> CleanedTitles.Title? {
        guard previousEndsUnit, case .text = kinds[i], !lines[i].compact.contains("。"), !LineShapes.isCitation(lines[i].compact) else { return nil }
        let title = titles[line: i]
        let whole = Array(title.key.unicodeScalars)  // the cleaned title's compact scalars
        guard whole.count >= 4 else { return nil }
        let s = TitleCleaner.mainPart(whole)  // a heading may end in a ～subtitle～
        guard let last = s.last, s.contains(where: ScalarClass.isLetter) else { return nil }
        guard !s.contains("。"), !Self.citationWords.contains(where: { s.contains($0) }) else { return nil }
        // `（担当：…）`, `（関連計画：…）`: a remark in brackets is no heading.
        if let first = s.first, let close = Self.closingBrackets[first], last == close { return nil }
        guard Self.endsLikeName(s) else { return nil }
        guard nextLineStartsAfresh(after: i) else { return nil }
        let namedProject = Self.projectWords.contains { s.hasSuffix($0) }
        if namedProject { return s.count <= 60 ? title : nil }
        guard allShapes else { return nil }
        if layout.isUnwrapped { return s.count <= 120 ? title : nil }
        let exclaims = last == "!" || last == "?"
        let short = Double(lines[i].compact.count) < 0.85 * Double(layout.wrapWidth)
        return exclaims || short || standsAlone(i) ? title : nil
    }

    /// Whether line `i` has a blank line (or the document's edge) on both sides, in a
    /// dump that does not space every line apart.
    func standsAlone(_ i: Int) -> Bool {
        !spacedApart && (i == 0 || lines[i - 1].isBlank) && (i + 1 == lines.count || lines[i + 1].isBlank)
    }

    /// Whether `s` ends as a name or a heading does, not as a sentence or a phrase
    /// that goes on: in no particle, comma or opening bracket, and in no verb (ます,
    /// です, a plain or te-form ending), unless in a word of a name written with kana
    /// (…子育て, …見守り).
    static func endsLikeName(_ s: [Unicode.Scalar]) -> Bool {
        guard let last = s.last else { return false }
        if NameMorphology.wordsWithKana.contains(where: { s.hasSuffix($0) }) { return true }
        return !ScalarClass.particles.contains(last) && !openOrComma.contains(last) && !verbEndings.contains(last)
            && !politeEndings.contains(where: { s.hasSuffix($0) })
    }

    /// Plan citations and addresses, never headings.
    private static let citationWords = ["中期計画", "テーマ【", "http", "関連計画", "関連する計画"].map(S)
    private static let closingBrackets: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "【": "】", "[": "]", "<": ">", "＜": "＞"]
    static let politeEndings = ["ます", "です", "ました"].map(S)
    /// Words that end the name of a project.
    private static let projectWords = ["事業", "取組", "プロジェクト"].map(S)
    static let verbEndings: Set<Unicode.Scalar> = ["て", "る", "う", "す", "つ", "む", "た", "ぶ", "ぐ", "ず"]
    static let openOrComma: Set<Unicode.Scalar> = ["、", ",", "・", ":", ";", "「", "(", "『", "【", "〈", "<", "~", "～", "〜"]
    static let continuing: Set<Unicode.Scalar> = ["、", "。", ",", ".", ")", "」", "』", "】", "ー", "々", "ッ", "ャ", "ュ", "ョ"]

    /// Whether the next content line starts something new rather than continuing line `i`.
    func nextLineStartsAfresh(after i: Int) -> Bool {
        var j = i + 1
        while j < kinds.count, !kinds[j].isContent { j += 1 }
        guard j < kinds.count else { return true }  // the document ends: nothing continues the line
        switch kinds[j] {
        case .text, .note:
            var next = lines[j].compact
            if let first = next.first, first == "【" || TitleCleaner.labelKanji.contains(first) {
                next = TextNormalizer.compactScalars(TitleCleaner.strippingLeadingLabels(lines[j].display))
            }
            guard let first = next.first else { return false }
            return !ScalarClass.isHiragana(first) && !Self.continuing.contains(first)
        case .continuation:
            return false
        default:
            return true
        }
    }

    /// Whether a body line ends a sentence, so that the next line may be a heading.
    static func endsSentence(_ line: SourceLine) -> Bool {
        var s = line.compact[...]
        // Trailing labels and footnote marks: 「…します。【新規】」, 「…支援※1」.
        while let last = s.last {
            if last == "】", let open = s.lastIndex(of: "【") { s.removeSubrange(open...); continue }
            if ScalarClass.isASCIIDigit(last), let mark = s.lastIndex(of: "※"),
               s[(mark + 1)...].allSatisfy(ScalarClass.isASCIIDigit) { s.removeSubrange(mark...); continue }
            break
        }
        guard let last = s.last else { return true }
        return ScalarClass.sentenceEnds.contains(last)
    }
}
