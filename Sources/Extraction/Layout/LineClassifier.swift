/// Classification of each line by its own form (see ``LineKind``).
///
/// Only local evidence is used here; what a line means in the document (a level-1
/// policy or a level-2 initiative, a heading without a marker) is decided by
/// ``StructureBuilder``, which knows the parts and the pages.
enum LineClassifier {
    /// The kind of every line; `forced` gives the kinds that the layout reading
    /// already decided (the rows of a table, see ``LayoutReader``).
    static func classify(_ lines: [SourceLine], forced: [Int: LineKind] = [:]) -> [LineKind] {
        var kinds = lines.indices.map { forced[$0] ?? kind(of: lines[$0]) }
        let step = isSpacedApart(lines) ? 2 : 1
        joinMarkersToTitles(lines, &kinds, forced: forced, step: step)
        joinWrappedHeadings(lines, &kinds, forced: forced, step: step)
        bracketTailsAsText(lines, &kinds, forced: forced, step: step)
        // A ward office lists a dozen units; one or two unit-like lines are text,
        // unless one of them lists several units at once.
        let lists = kinds.compactMap { kind -> Int? in if case .sectionList(let units) = kind { return units.count } else { return nil } }
        if lists.count < 3 && !lists.contains(where: { $0 >= 4 }) {
            for i in kinds.indices { if case .sectionList = kinds[i] { kinds[i] = .text } }
        }
        return kinds
    }

    /// The kind of one line, in order of precedence.
    static func kind(of line: SourceLine) -> LineKind {
        let display = line.display
        if line.isBlank { return .blank }
        if LineShapes.isPageNumber(display) { return .pageNumber }
        let key = line.compact
        // `＜主な取組＞` is bracketed like a photo's caption, but heads the initiatives.
        if LineShapes.isCaption(display) { return LineShapes.isBracketedKeyInitiatives(key) ? .keyInitiatives : .caption }
        let short = key.count <= 30 && !key.contains("。") && !key.contains("、")
        if short && (key.contains(policyTitleWord) || LineShapes.isFiscalYearOnly(key)) { return .title }
        if let part = LineShapes.partHeader(display) { return .part(part) }
        if short && key.contains(bureauProjectsWord) { return .bureauProjects }
        // `施策３の取組と関連する計画` names initiatives but titles their plans.
        if short && LineShapes.isPlanTableHeading(key) { return .planTable }
        if short && LineShapes.isKeyInitiativesMarker(key) { return .keyInitiatives }
        if SectionNoteParser.mayHoldNote(key), let units = SectionNoteParser.lineNote(key) { return .sectionNote(units) }
        if let sections = SectionListParser.parse(display) ?? SectionListParser.unitWithWork(line.raw).map({ [$0] }) {
            return .sectionList(sections)
        }
        if let first = display.unicodeScalars.first {
            if first == "※" || display.hasPrefix("注)") || display.hasPrefix("(注") || display.hasPrefix("（注") { return .note }
            if LineShapes.isBullet(display) { return .bullet }
        }
        if let title = QuotedHeadline.title(display) { return .heading(Heading(marker: .quoted, title: title)) }
        if let heading = HeadingParser.parse(display) {
            // A symbol before a sentence is a bullet of prose, not a heading.
            if case .symbol = heading.marker, heading.title.hasSuffix("。") { return .text }
            // `テーマ05 ＞ 戦略8 ＞ 政策35`: numbered words and nothing else are a reference, not a heading.
            if case .keyword = heading.marker, isNumberedWords(heading.title) { return .text }
            return .heading(heading)
        }
        return .text
    }

    /// Whether a title is only words each followed by a number (`戦略8 ＞ 政策35`,
    /// `・戦略２・政策９`), joined by separators: no phrase a heading would have.
    static func isNumberedWords(_ title: String) -> Bool {
        let s = TextNormalizer.compactScalars(title)
        var tokens = 0
        var i = 0
        while i < s.count {
            while i < s.count, separators.contains(s[i]) { i += 1 }
            guard i < s.count else { break }
            let word = i
            while i < s.count, ScalarClass.isKanji(s[i]) || ScalarClass.isKatakana(s[i]) || ScalarClass.isASCIILetter(s[i]) { i += 1 }
            let digits = i
            while i < s.count, ScalarClass.isASCIIDigit(s[i]) || s[i] == "、" || s[i] == "・" || s[i] == "," { i += 1 }
            guard digits > word, i > digits, digits - word <= 4 else { return false }
            tokens += 1
        }
        return tokens >= 1
    }

    private static let separators: Set<Unicode.Scalar> = [">", "→", "-", "/", "・", "、", ",", ":", "(", ")"]

    private static let policyTitleWord = S("運営方針"), bureauProjectsWord = S("局事業")

