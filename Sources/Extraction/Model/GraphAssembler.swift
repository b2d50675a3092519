/// Collects measures and mentions into an ``ExtractedDocument``: one node per
/// canonical name (with the spellings seen and the first line), one edge per
/// (measure, type, target) with the line of its first mention.
struct GraphAssembler {
    private var document: ExtractedDocument
    private var partnerIndex: [String: Int] = [:]
    private var planIndex: [String: Int] = [:]
    private var sectionIndex: [String: Int] = [:]
    private var edgeKeys = Set<String>()

    init(document: ExtractedDocument) {
        self.document = document
    }

    mutating func addMeasure(_ draft: MeasureDraft, id: String, parent: String?, lines: [SourceLine]) {
        let own = draft.segments[0].filter { $0 >= draft.line }
        let before = draft.segments[0].filter { $0 < draft.line }
        var others = draft.segments.dropFirst().compactMap { range(of: $0, lines) }
        if let early = range(of: before, lines) { others.insert(early, at: 0) }
        document.measures.append(ExtractedMeasure(
            id: id, title: draft.title, level: draft.level, parent: parent, line: lines[draft.line].number,
            endLine: lines[own.max() ?? draft.line].number, otherBlocks: others))
    }

    private func range(of segment: [Int], _ lines: [SourceLine]) -> ClosedRange<Int>? {
        guard let low = segment.min(), let high = segment.max() else { return nil }
        return lines[low].number...lines[high].number
    }

    mutating func addPartner(_ mention: PartnerMention, measure: String) {
        if let index = partnerIndex[mention.name] {
            addAlias(mention.surface, to: &document.partners[index].aliases, canonical: mention.name)
            document.partners[index].line = Swift.min(document.partners[index].line, mention.line)
        } else {
            partnerIndex[mention.name] = document.partners.count
            var partner = ExtractedPartner(name: mention.name, line: mention.line)
            addAlias(mention.surface, to: &partner.aliases, canonical: mention.name)
            document.partners.append(partner)
        }
        addEdge(ExtractedEdge(from: measure, type: .partnersWith, to: mention.name, line: mention.line))
    }

    mutating func addPlan(_ mention: PlanMention, measure: String) {
        for node in mention.nodes {
            if let index = planIndex[node.name] {
                document.plans[index].line = Swift.min(document.plans[index].line, mention.line)
            } else {
                planIndex[node.name] = document.plans.count
                document.plans.append(ExtractedPlan(name: node.name, within: node.within, line: mention.line))
            }
        }
        let target = mention.target.name
        if let surface = mention.surface, let index = planIndex[target] {
            addAlias(surface, to: &document.plans[index].aliases, canonical: target)
        }
        addEdge(ExtractedEdge(from: measure, type: .implements, to: target, line: mention.line))
    }

    mutating func addSection(_ section: SectionName, line: Int) {
        if let index = sectionIndex[section.name] {
            addAlias(section.written, to: &document.sections[index].aliases, canonical: section.name)
        } else {
            sectionIndex[section.name] = document.sections.count
            var entry = ExtractedSection(name: section.name, line: line)
            addAlias(section.written, to: &entry.aliases, canonical: section.name)
            document.sections.append(entry)
        }
    }

    private mutating func addEdge(_ edge: ExtractedEdge) {
        let key = edge.from + "\u{1F}" + edge.type.rawValue + "\u{1F}" + edge.to
        guard edgeKeys.insert(key).inserted else { return }
        document.edges.append(edge)
    }

    /// Records `surface` as an alias when it is spelled differently from `canonical`
    /// (not merely in width or spacing).
    private func addAlias(_ surface: String, to aliases: inout [String], canonical: String) {
        let key = TextNormalizer.key(surface)
        guard key != TextNormalizer.key(canonical), !aliases.contains(where: { TextNormalizer.key($0) == key }) else { return }
        aliases.append(surface)
    }

    /// The document with nodes in order of first mention and edges grouped by measure.
    func finished() -> ExtractedDocument {
        var result = document
        result.partners.sort { ($0.line, $0.name) < ($1.line, $1.name) }
        result.plans.sort { a, b in
            if a.line != b.line { return a.line < b.line }
            return a.name < b.name
        }
        let measureOrder = Dictionary(uniqueKeysWithValues: result.measures.enumerated().map { ($1.id, $0) })
        result.edges.sort { a, b in
            let ma = measureOrder[a.from] ?? 0, mb = measureOrder[b.from] ?? 0
            if ma != mb { return ma < mb }
            if a.type != b.type { return a.type == .partnersWith }
            if a.line != b.line { return a.line < b.line }
            return a.to < b.to
        }
        return result
    }
}
