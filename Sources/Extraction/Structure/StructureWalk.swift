/// One pass over the classified lines: a state machine that tracks the part, the
/// current level-1 and level-2 measure, and what the previous content line was.
///
/// Levels come from marker families (see ``StructureWalk+Levels.swift``); this file
/// holds the state and the dispatch on each line's kind.
struct StructureWalk {
    let lines: [SourceLine]
    let kinds: [LineKind]
    let layout: PageLayout
    let anchorKeys: Set<String>
    /// Whether unmarked lines of any shape may be headings (see ``UnmarkedHeadingRule``).
    let allShapes: Bool
    let unmarkedRule: UnmarkedHeadingRule
    /// Whether the dump spaces its lines apart (see ``LineClassifier/isSpacedApart(_:)``).
    let spacedApart: Bool
    /// Cleaned titles of text lines, shared with the builder's other walk.
    var titles: CleanedTitles

    enum Region { case beforeParts, policies, closed }
    enum Previous { case boundary, structure, l1Heading, heading(level: Int, unmarked: Bool), text(endsSentence: Bool) }

    var region = Region.beforeParts
    var measures: [MeasureDraft] = []
    /// Indices of the level-1 measures, in order (repeats are looked up among them).
    var policies: [Int] = []
    var sections: [(section: SectionName, line: Int)] = []
    var currentL1: Int?
    var currentL2: Int?
    var segmentHasChild = false
    var previous = Previous.boundary
    /// The family whose headings are the policies (level 1), and how many of them
    /// have been met in sequence.
    var policyFamily: MarkerFamily?
    var policyCount = 0
    /// The level of every other family, fixed where the family first appears: 2
    /// directly under a policy, 3 (text of the initiative) under an initiative.
    var familyLevels: [MarkerFamily: Int] = [:]
    /// How many headings of each family stand in the policies (parts Ⅰ and Ⅲ aside),
    /// counted before the walk.
    let familyCounts: [MarkerFamily: Int]
    /// Measure index by label (`視点1`, `1-1`); -1 where two measures share a label.
    var labels: [String: Int] = [:]
    /// Text between a part-Ⅱ header and the first heading after it; a scrambled dump
    /// puts a box's text before its heading, so it is given to that heading.
    var orphans: [Int]?
    var pageHasStructure = true
    /// Set by a section list, cleared when the policies resume: the units' blurbs,
    /// columns and messages around the list are not initiatives.
    var afterSectionList = false
    /// Set by a 主な取組 marker: name bullets below it are initiatives.
    var afterKeyInitiatives = false
    /// Inside a table of plans keyed by measure labels.
    var inPlanTable = false {
        didSet { if !inPlanTable { planRow = nil } }
    }
    /// The row of the table of plans read last (see StructureWalk+PlanTables).
    var planRow: PlanTableRow?
    /// The policy a table of plans is about when its title names one (`施策３の取組と
    /// 関連する計画`): its rows' numbers count that policy's initiatives.
    var planTableScope: Int?
    /// Set by the part on the organisation (Ⅲ 組織運営): parts after it are no policies.
    var afterOrganisation = false
    /// Lines of numbered parts that hold the policies under a title of their own (see
    /// ``policyParts(_:)``).
    let policyParts: Set<Int>
    var headingLines = Set<Int>()
    var orphanItems: [(line: Int, title: String)] = []
    var unplacedHeadings: [Int] = []
    var unattachedLines: [Int] = []
    var unmatchedPlanRows: [Int] = []
    /// Text lines that stand like headings (see ``unmarkedPolicies()``).
    var headingLikeLines: [Int] = []

    init(lines: [SourceLine], kinds: [LineKind], layout: PageLayout, anchorKeys: Set<String>, allShapes: Bool, titles: CleanedTitles) {
        self.lines = lines
        self.kinds = kinds
        self.layout = layout
        self.anchorKeys = anchorKeys
        self.allShapes = allShapes
        self.titles = titles
        spacedApart = LineClassifier.isSpacedApart(lines)
        unmarkedRule = UnmarkedHeadingRule(lines: lines, kinds: kinds, layout: layout, spacedApart: spacedApart)
        policyParts = Self.policyParts(kinds)
        familyCounts = Self.countFamilies(kinds, policyParts: policyParts)
    }

