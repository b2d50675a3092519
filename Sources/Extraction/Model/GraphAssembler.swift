/// Collects measures and mentions into an ``ExtractedDocument``: one node per
/// canonical name (with the spellings seen and the first line), one edge per
/// (measure, type, target) with the line of its first mention.
struct GraphAssembler {
    private var document: ExtractedDocument
    private var partnerIndex: [String: Int] = [:]
    private var planIndex: [String: Int] = [:]
    private var sectionIndex: [String: Int] = [:]
    private var edgeKeys = Set<String>()
    /// The keys of each node's name and aliases, parallel to the document's partners,
    /// plans and sections: a spelling whose key is among them is no new alias.
    private var partnerSpellingKeys: [Set<String>]
    private var planSpellingKeys: [Set<String>]
    private var sectionSpellingKeys: [Set<String>]

    init(document: ExtractedDocument) {
        self.document = document
        partnerSpellingKeys = document.partners.map { Self.spellingKeys($0.name, $0.aliases) }
        planSpellingKeys = document.plans.map { Self.spellingKeys($0.name, $0.aliases) }
        sectionSpellingKeys = document.sections.map { Self.spellingKeys($0.name, $0.aliases) }
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
            Self.addAlias(mention.surface, to: &document.partners[index].aliases, keys: &partnerSpellingKeys[index])
            document.partners[index].line = Swift.min(document.partners[index].line, mention.line)
        } else {
            partnerIndex[mention.name] = document.partners.count
            var partner = ExtractedPartner(name: mention.name, line: mention.line)
            var keys = Self.spellingKeys(mention.name, [])
            Self.addAlias(mention.surface, to: &partner.aliases, keys: &keys)
            document.partners.append(partner)
            partnerSpellingKeys.append(keys)
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
                planSpellingKeys.append(Self.spellingKeys(node.name, []))
            }
        }
        let target = mention.target.name
        if let surface = mention.surface, let index = planIndex[target] {
            Self.addAlias(surface, to: &document.plans[index].aliases, keys: &planSpellingKeys[index])
        }
        addEdge(ExtractedEdge(from: measure, type: .implements, to: target, line: mention.line))
    }

    mutating func addSection(_ section: SectionName, line: Int) {
        if let index = sectionIndex[section.name] {
            Self.addAlias(section.written, to: &document.sections[index].aliases, keys: &sectionSpellingKeys[index])
        } else {
            sectionIndex[section.name] = document.sections.count
            var entry = ExtractedSection(name: section.name, line: line)
            var keys = Self.spellingKeys(section.name, [])
            Self.addAlias(section.written, to: &entry.aliases, keys: &keys)
            document.sections.append(entry)
            sectionSpellingKeys.append(keys)
        }
    }

    private mutating func addEdge(_ edge: ExtractedEdge) {
        let key = edge.from + "\u{1F}" + edge.type.rawValue + "\u{1F}" + edge.to
        guard edgeKeys.insert(key).inserted else { return }
        document.edges.append(edge)
    }

    /// Records `surface` as an alias when it is spelled differently (not merely in
    /// width or spacing) from the node's name and its aliases, whose keys are `keys`.
    private static func addAlias(_ surface: String, to aliases: inout [String], keys: inout Set<String>) {
        guard keys.insert(TextNormalizer.key(surface)).inserted else { return }
        aliases.append(surface)
    }

    private static func spellingKeys(_ name: String, _ aliases: [String]) -> Set<String> {
        Set(([name] + aliases).map(TextNormalizer.key))
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
