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
        joinWrappedHeadings(lines, &kinds, forced: forced)
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
        if short && LineShapes.isKeyInitiativesMarker(key) { return .keyInitiatives }
        if short && LineShapes.isPlanTableHeading(key) { return .planTable }
        if SectionNoteParser.mayHoldNote(key), let units = SectionNoteParser.lineNote(key) { return .sectionNote(units) }
        if let sections = SectionListParser.parse(display) ?? SectionListParser.unitWithWork(line.raw).map({ [$0] }) {
            return .sectionList(sections)
        }
        if let first = display.unicodeScalars.first {
            if first == "※" || display.hasPrefix("注)") || display.hasPrefix("(注") || display.hasPrefix("（注") { return .note }
            if LineShapes.isBullet(display) { return .bullet }
        }
        if let heading = HeadingParser.parse(display) {
            // A symbol before a sentence is a bullet of prose, not a heading.
            if case .symbol = heading.marker, heading.title.hasSuffix("。") { return .text }
            return .heading(heading)
        }
        return .text
    }

    private static let policyTitleWord = S("運営方針"), bureauProjectsWord = S("局事業")

    /// Headings that the dump wrapped onto a second line: `1 安全に、安心して` +
    /// `暮らせるまちづくり`, and wave-dash headlines whose closing ～ is on the next line.
    private static func joinWrappedHeadings(_ lines: [SourceLine], _ kinds: inout [LineKind], forced: [Int: LineKind]) {
        for i in kinds.indices where forced[i] == nil {
            guard var heading = kinds[i].heading else { continue }
            let next = i + 1
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
            guard next < lines.count, kinds[next] == .text else { continue }
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