    /// The numbered parts that hold the policies though their title is none of the
    /// parts' own names: in a document without a part so named, the first such part
    /// after the aims whose title speaks of what is done (`Ⅱ 重点的な取組`, see
    /// ``LineShapes/namesPolicies(_:)``) or that the part on the organisation follows
    /// (`Ⅰ 基本目標`, `Ⅱ 区の概要`, `Ⅲ 組織運営`: the second part holds them).
    static func policyParts(_ kinds: [LineKind]) -> Set<Int> {
        let parts = kinds.indices.compactMap { i -> (Int, PartKind)? in if case .part(let p) = kinds[i] { return (i, p) } else { return nil } }
        guard !parts.contains(where: { $0.1 == .policies }) else { return [] }
        for (k, (i, part)) in parts.enumerated() {
            guard case .headline(let title) = part else { if part == .organisation { break } else { continue } }
            if LineShapes.namesPolicies(title) || (k + 1 < parts.count && parts[k + 1].1 == .organisation) { return [i] }
        }
        return []
    }

    /// Headings per family in the parts that hold policies.
    private static func countFamilies(_ kinds: [LineKind], policyParts: Set<Int>) -> [MarkerFamily: Int] {
        var counts: [MarkerFamily: Int] = [:]
        var open = true
        for (i, kind) in kinds.enumerated() {
            switch kind {
            case .part(.goal), .part(.organisation): open = false
            case .part(.headline) where policyParts.contains(i): open = true
            case .part(.policies), .keyInitiatives: open = true
            case .heading(let heading) where open: counts[heading.marker.family, default: 0] += 1
            default: break
            }
        }
        return counts
    }

    var isOpen: Bool { region != .closed }

    mutating func run() -> DocumentStructure {
        for i in kinds.indices {
            if layout.startsPage(line: i) {
                pageHasStructure = layout.pageHasStructure(line: i)
                if !pageHasStructure { endBlock() }
            }
            if inPlanTable && planTableRow(at: i) { continue }
            switch kinds[i] {
            case .blank, .caption, .continuation, .tableHeader:
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
                handleKeyInitiatives(at: i)
            case .planTable:
                // Rows keyed by measures follow (see StructureWalk+PlanTables); any
                // other line is the text of the measure above (`【関連計画】` and the
                // plans on the next lines). The table's title is layout.
                // A title that names its policy scopes the rows (a header row under it
                // is passed over while no row is read, see planTableRow).
                planTableScope = policyNamed(byPlanTableTitle: lines[i].compact)
                inPlanTable = true
                previous = .boundary
            case .sectionList(let names):
                sections += names.map { ($0, i) }
                afterSectionList = true
                if currentL2 != nil || (currentL1 != nil && segmentHasChild) { endBlock() } else { appendBody(i) }
                previous = .boundary
            case .sectionNote(let names):
                sections += names.map { ($0, i) }
            case .planRow:
                // A row of a table of plans whose key names no measure: never the
                // text of the measure above.
                unmatchedPlanRows.append(i)
            case .heading(let heading):
                handleHeading(heading, at: i)
            case .bullet:
                if isOpen, let title = NameBulletRule(lines: lines, kinds: kinds).title(at: i, afterKeyInitiatives: afterKeyInitiatives) {
                    headingLines.insert(i)
                    openFamilyMember(.nameBullet, title: title, key: TextNormalizer.key(title), label: nil, at: i)
                } else {
                    appendBody(i)
                    previous = .text(endsSentence: UnmarkedHeadingRule.endsSentence(lines[i]))
                }
                addInlineNotes(at: i)
            case .note, .tableCell:
                appendBody(i)
                previous = .text(endsSentence: UnmarkedHeadingRule.endsSentence(lines[i]))
                addInlineNotes(at: i)
            case .text:
                handleText(at: i)
                addInlineNotes(at: i)
            }
        }
        sections += organisationProseUnits()
        FootnoteRouting.apply(to: &measures, unattached: &unattachedLines, lines: lines, kinds: kinds)
        SideBySideRepair.apply(to: &measures, lines: lines, kinds: kinds)
        unplacedHeadings += unmarkedPolicies()
        return DocumentStructure(measures: measures, sections: sections, headingLines: headingLines, orphanItems: orphanItems,
                                 unplacedHeadings: unplacedHeadings, unattachedLines: unattachedLines, unmatchedPlanRows: unmatchedPlanRows)
    }

