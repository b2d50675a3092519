/// Repairs boxes that stood side by side on the page.
///
/// A text dump of two boxes in a row reads "heading A, heading B, body A, body B":
/// the headings come out as consecutive lines and every paragraph follows the last of
/// them. When unmarked sibling headings stand in a run like that (all but the last
/// without text of their own), the paragraphs after the run are dealt out again: in
/// order, each to the heading whose title shares the most character bigrams with it.
///
/// Algorithm: a monotone alignment of paragraphs to headings by dynamic programming
/// (paragraph p may go to heading h only if paragraph p − 1 went to a heading ≤ h),
/// maximising the total number of shared bigrams. Ties go to the later heading, so
/// when the titles say nothing the reading order of the dump is kept.
/// O(paragraphs × headings²), both small.
enum SideBySideRepair {
    static func apply(to measures: inout [MeasureDraft], lines: [SourceLine], kinds: [LineKind]) {
        let order = measures.indices.sorted { measures[$0].line < measures[$1].line }
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, continuesRun(measures[order[end]], measures[order[end + 1]], kinds: kinds) { end += 1 }
            if end > start { redistribute(Array(order[start...end]), in: &measures, lines: lines, kinds: kinds) }
            start = end + 1
        }
    }

    /// Whether `next` is an unmarked sibling heading directly below `current`, which has no text.
    private static func continuesRun(_ current: MeasureDraft, _ next: MeasureDraft, kinds: [LineKind]) -> Bool {
        guard !current.isMarked, !next.isMarked, current.level == next.level, current.parent == next.parent,
              current.segments.count == 1, current.segments[0] == [current.line] else { return false }
        return (current.line + 1..<next.line).allSatisfy { !kinds[$0].isContent }
    }

    private static func redistribute(_ run: [Int], in measures: inout [MeasureDraft], lines: [SourceLine], kinds: [LineKind]) {
        let last = run[run.count - 1]
        let body = measures[last].segments[0].filter { $0 > measures[last].line }
        let paragraphs = split(body, lines: lines, kinds: kinds)
        guard paragraphs.count > 1 else { return }
        let titles = run.map { bigrams(TextNormalizer.compactScalars(measures[$0].title)) }
        let score = paragraphs.map { paragraph -> [Int] in
            let text = bigrams(paragraph.flatMap { lines[$0].compact })
            return titles.map { $0.intersection(text).count }
        }
        // best[p][h]: the best total for paragraphs 0...p with paragraph p at heading h.
        var best = [[Int]](repeating: [Int](repeating: 0, count: run.count), count: paragraphs.count)
        var from = [[Int]](repeating: [Int](repeating: 0, count: run.count), count: paragraphs.count)
        for p in paragraphs.indices {
            for h in run.indices {
                var (value, origin) = (0, h)
                if p > 0 {
                    (value, origin) = (Int.min, 0)
                    for g in 0...h where best[p - 1][g] >= value { (value, origin) = (best[p - 1][g], g) }
                }
                best[p][h] = value + score[p][h]
                from[p][h] = origin
            }
        }
        var h = run.indices.last { best[paragraphs.count - 1][$0] == best[paragraphs.count - 1].max() }!
        var assignment = [Int](repeating: 0, count: paragraphs.count)
        for p in paragraphs.indices.reversed() {
            assignment[p] = h
            h = from[p][h]
        }
        guard assignment.contains(where: { $0 != run.count - 1 }) else { return }
        measures[last].segments[0] = measures[last].segments[0].filter { $0 <= measures[last].line }
        for (p, paragraph) in paragraphs.enumerated() {
            measures[run[assignment[p]]].segments[0] += paragraph
        }
    }

    /// Paragraphs: a bullet or note starts one, and so does a line after a sentence end.
    private static func split(_ body: [Int], lines: [SourceLine], kinds: [LineKind]) -> [[Int]] {
        var paragraphs: [[Int]] = []
        var previousEnded = true
        for i in body {
            let startsNew: Bool
            switch kinds[i] {
            case .bullet, .note: startsNew = true
            default: startsNew = previousEnded
            }
            if startsNew || paragraphs.isEmpty { paragraphs.append([i]) } else { paragraphs[paragraphs.count - 1].append(i) }
            previousEnded = UnmarkedHeadingRule.endsSentence(lines[i])
        }
        return paragraphs
    }

    /// Bigrams of letters (punctuation carries no meaning here).
    private static func bigrams(_ s: [Unicode.Scalar]) -> Set<UInt64> {
        guard s.count >= 2 else { return [] }
        var result = Set<UInt64>()
        for k in 0..<(s.count - 1) where ScalarClass.isLetter(s[k]) && ScalarClass.isLetter(s[k + 1]) {
            result.insert(UInt64(s[k].value) << 32 | UInt64(s[k + 1].value))
        }
        return result
    }
}
