/// One pass over the classified lines: a state machine that tracks the part, the
/// current level-1 and level-2 measure, and what the previous content line was.
struct StructureWalk {
    let lines: [SourceLine]
    let kinds: [LineKind]
    let layout: PageLayout
    let anchorKeys: Set<String>
    /// Whether unmarked lines of any shape may be headings (see ``UnmarkedHeadingRule``).
    let allShapes: Bool
    /// Cleaned titles of text lines, shared with the builder's other walk.
    private(set) var titles: CleanedTitles

    private enum Region { case beforeParts, policies, closed }
    private enum Previous { case boundary, structure, l1Heading, heading(level: Int, unmarked: Bool), text(endsSentence: Bool) }
    /// The marker of level-1 policies: the first marker used for a policy. Numbers
    /// claim it whenever it is still free; other markers only before any policy.
    private enum Style: Equatable { case numbered, symbol(SymbolClass), circled, parenthesized }

    private var region = Region.beforeParts
    private var measures: [MeasureDraft] = []
    private var sections: [(section: SectionName, line: Int)] = []
    private var currentL1: Int?
    private var currentL2: Int?
    private var segmentHasChild = false
    private var style: Style?
    private var numberedL1Count = 0
    private var previous = Previous.boundary
    /// Text between a part-Ⅱ header and the first heading after it; a scrambled dump
    /// puts a box's text before its heading, so it is given to that heading.
    private var orphans: [Int]?
    private var pageHasStructure = true
    /// Set by a section list, cleared when the policies resume: the units' blurbs,
    /// columns and messages around the list are not initiatives.
    private var afterSectionList = false

    init(lines: [SourceLine], kinds: [LineKind], layout: PageLayout, anchorKeys: Set<String>, allShapes: Bool, titles: CleanedTitles) {
        self.lines = lines
        self.kinds = kinds
        self.layout = layout
        self.anchorKeys = anchorKeys
        self.allShapes = allShapes
        self.titles = titles
    }

    private var isOpen: Bool { region != .closed }

    mutating func run() -> DocumentStructure {
        let rule = UnmarkedHeadingRule(lines: lines, kinds: kinds, layout: layout)
        for i in kinds.indices {
            if layout.startsPage(line: i) {
                pageHasStructure = layout.pageHasStructure(line: i)
                if !pageHasStructure { endBlock() }
            }
            switch kinds[i] {
            case .blank, .caption, .continuation:
                continue
            case .pageNumber, .title:
                // Titles recur as page headers, so they are transparent like page numbers.
                previous = .boundary
            case .part(let part):
                handlePart(part, at: i)
            case .bureauProjects:
                region = .closed
                endBlock()
                previous = .boundary
            case .keyInitiatives:
                region = .policies
                afterSectionList = false
                previous = .structure
            case .sectionList(let names):
                sections += names.map { ($0, i) }
                afterSectionList = true
                if currentL2 != nil || (currentL1 != nil && segmentHasChild) { endBlock() } else { appendBody(i) }
                previous = .boundary
            case .heading(let heading):
                handleHeading(heading, at: i)
            case .bullet, .note:
                appendBody(i)
                previous = .text(endsSentence: UnmarkedHeadingRule.endsSentence(lines[i]))
            case .text:
                if !anchorKeys.isEmpty, case let anchor = titles[line: i], anchorKeys.contains(anchor.key) {
                    openLevel1(title: anchor.title, key: anchor.key, number: nil, marked: true, at: i)
                } else if isOpen, pageHasStructure, !afterSectionList,
                          let heading = rule.title(at: i, previousEndsUnit: previousEndsUnit, allShapes: allShapes, titles: &titles) {
                    openUnmarked(title: heading.title, key: heading.key, at: i)
                } else {
                    appendBody(i)
                    previous = .text(endsSentence: UnmarkedHeadingRule.endsSentence(lines[i]))
                }
            }
        }
        SideBySideRepair.apply(to: &measures, lines: lines, kinds: kinds)
        return DocumentStructure(measures: measures, sections: sections)
    }

    private var previousEndsUnit: Bool {
        if case .text(let ends) = previous { return ends }
        return true
    }

    private mutating func handlePart(_ part: PartKind, at i: Int) {
        switch part {
        case .goal, .organisation:
            region = .closed
            endBlock()
            previous = .boundary
        case .policies:
            region = .policies
            afterSectionList = false
            endBlock()
            orphans = []
            previous = .structure
        case .headline(let title):
            if isOpen {
                openLevel1(title: title, key: TextNormalizer.key(title), number: nil, marked: true, at: i)
            } else {
                endBlock()
                previous = .boundary
            }
        }
    }

