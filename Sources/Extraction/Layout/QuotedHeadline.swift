/// Paragraph headings that open with a quoted phrase: `「区制55周年と…の魅力発信」`,
/// `「安全・安心」を実感できるまち`, `『つながり』のあるまち`.
///
/// Some documents set their policies as bold paragraph headings with no marker, and
/// open them with a slogan in quotes. By its own form such a line is one quotation,
/// alone or followed by a short phrase, that ends as a name ends: no 。, no comma
/// after the quotation, no particle, verb or polite ending at the end. Whether it is
/// a heading also depends on where it stands, which only the structure walk knows:
/// the line before ended a sentence or was structure, and the line after starts
/// afresh (a line of a paragraph that happens to open with a quotation does neither).
enum QuotedHeadline {
    /// The cleaned title when `display` has the form of a quoted headline, else nil.
    ///
    ///     title("「人と人がつながる」まち")               → "「人と人がつながる」まち"
    ///     title("「みんなでつくる」を目指した取組を進めます。") → nil (a sentence)
    ///     title("「農」の魅力を生かし、")                → nil (goes on)
    static func title(_ display: String) -> String? {
        guard let first = display.unicodeScalars.first, let closer = pairs[first] else { return nil }
        let title = TitleCleaner.clean(display)
        let s = Array(title.unicodeScalars)
        guard s.first == first, let close = closingIndex(s, opener: first, closer: closer), close > 2,
              s[1..<close].filter(ScalarClass.isLetter).count >= 2 else { return nil }
        let compact = TextNormalizer.compactScalars(title)
        guard compact.count <= maxLength, !compact.contains("。") else { return nil }
        let tail = s[(close + 1)...].filter { !ScalarClass.isWhitespace($0) }
        guard tail.count <= maxTail, !tail.contains(where: { tailStops.contains($0) }) else { return nil }
        return UnmarkedHeadingRule.endsLikeName(TitleCleaner.mainPart(compact)) ? title : nil
    }

    /// The index of the quotation's closing mark, quotations of the same kind nested.
    private static func closingIndex(_ s: [Unicode.Scalar], opener: Unicode.Scalar, closer: Unicode.Scalar) -> Int? {
        var depth = 0
        for (i, c) in s.enumerated() {
            if c == opener && (opener != closer || i == 0) {
                depth += 1
            } else if c == closer {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// Quotation marks that open a headline, and the marks that close them.
    private static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["「": "」", "『": "』", "“": "”", "〝": "〟", "｢": "｣"]
    /// A heading is short; the phrase after the quotation shorter still (まち, の推進,
    /// を実感できるまち, 開催地元区としての取組).
    private static let maxLength = 60, maxTail = 16
    /// Marks after the quotation that make the line a clause that goes on.
    private static let tailStops: Set<Unicode.Scalar> = ["、", "，", ",", "。", "．"]
}
