/// Whether a bullet names an initiative rather than saying what is done.
///
/// The guideline: a bullet whose text is a *name* — a noun phrase with no predicate,
/// usually followed by indented lines that describe it, or one of a list under a
/// heading such as 【主な取組】 — is an initiative; a bullet that is a sentence
/// (〜します。, 〜を進める) is text of the measure above it.
///
///     ・区制100周年に向けた機運醸成             ← a name
///     　　ロゴマークの公募やプレイベントを…       ← its description, indented
///     ・拠点ごとの訓練を支援します。             ← a sentence
///
/// A name bullet needs one of the two signs of a list of names (the indented
/// description, or a 主な取組 heading above it): a noun phrase alone is not enough,
/// because policy overviews list their aims as noun phrases too (`- …の推進`).
struct NameBulletRule {
    let lines: [SourceLine]
    let kinds: [LineKind]

    /// The initiative's title when bullet line `i` names one, else nil.
    func title(at i: Int, afterKeyInitiatives: Bool) -> String? {
        let display = lines[i].display
        var scalars = Array(display.unicodeScalars)
        while let first = scalars.first, LineShapes.bulletMarks.contains(first) || first == " " { scalars.removeFirst() }
        let title = TitleCleaner.clean(scalars.string)
        let whole = TextNormalizer.compactScalars(title)
        guard whole.count >= 4, whole.count <= 40, !whole.contains("。") else { return nil }
        let key = TitleCleaner.mainPart(whole)  // a name may end in a ～subtitle～
        guard key.count >= 2, key.contains(where: ScalarClass.isLetter), UnmarkedHeadingRule.endsLikeName(key) else { return nil }
        guard !runsOn(after: i) else { return nil }
        return afterKeyInitiatives || hasIndentedDescription(after: i) ? title : nil
    }

    /// Whether the next line goes on with the bullet's phrase (`…授産製品` / `の販売会を…`):
    /// it starts as a phrase goes on, and it is not indented past the bullet's text (a
    /// line that is, `    ほどがや国際交流ラウンジと連携し…`, describes the name).
    private func runsOn(after i: Int) -> Bool {
        var j = i + 1
        while j < kinds.count, !kinds[j].isContent { j += 1 }
        guard j < kinds.count, kinds[j] == .text || kinds[j] == .continuation, let first = lines[j].compact.first else { return false }
        guard RawSegments.indent(of: lines[j].raw) <= textStart(of: lines[i].raw) else { return false }
        return ScalarClass.isHiragana(first) || UnmarkedHeadingRule.continuing.contains(first)
    }

    /// The display column where a bullet line's text starts, after its mark.
    private func textStart(of raw: String) -> Int {
        var column = 0
        for s in raw.unicodeScalars where s.value != 0x0C {
            guard ScalarClass.isWhitespace(s) || LineShapes.bulletMarks.contains(s) else { break }
            column += s.value == 0x3000 ? 2 : RawSegments.width(of: s)
        }
        return column
    }

    /// Whether the next content line is text indented further than the bullet.
    private func hasIndentedDescription(after i: Int) -> Bool {
        var j = i + 1
        while j < kinds.count, !kinds[j].isContent { j += 1 }
        guard j < kinds.count, kinds[j] == .text else { return false }
        return RawSegments.indent(of: lines[j].raw) > RawSegments.indent(of: lines[i].raw)
    }
}