    private mutating func handleHeading(_ heading: Heading, at i: Int) {
        let key = TextNormalizer.key(heading.title)
        if let repeated = findRepeat(key: key, number: heading.marker.isPolicyNumber ? heading.marker.number : nil) {
            switchTo(repeated, title: heading.title, key: key, at: i)
            return
        }
        guard isOpen else { return }
        switch heading.marker {
        case .number(let n), .policyNumber(let n):
            if style == nil { style = .numbered }
            if style == .numbered && n == numberedL1Count + 1 {
                numberedL1Count += 1
                openLevel1(title: heading.title, key: key, number: n, marked: true, at: i)
            } else {
                openLevel2(title: heading.title, key: key, marked: true, at: i)
            }
        case .symbol(let shape):
            if style == nil && !measures.contains(where: { $0.level == 1 }) { style = .symbol(shape) }
            if style == .symbol(shape) {
                openLevel1(title: heading.title, key: key, number: nil, marked: true, at: i)
            } else {
                openLevel2(title: heading.title, key: key, marked: true, at: i)
            }
        case .circled(let n), .parenthesized(let n):
            let own: Style = { if case .circled = heading.marker { return .circled } else { return .parenthesized } }()
            if style == nil && !measures.contains(where: { $0.level == 1 }) { style = own }
            if style == own {
                openLevel1(title: heading.title, key: key, number: n, marked: true, at: i)
            } else {
                openLevel2(title: heading.title, key: key, marked: true, at: i)
            }
        case .subNumber(let major, _):
            // 2-1 belongs to policy 2 even when the dump put it elsewhere.
            if let parent = measures.indices.first(where: { measures[$0].level == 1 && measures[$0].number == major }),
               parent != currentL1 {
                currentL1 = parent
                segmentHasChild = true
            }
            openLevel2(title: heading.title, key: key, marked: true, at: i)
        case .wave:
            // A wave-dash headline is a policy only where policies are listed.
            switch previous {
            case .structure, .l1Heading:
                openLevel1(title: heading.title, key: key, number: nil, marked: true, at: i)
            default:
                appendBody(i)
                previous = .text(endsSentence: false)
            }
        }
    }

    private mutating func openUnmarked(title: String, key: String, at i: Int) {
        if let repeated = findRepeat(key: key, number: nil) {
            switchTo(repeated, title: title, key: key, at: i)
            return
        }
        // Unmarked headings in a row are siblings; otherwise one under a policy is an
        // initiative, and one before any policy is a policy.
        var level = currentL1 == nil ? 1 : 2
        if case .heading(let previousLevel, true) = previous { level = previousLevel }
        // Under an unmarked policy whose initiatives are marked (○), the next unmarked
        // heading is the next policy.
        if let policy = currentL1, !measures[policy].isMarked, let initiative = currentL2, measures[initiative].isMarked {
            level = 1
        }
        if level == 1 {
            openLevel1(title: title, key: key, number: nil, marked: false, at: i)
        } else {
            openLevel2(title: title, key: key, marked: false, at: i)
        }
    }

    /// The level-1 measure that a heading repeats, if any.
    private func findRepeat(key: String, number: Int?) -> Int? {
        let level1 = measures.indices.filter { measures[$0].level == 1 }
        if let exact = level1.first(where: { measures[$0].key == key }) { return exact }
        return level1.first { index in
            let m = measures[index]
            if let number, let own = m.number, own != number { return false }
            return StructureBuilder.sameHeading(m.key, key)
        }
    }

    private mutating func openLevel1(title: String, key: String, number: Int?, marked: Bool, at i: Int) {
        if let repeated = findRepeat(key: key, number: number) {
            switchTo(repeated, title: title, key: key, at: i)
            return
        }
        guard isOpen else { return }
        measures.append(MeasureDraft(title: title, key: key, level: 1, parent: nil, number: number, line: i,
                                     segments: [takeOrphans() + headingLines(i)], isMarked: marked))
        currentL1 = measures.count - 1
        currentL2 = nil
        segmentHasChild = false
        previous = marked ? .l1Heading : .heading(level: 1, unmarked: true)
    }

    private mutating func openLevel2(title: String, key: String, marked: Bool, at i: Int) {
        guard let parent = currentL1 else {
            appendBody(i)
            previous = .text(endsSentence: false)
            return
        }
        measures.append(MeasureDraft(title: title, key: key, level: 2, parent: parent, number: nil, line: i,
                                     segments: [takeOrphans() + headingLines(i)], isMarked: marked))
        currentL2 = measures.count - 1
        segmentHasChild = true
        previous = .heading(level: 2, unmarked: !marked)
    }

    private mutating func switchTo(_ index: Int, title: String, key: String, at i: Int) {
        region = .policies
        afterSectionList = false
        // A repetition that is longer and starts with the first heading restores a
        // title whose second line the dump lost.
        if key.count > measures[index].key.count && key.hasPrefix(measures[index].key) {
            measures[index].title = title
            measures[index].key = key
        }
        measures[index].segments.append(takeOrphans() + headingLines(i))
        currentL1 = index
        currentL2 = nil
        segmentHasChild = false
        previous = .l1Heading
    }

    private func headingLines(_ i: Int) -> [Int] {
        i + 1 < kinds.count && kinds[i + 1] == .continuation ? [i, i + 1] : [i]
    }

    private mutating func takeOrphans() -> [Int] {
        defer { orphans = nil }
        return orphans ?? []
    }

    private mutating func appendBody(_ i: Int) {
        guard isOpen else { return }
        if let target = currentL2 ?? currentL1 {
            measures[target].segments[measures[target].segments.count - 1].append(i)
        } else if orphans != nil && region == .policies {
            orphans?.append(i)
        }
    }

    private mutating func endBlock() {
        currentL1 = nil
        currentL2 = nil
        segmentHasChild = false
        orphans = nil
    }
}