    /// A line of text: the rest of a heading the dump broke, a policy that a
    /// key-initiatives heading anchors, a heading without a marker, or the text of
    /// the measure above.
    mutating func handleText(at i: Int) {
        if let (index, keyOnly) = namedPlanRow(at: i) {
            // `地域防災力の向上 …… 中期計画 テーマ5…` outside any table heading: a row of plans
            // that names its measure by its whole title, and the rows after it.
            if !keyOnly { measures[index].segments.append([i]) }
            planTableScope = nil
            inPlanTable = true
            planRow = PlanTableRow(measure: index, line: i, keyOnly: keyOnly)
            previous = .boundary
            return
        }
        if let measure = headingContinued(by: i) {
            // `（イ） 木造住宅密集地域の防災まちづくりと、がけ` / `地対策の推進`
            measures[measure].title = TitleCleaner.clean(measures[measure].title + lines[i].display)
            measures[measure].key = TextNormalizer.key(measures[measure].title)
            headingLines.insert(i)
            appendBody(i)
        } else if !anchorKeys.isEmpty, case let anchor = titles[line: i], anchorKeys.contains(anchor.key) {
            openLevel1(title: anchor.title, key: anchor.key, number: nil, marked: true, at: i)
        } else if isOpen, pageHasStructure, !afterSectionList,
                  let heading = unmarkedRule.title(at: i, previousEndsUnit: previousEndsUnit, allShapes: allShapes, titles: &titles) {
            headingLines.insert(i)
            openUnmarked(title: heading.title, key: heading.key, at: i)
        } else if let heading = nextUnmarkedPolicy(at: i) {
            headingLines.insert(i)
            openLevel1(title: heading.title, key: heading.key, number: nil, marked: false, at: i)
        } else {
            if !allShapes, isOpen, pageHasStructure, !afterSectionList, standsAfterText,
               lines[i].compact.count <= 40, !lines[i].compact.contains("、"),
               unmarkedRule.title(at: i, previousEndsUnit: true, allShapes: true, titles: &titles) != nil {
                headingLikeLines.append(i)
            }
            appendBody(i)
            previous = .text(endsSentence: UnmarkedHeadingRule.endsSentence(lines[i]))
        }
        addInlineNotes(at: i)
    }

    /// The title of line `i` when it is the next policy of a document whose policies
    /// have no marker and whose initiatives have one (`「GREEN×EXPO 2027」…の取組`, □ …,
    /// then `安全・安心を実感できるまち`, □ …): it stands like a heading after the text of
    /// such a policy, and the next heading after its paragraph is one of the initiatives'.
    private mutating func nextUnmarkedPolicy(at i: Int) -> CleanedTitles.Title? {
        guard !allShapes, isOpen, pageHasStructure, !afterSectionList, standsAfterText, let policy = currentL1, !measures[policy].isMarked,
              let family = measures.last(where: { $0.parent == policy && $0.isMarked })?.family,
              lines[i].compact.count <= 30, let heading = unmarkedRule.title(at: i, previousEndsUnit: true, allShapes: true, titles: &titles)
        else { return nil }
        var j = i + 1
        var content = 0
        while j < kinds.count, content < 6 {
            if let next = kinds[j].heading { return next.marker.family == family ? heading : nil }
            if kinds[j].isContent { content += 1 }
            j += 1
        }
        return nil
    }

    /// Whether the line before ended a sentence of text or a page: where a policy
    /// without a marker would stand (not right under a heading).
    private var standsAfterText: Bool {
        switch previous {
        case .text(let ends): return ends
        case .boundary: return true
        default: return false
        }
    }

    /// Lines read as text that stand like a heading and open a block of initiatives
    /// (the next heading after their paragraph is an initiative): a policy without a
    /// marker in a document that marks its headings, which the reader should look at.
    private func unmarkedPolicies() -> [Int] {
        let initiatives = Set(measures.filter { $0.level == 2 && $0.isMarked }.map(\.line))
        return headingLikeLines.filter { i in
            var j = i + 1
            var content = 0
            while j < kinds.count, content < 6 {
                if kinds[j].heading != nil || headingLines.contains(j) { return initiatives.contains(j) }
                if kinds[j].isContent { content += 1 }
                j += 1
            }
            return false
        }
    }

    /// The measure whose marked heading, on the line just before, line `i` finishes:
    /// in a document that marks its headings, a short line right under one that ends
    /// no sentence is the rest of a title the dump broke, often in mid-word
    /// (`…社会参加の推` / `進`, `・…魅力体験事` / `業`, `…安全対策の推` /
    /// `進　【中期計画】…`: a trailing citation is no part of the length). It must
    /// stand alone (a bullet, a heading or a blank line follows), unless it is too
    /// short to be a line of description at all (four letters at most).
    private func headingContinued(by i: Int) -> Int? {
        guard !allShapes, i > 0, let measure = currentL2 ?? currentL1,
              measures[measure].line == i - 1 || (spacedApart && i >= 2 && lines[i - 1].isBlank && measures[measure].line == i - 2),
              measures[measure].isMarked,
              measures[measure].family != .tableRow else { return nil }
        switch previous {
        case .l1Heading, .heading(_, unmarked: false): break
        default: return nil
        }
        let s = TextNormalizer.compactScalars(TitleCleaner.clean(lines[i].display))
        guard s.count <= 15, let first = s.first, !UnmarkedHeadingRule.endsSentence(lines[i]), !s.contains("、"),
              ScalarClass.isNameCharacter(first) || ScalarClass.isHiragana(first),
              let last = measures[measure].title.unicodeScalars.last, ScalarClass.isLetter(last) else { return nil }
        if s.count <= 4 { return measure }
        let next = i + 1
        return measures[measure].family != .nameBullet && (next == kinds.count || kinds[next] != .text) ? measure : nil
    }

