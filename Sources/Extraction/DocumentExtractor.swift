/// Turns one policy document (plain text dumped from a PDF) into an ``ExtractedDocument``.
///
/// The phases hand each other typed values:
/// bytes → ``SourceLine``s (decoding, normalisation) → ``LineKind``s (each line by its
/// form) → ``DocumentStructure`` (parts, pages, measures and their blocks) → mentions
/// of partners and plans in each measure's ``LogicalText`` → the graph.
///
/// Pure and deterministic: the same bytes always give the same document. Safe to use
/// from several threads (it holds only the immutable lexicon).
public struct DocumentExtractor: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Extracts the graph of one document.
    ///
    /// Throws ``ExtractionError`` for an empty file, a binary or non-UTF-8 file, or a
    /// text in which no ward can be recognised.
    public func extract(bytes: [UInt8], fileName: String) throws -> ExtractedDocument {
        let source = try SourceText.lines(of: bytes, fileName: fileName)
        guard let title = WardTitleFinder.find(source) else {
            throw ExtractionError.noWardFound(fileName: fileName, lineCount: source.count)
        }
        let order = LayoutReader.read(source)
        let lines = order.lines
        let kinds = LineClassifier.classify(lines, forced: order.forcedKinds)
        let structure = StructureBuilder.build(lines: lines, kinds: kinds, reservedLabels: order.unreadRowKeys)
        // The whole text, joined where a line runs on (a citation wrapped before its
        // bracket: `第４期かながわ支え愛プラン` / `（神奈川区地域福祉保健計画）`).
        let whole = LogicalText(segment: Array(lines.indices), lines: lines, kinds: kinds, headingLines: structure.headingLines)
        let documentText = whole.scalars
        let welfare = WelfarePlanContext(ward: title.ward, documentText: documentText)
        let partnerRecognizer = PartnerRecognizer(lexicon: lexicon, ward: title.ward, documentText: documentText,
                                                  ownUnits: structure.sections.map(\.section.name))
        let planRecognizer = PlanRecognizer(lexicon: lexicon, welfare: welfare)

        var titled = ExtractedDocument(document: fileName, ward: title.ward, fiscalYear: title.fiscalYear, wardLine: title.line)
        titled.fiscalYearFromBodyLine = title.yearFromBodyLine
        var graph = GraphAssembler(document: titled)
        // Reading order: the index of the heading among the lines as read (a page's
        // left column before its right).
        let measureOrder = structure.measures.indices.sorted { structure.measures[$0].line < structure.measures[$1].line }
        var ids: [Int: String] = [:]
        for (position, index) in measureOrder.enumerated() { ids[index] = "m\(position + 1)" }
        let finder = NoticeFinder(partners: partnerRecognizer, plans: planRecognizer)
        var notices = Notices(lines: lines, structure: structure, ids: ids)
        for index in measureOrder {
            let draft = structure.measures[index]
            let id = ids[index]!
            graph.addMeasure(draft, id: id, parent: draft.parent.flatMap { ids[$0] }, lines: lines)
            var measurePartners: [PartnerMention] = []
            for segment in draft.segments {
                let text = LogicalText(segment: segment, lines: lines, kinds: kinds, headingLines: structure.headingLines)
                let partners = partnerRecognizer.mentions(in: text), plans = planRecognizer.mentions(in: text)
                measurePartners += partners
                for mention in plans { graph.addPlan(mention, measure: id) }
                for (name, line) in finder.organisationsNotTaken(in: text, found: partners) {
                    notices.add(.organisationNotTaken, line: line, text: name, name: name, measure: id)
                }
                for (i, name) in finder.unresolvedCitations(in: segment, lines: lines, found: plans) {
                    notices.add(.planCitationNotResolved, line: lines[i].number, text: lines[i].display, name: name, measure: id)
                }
            }
            for mention in partnerRecognizer.droppingKindsSpecified(measurePartners, heading: draft.title) {
                graph.addPartner(mention, measure: id)
            }
        }
        for (section, line) in structure.sections { graph.addSection(section, line: lines[line].number) }
        // Units named in the text that no listing gave: the first place each is named
        // (line by line, where spaces part names; a unit wrapped at ・ is the taken one).
        let taken = structure.sections.map { TextNormalizer.key($0.section.name) }
        var reported = Set(taken)
        for i in lines.indices where kinds[i].isContent && UnitSentences.mayNameUnit(lines[i].compact) {
            for (unit, _) in UnitSentences.allUnits(in: Array(lines[i].nfkc.unicodeScalars)) where UnitSentences.isReportable(unit) {
                let key = TextNormalizer.key(unit.name)
                guard !taken.contains(where: { $0.hasSuffix(key) }), reported.insert(key).inserted else { continue }
                notices.add(.unitNotTaken, line: lines[i].number, text: lines[i].display, name: unit.name)
            }
        }
        notices.addStructure(unreadRows: order.unreadRows, kinds: kinds)
        for i in structure.unmatchedPlanRows {
            for plan in finder.plansNamed(onLine: i, lines: lines, kinds: kinds) {
                notices.add(.planCitationNotResolved, line: lines[i].number, text: lines[i].display, name: plan)
            }
        }
        let outside = LogicalText(segment: structure.unattachedLines, lines: lines, kinds: kinds, headingLines: structure.headingLines)
        for (name, line) in finder.organisationsOutside(outside) { notices.add(.organisationNotTaken, line: line, text: name, name: name) }
        // Citations by levels (中期計画 テーマ5 戦略8 政策35) anywhere outside every measure:
        // a list of plans after the policies that could not be read is one.
        // Only lines with numbers (and the line before each, where a citation may begin) can hold one.
        let inMeasures = Set(structure.measures.flatMap { $0.segments.joined() }).union(structure.unmatchedPlanRows)
        let numbered = lines.indices.filter { !inMeasures.contains($0) && kinds[$0].isContent && lines[$0].compact.contains(where: ScalarClass.isASCIIDigit) }
        let cited = Set(numbered.flatMap { [$0 - 1, $0] }).filter { $0 >= 0 && !inMeasures.contains($0) && kinds[$0].isContent }.sorted()
        let rest = LogicalText(segment: cited, lines: lines, kinds: kinds, headingLines: structure.headingLines)
        for (name, line) in finder.citationsOutside(rest) { notices.add(.planCitationNotResolved, line: line, text: name, name: name) }
        var document = graph.finished()
        document.notices = notices.sorted()
        return document
    }
}