    /// A marker alone on its line and the title on the next (`施策１` / `安全・安心なまち`):
    /// one heading. The title is a phrase: no 。, not a citation, short.
    private static func joinMarkersToTitles(_ lines: [SourceLine], _ kinds: inout [LineKind], forced: [Int: LineKind], step: Int) {
        for i in kinds.indices where forced[i] == nil && kinds[i] == .text && lines[i].compact.count <= 10 {
            guard let t = nextLine(after: i, lines, step: step), forced[t] == nil, kinds[t] == .text,
                  let marker = HeadingParser.bareMarker(lines[i].display) else { continue }
            let next = lines[t].compact
            guard next.count <= 40, !next.contains("。"), !LineShapes.isCitation(next),
                  let last = next.last, last != "、", !ScalarClass.particles.contains(last) else { continue }
            let title = TitleCleaner.clean(lines[t].display)
            guard title.unicodeScalars.contains(where: ScalarClass.isLetter) else { continue }
            kinds[i] = .heading(Heading(marker: marker, title: title))
            kinds[t] = .continuation
        }
    }

    /// The line after `i` that may go on with it: the next one, or in a document that
    /// spaces its lines apart (`step` 2) the one after a single blank line.
    static func nextLine(after i: Int, _ lines: [SourceLine], step: Int) -> Int? {
        if i + 1 < lines.count, !lines[i + 1].isBlank || step == 1 { return i + 1 }
        return i + 2 < lines.count && lines[i + 1].isBlank ? i + 2 : nil
    }

    /// Whether the dump put a blank line after nearly every line (a converter that
    /// spaces lines apart): then a line and the one after the blank are neighbours.
    static func isSpacedApart(_ lines: [SourceLine]) -> Bool {
        let content = lines.indices.filter { !lines[$0].isBlank && $0 + 1 < lines.count }
        guard content.count >= 10 else { return false }
        return Double(content.filter { lines[$0 + 1].isBlank }.count) >= 0.85 * Double(content.count)
    }

    /// A line that closes a bracket the line before left open is the rest of that
    /// line, whatever it starts with: `…を行います。（中期計画 テーマ05` / `戦略03 政策19）`
    /// is no heading numbered 戦略03.
    private static func bracketTailsAsText(_ lines: [SourceLine], _ kinds: inout [LineKind], forced: [Int: LineKind], step: Int) {
        for i in kinds.indices where i >= step && forced[i] == nil {
            guard case .heading = kinds[i], kinds[i - step].isContent, closesFirst(lines[i].compact), leavesOpen(lines[i - step].compact)
            else { continue }
            kinds[i] = .text
        }
    }

    /// Whether a bracket opened on the line is still open at its end.
    private static func leavesOpen(_ s: [Unicode.Scalar]) -> Bool {
        var depth = 0
        for c in s { if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } }
        return depth > 0
    }

    /// Whether the line closes a bracket before it opens any.
    private static func closesFirst(_ s: [Unicode.Scalar]) -> Bool {
        guard let close = s.firstIndex(of: ")") else { return false }
        return !s[..<close].contains("(")
    }

    /// Headings that the dump wrapped onto a second line: `1 安全に、安心して` +
    /// `暮らせるまちづくり`, and wave-dash headlines whose closing ～ is on the next line.
    private static func joinWrappedHeadings(_ lines: [SourceLine], _ kinds: inout [LineKind], forced: [Int: LineKind], step: Int) {
        for i in kinds.indices where forced[i] == nil {
            guard var heading = kinds[i].heading else { continue }
            let next = nextLine(after: i, lines, step: step) ?? lines.count
            if heading.marker == .wave {
                if LineShapes.endsWithWaveDash(lines[i].display) { continue }
                // Unclosed: join the directly following line if it closes the headline.
                if next < lines.count, kinds[next] == .text, LineShapes.endsWithWaveDash(lines[next].display) {
                    heading.title = TitleCleaner.strippingWaveDashes(lines[i].display + lines[next].display)
                    kinds[i] = .heading(heading)
                    kinds[next] = .continuation
                } else {
                    kinds[i] = .text
                }
                continue
            }
            // A citation (`関連する中期計画：…`) under a heading is none of its title.
            guard next < lines.count, kinds[next] == .text, !LineShapes.isCitation(lines[next].compact) else { continue }
            // A title never ends in a comma or a particle: the next line goes on with it.
            if let last = heading.title.unicodeScalars.last, last == "、" || ScalarClass.particles.contains(last),
               lines[next].compact.count <= 30, !lines[next].compact.contains("。") {
                heading.title = TitleCleaner.clean(heading.title + lines[next].display)
                kinds[i] = .heading(heading)
                kinds[next] = .continuation
                continue
            }
            // A short line with bullets under it is a heading of its own.
            var after = next + 1
            while after < lines.count, lines[after].isBlank { after += 1 }
            if after < lines.count, kinds[after] == .bullet { continue }
            let continuation = lines[next].display
            let length = continuation.unicodeScalars.count
            guard length <= 15, let last = heading.title.unicodeScalars.last,
                  !ScalarClass.sentenceEnds.contains(last), last != "」", last != "）", last != ")",
                  let lastOfNext = continuation.unicodeScalars.last, lastOfNext != "。", lastOfNext != "、"
            else { continue }
            heading.title = TitleCleaner.clean(heading.title + continuation)
            kinds[i] = .heading(heading)
            kinds[next] = .continuation
        }
    }
}
