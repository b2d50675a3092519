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
        let lines = try SourceText.lines(of: bytes, fileName: fileName)
        guard let title = WardTitleFinder.find(lines) else {
            throw ExtractionError.noWardFound(fileName: fileName, lineCount: lines.count)
        }
        let kinds = LineClassifier.classify(lines)
        let structure = StructureBuilder.build(lines: lines, kinds: kinds)
        let documentText = lines.flatMap { $0.compact + [LogicalText.hardStop] }
        let welfare = WelfarePlanContext(ward: title.ward, documentText: documentText)
        let partnerRecognizer = PartnerRecognizer(lexicon: lexicon, ward: title.ward)
        let planRecognizer = PlanRecognizer(lexicon: lexicon, welfare: welfare)

        var document = ExtractedDocument(document: fileName, ward: title.ward, fiscalYear: title.fiscalYear, wardLine: title.line)
        document.fiscalYearFromBodyLine = title.yearFromBodyLine
        var graph = GraphAssembler(document: document)
        let order = structure.measures.indices.sorted { structure.measures[$0].line < structure.measures[$1].line }
        var ids: [Int: String] = [:]
        for (position, index) in order.enumerated() { ids[index] = "m\(position + 1)" }
        for index in order {
            let draft = structure.measures[index]
            let id = ids[index]!
            graph.addMeasure(draft, id: id, parent: draft.parent.flatMap { ids[$0] }, lines: lines)
            for segment in draft.segments {
                let text = LogicalText(segment: segment, lines: lines, kinds: kinds)
                for mention in partnerRecognizer.mentions(in: text) { graph.addPartner(mention, measure: id) }
                for mention in planRecognizer.mentions(in: text) { graph.addPlan(mention, measure: id) }
            }
        }
        for (section, line) in structure.sections { graph.addSection(section, line: lines[line].number) }
        return graph.finished()
    }
}
