/// Builds the measures of a document from its classified lines.
///
/// The document model, in the order a reader meets it:
/// - Part Ⅱ (目標達成に向けた施策), or the text before any part header, lists the
///   level-1 policies; parts Ⅰ (基本目標) and Ⅲ (組織運営) hold none, and neither does
///   the list of city-bureau projects (主な局事業).
/// - The 主な取組 / 主な事業・取組 pages repeat each policy heading and detail it with
///   level-2 initiatives. A repeated heading is the same measure: "each level-1
///   policy is annotated once, where it first appears".
/// - The level-1 marker is the first kind of marker used for a policy (１, 施策１, or
///   a symbol such as ◆); other markers (○, ①, ●) open level-2 initiatives.
/// - Bullets and paragraphs belong to the measure above them; a page that shows no
///   policy structure at all (a column, a message, the section list) belongs to none.
///
/// Documents that mark no initiatives are built a second time with the
/// ``UnmarkedHeadingRule`` turned on for all line shapes (see ``build(lines:kinds:)``).
enum StructureBuilder {
    /// `reservedLabels` are labels the document gives to rows it holds no measure for.
    static func build(lines: [SourceLine], kinds: [LineKind], reservedLabels: Set<String> = []) -> DocumentStructure {
        let layout = PageLayout(lines: lines, kinds: kinds)
        var titles = CleanedTitles(lines: lines)
        let anchors = anchorKeys(lines: lines, kinds: kinds, titles: &titles)
        var markedWalk = StructureWalk(lines: lines, kinds: kinds, layout: layout, anchorKeys: anchors, allShapes: false, titles: titles)
        markedWalk.reserve(reservedLabels)
        let marked = markedWalk.run()
        // A document that marks its initiatives (○, ◆, ①) writes its other lines as
        // prose; only when it marks none are unmarked lines considered headings.
        if marked.measures.filter({ $0.level == 2 && $0.isMarked && $0.family != .tableRow }).count >= 2 { return marked }
        var unmarkedWalk = StructureWalk(
            lines: lines, kinds: kinds, layout: layout, anchorKeys: anchors, allShapes: true, titles: markedWalk.titles)
        unmarkedWalk.reserve(reservedLabels)
        return unmarkedWalk.run()
    }

    /// Keys of unmarked lines that stand right above a 主な事業・取組 marker: these
    /// are level-1 headings (金沢区's `区民の皆様への｢まごころ｣あふれる区役所づくり`),
    /// and so is an earlier line with the same text.
    static func anchorKeys(lines: [SourceLine], kinds: [LineKind], titles: inout CleanedTitles) -> Set<String> {
        var keys = Set<String>()
        for (k, kind) in kinds.enumerated() where kind == .keyInitiatives {
            var p = k - 1
            while p >= 0, !kinds[p].isContent { p -= 1 }
            guard p >= 0, kinds[p] == .text else { continue }
            let s = lines[p].compact
            guard let last = s.last, s.count <= 40, !s.contains("。"), !ScalarClass.particles.contains(last), last != "、"
            else { continue }
            keys.insert(titles[line: p].key)
        }
        return keys
    }

    /// Whether two heading keys name the same policy: equal, one a prefix of the other
    /// (a heading whose second line was lost), a small edit apart (`多様な主体等と` /
    /// `多様な主体と` in two versions of one heading), or reworded but sharing most
    /// character bigrams (Dice coefficient ≥ 0.6).
    static func sameHeading(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let shorter = Swift.min(x.count, y.count)
        guard shorter >= 4 else { return false }
        if shorter >= 6 && (x.starts(with: y) || y.starts(with: x)) { return true }
        if editDistance(x, y, limit: Swift.max(2, shorter / 5)) <= Swift.max(2, shorter / 5) { return true }
        return bigramDice(x, y) >= 0.6
    }

    /// The Dice coefficient of the two strings' sets of character bigrams.
    static func bigramDice(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Double {
        func bigrams(_ s: [Unicode.Scalar]) -> Set<UInt64> {
            s.count < 2 ? [] : Set((0..<(s.count - 1)).map { UInt64(s[$0].value) << 32 | UInt64(s[$0 + 1].value) })
        }
        let a = bigrams(x), b = bigrams(y)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = Swift.min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
