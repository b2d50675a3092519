/// Footnotes keyed by a marker on a heading: `4) きらっとあさひプランの推進※3` and, at
/// the foot of the page, `※3 きらっとあさひプラン（第４期…）：…の計画です。`.
///
/// A dump puts the footnote after the page's last measure, whose text it would join;
/// it belongs to the measure whose heading carries its marker, as a trailing table's
/// row belongs to the measure it names. The markers are the usual ones of footnotes
/// (※1, ＊1, *1, 注1, (注1)), full- or half-width; a footnote takes the indented
/// lines under it, up to a blank line, a page number or the next footnote. A footnote
/// whose marker no heading carries stays where it is.
enum FootnoteRouting {
    /// Moves each keyed footnote's lines from wherever they are to its measure.
    static func apply(to measures: inout [MeasureDraft], unattached: inout [Int], lines: [SourceLine], kinds: [LineKind]) {
        var owner: [String: Int] = [:]
        for (m, measure) in measures.enumerated() {
            guard let key = trailingMarker(lines[measure.line].compact) else { continue }
            owner[key] = owner[key] == nil ? m : -1  // a marker on two headings keys neither
        }
        guard !owner.isEmpty else { return }
        var moved: [Int: [Int]] = [:]
        var i = 0
        while i < lines.count {
            guard kinds[i].isContent, let key = leadingMarker(lines[i].nfkc), let m = owner[key], m >= 0 else { i += 1; continue }
            var block = [i]
            var j = i + 1
            while j < lines.count, !lines[j].isBlank, kinds[j] != .pageNumber, leadingMarker(lines[j].nfkc) == nil,
                  kinds[j].heading == nil, RawSegments.indent(of: lines[j].raw) > 0 {
                block.append(j)
                j += 1
            }
            moved[m, default: []] += block
            i = j
        }
        guard !moved.isEmpty else { return }
        let all = Set(moved.values.joined())
        for m in measures.indices {
            measures[m].segments = measures[m].segments.map { $0.filter { !all.contains($0) } }.filter { !$0.isEmpty }
        }
        unattached.removeAll { all.contains($0) }
        for (m, block) in moved { measures[m].segments.append(block) }
    }

    /// `※3`, `*3`, `注3` at the end of a heading's line (NFKC compact), as a key.
    static func trailingMarker(_ s: [Unicode.Scalar]) -> String? {
        var end = s.count
        if end > 0, s[end - 1] == ")" { end -= 1 }
        var start = end
        while start > 0, ScalarClass.isASCIIDigit(s[start - 1]), end - start < 3 { start -= 1 }
        guard start < end, start > 0, markWords.contains(s[start - 1]) else { return nil }
        // A heading is more than its marker.
        guard start - 1 > 2 else { return nil }
        return key(s[start - 1], Array(s[start..<end]))
    }

    /// The marker that opens a footnote line (`※3 …`, `(注3)…`, `*3：…`), as a key;
    /// `line` is NFKC with its spaces, which part the marker from a number after it
    /// (`※5 2027年…`).
    static func leadingMarker(_ line: String) -> String? {
        let s = Array(line.unicodeScalars.drop { $0 == " " })
        var i = 0
        if i < s.count, s[i] == "(" { i += 1 }
        guard i < s.count, markWords.contains(s[i]) else { return nil }
        let mark = s[i]
        var j = i + 1
        while j < s.count, ScalarClass.isASCIIDigit(s[j]), j - i <= 3 { j += 1 }
        guard j > i + 1, j < s.count, !ScalarClass.isASCIIDigit(s[j]) else { return nil }
        return key(mark, Array(s[(i + 1)..<j]))
    }

    private static func key(_ mark: Unicode.Scalar, _ digits: [Unicode.Scalar]) -> String {
        let number = Int(digits.string) ?? 0
        return "\(mark == "注" ? "注" : "※")\(number)"
    }

    /// ＊ is * under NFKC; ※ and 注 stay.
    private static let markWords: Set<Unicode.Scalar> = ["※", "*", "注"]
}