/// The notices of one document as they are found, each once.
private struct Notices {
    let lines: [SourceLine]
    let structure: DocumentStructure
    let ids: [Int: String]
    private var items: [ExtractionNotice] = []
    private var seen = Set<String>()

    init(lines: [SourceLine], structure: DocumentStructure, ids: [Int: String]) {
        self.lines = lines
        self.structure = structure
        self.ids = ids
    }

    mutating func add(_ kind: ExtractionNotice.Kind, line: Int, text: String, name: String?, measure: String? = nil) {
        guard seen.insert("\(kind.rawValue)|\(line)|\(text)|\(name ?? "")").inserted else { return }
        items.append(ExtractionNotice(kind: kind, line: line, text: text, name: name, measure: measure))
    }

    /// The headings and rows the structure could not place, with the policy before each.
    mutating func addStructure(unreadRows: [Int], kinds: [LineKind]) {
        func policy(before i: Int) -> String? {
            structure.measures.indices.filter { structure.measures[$0].level == 1 && structure.measures[$0].line < i }
                .max { structure.measures[$0].line < structure.measures[$1].line }.flatMap { ids[$0] }
        }
        for (i, title) in structure.orphanItems {
            add(.itemWithoutParent, line: lines[i].number, text: lines[i].display, name: title, measure: policy(before: i))
        }
        // A heading of the policies' family out of sequence would be a policy of its own.
        for i in structure.unplacedHeadings {
            add(.unplacedHeading, line: lines[i].number, text: lines[i].display, name: kinds[i].heading?.title ?? TitleCleaner.clean(lines[i].display))
        }
        for number in unreadRows {
            let i = lines.firstIndex { $0.number == number } ?? 0
            add(.unreadTableRow, line: number, text: lines[i].display, name: nil, measure: policy(before: i))
        }
    }

    func sorted() -> [ExtractionNotice] {
        items.sorted { ($0.line, $0.kind.rawValue, $0.text) < ($1.line, $1.kind.rawValue, $1.text) }
    }
}