    var previousEndsUnit: Bool {
        if case .text(let ends) = previous { return ends }
        return true
    }

    /// The units that the prose of the part on the organisation enumerates (see
    /// ``UnitSentences``), each with the line its name begins on.
    private func organisationProseUnits() -> [(section: SectionName, line: Int)] {
        guard let start = kinds.firstIndex(of: .part(.organisation)) else { return [] }
        var text: [Unicode.Scalar] = []
        var lineAt: [Int] = []
        for i in start..<kinds.count {
            switch kinds[i] {
            case .text, .continuation:
                text += lines[i].compact
                lineAt += Array(repeating: i, count: lines[i].compact.count)
            case .blank, .pageNumber, .title:
                continue
            default:
                // A sentence does not run on over a heading or a list.
                if text.last != "。" {
                    text.append("。")
                    lineAt.append(i)
                }
            }
        }
        return UnitSentences.units(in: text).map { ($0.unit, lineAt[$0.offset]) }
    }

    /// `…を支援します。（担当：総務課）`, `…を開催します。【問合せ】地域振興課`: the units in
    /// charge, noted at the end of a line of text or a heading.
    mutating func addInlineNotes(at i: Int) {
        let compact = lines[i].compact
        guard SectionNoteParser.mayHoldNote(compact) else { return }
        // With its spaces first, which part a unit from what follows it (`【問合せ】総務課　電話…`).
        let spaced = SectionNoteParser.notes(in: Array(lines[i].nfkc.unicodeScalars))
        sections += (spaced.isEmpty ? SectionNoteParser.notes(in: compact) : spaced).map { ($0, i) }
    }

    private mutating func handlePart(_ part: PartKind, at i: Int) {
        inPlanTable = false
        afterKeyInitiatives = false
        switch part {
        case .goal, .organisation:
            if part == .organisation { afterOrganisation = true }
            region = .closed
            endBlock()
            previous = .boundary
        case .policies:
            region = .policies
            afterSectionList = false
            endBlock()
            orphans = []
            previous = .structure
        case .headline where policyParts.contains(i):
            handlePart(.policies, at: i)
        case .headline(let title):
            if isOpen && !afterOrganisation {
                openLevel1(title: title, key: TextNormalizer.key(title), number: nil, marked: true, at: i)
            } else {
                endBlock()
                previous = .boundary
            }
        }
    }

    /// `主な取組`, and a heading of key initiatives that also names the policy it
    /// details: by its label in brackets or anywhere (`主な取組（重点取組２）`,
    /// `施策１の主な取組`), or by its title in brackets (`主な取組（安全・安心なまちづくり）`).
    private mutating func handleKeyInitiatives(at i: Int) {
        region = .policies
        afterSectionList = false
        if let index = policyNamed(byKeyInitiatives: lines[i].compact) {
            switchTo(index, title: measures[index].title, key: measures[index].key, at: i)
        }
        afterKeyInitiatives = true
        previous = .structure
    }

    /// The policy that a key-initiatives heading names, if it names one.
    func policyNamed(byKeyInitiatives compact: [Unicode.Scalar]) -> Int? {
        if let open = compact.firstIndex(where: { $0 == "(" || $0 == "【" }),
           let close = compact[open...].firstIndex(where: { $0 == ")" || $0 == "】" }), open + 1 < close {
            let inner = Array(compact[(open + 1)..<close]).string
            if let index = labels[inner], index >= 0, measures[index].level == 1 { return index }
            let key = TextNormalizer.key(inner)
            if let index = policies.first(where: { StructureBuilder.sameHeading(measures[$0].key, key) }) { return index }
        }
        // A label with a word (施策1, 視点2) anywhere on the line; a bare number is too
        // common to mean a policy.
        let named = policies.filter { index in
            guard let label = measures[index].label, label.unicodeScalars.contains(where: ScalarClass.isLetter) else { return false }
            let word = S(label)
            // 施策1 is not in 施策10.
            return compact.indices.contains { compact.matches(word, at: $0) && !(compact.indices.contains($0 + word.count) && ScalarClass.isASCIIDigit(compact[$0 + word.count])) }
        }
        return named.count == 1 ? named[0] : nil
    }
}
