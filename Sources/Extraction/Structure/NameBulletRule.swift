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
        let key = TextNormalizer.compactScalars(title)
        guard key.count >= 4, key.count <= 40, let last = key.last, !key.contains("。"), key.contains(where: ScalarClass.isLetter)
        else { return nil }
        guard !ScalarClass.particles.contains(last), !UnmarkedHeadingRule.openOrComma.contains(last),
              !UnmarkedHeadingRule.verbEndings.contains(last), !UnmarkedHeadingRule.politeEndings.contains(where: { key.hasSuffix($0) })
        else { return nil }
        guard !runsOn(after: i) else { return nil }
        return afterKeyInitiatives || hasIndentedDescription(after: i) ? title : nil
    }

    /// Whether the next line goes on with the bullet's phrase (`…授産製品` / `の販売会を…`).
    private func runsOn(after i: Int) -> Bool {
        var j = i + 1
        while j < kinds.count, !kinds[j].isContent { j += 1 }
        guard j < kinds.count, kinds[j] == .text || kinds[j] == .continuation, let first = lines[j].compact.first else { return false }
        return ScalarClass.isHiragana(first) || UnmarkedHeadingRule.continuing.contains(first)
    }

    /// Whether the next content line is text indented further than the bullet.
    private func hasIndentedDescription(after i: Int) -> Bool {
        var j = i + 1
        while j < kinds.count, !kinds[j].isContent { j += 1 }
        guard j < kinds.count, kinds[j] == .text else { return false }
        return RawSegments.indent(of: lines[j].raw) > RawSegments.indent(of: lines[i].raw)
    }
}
