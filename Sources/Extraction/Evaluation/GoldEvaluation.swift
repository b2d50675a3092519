/// Scores extracted documents against gold documents by the guideline's rule
/// (see ``EntityMatcher``), per document and pooled over all of them.
public enum GoldEvaluation {
    public static func evaluate(_ pairs: [(gold: GoldDocument, extracted: ExtractedDocument)]) -> EvaluationReport {
        let documents = pairs.map { pair in
            EvaluationReport.DocumentScore(document: pair.gold.document, rows: rows(gold: pair.gold, extracted: pair.extracted))
        }
        let pooled = EvaluationKind.allCases.map { kind in
            let rows = documents.compactMap { $0.rows.first { $0.kind == kind } }
            return EvaluationReport.Row(kind: kind, matched: rows.map(\.matched).reduce(0, +),
                                        extracted: rows.map(\.extracted).reduce(0, +), gold: rows.map(\.gold).reduce(0, +))
        }
        return EvaluationReport(pooled: pooled, documents: documents)
    }

    static func rows(gold: GoldDocument, extracted: ExtractedDocument) -> [EvaluationReport.Row] {
        let measureMatch = EntityMatcher.match(gold: gold.measures.map { .init(name: $0.title, aliases: []) },
                                               extracted: extracted.measures.map(\.title), containment: true)
        let sectionMatch = EntityMatcher.match(gold: gold.sections.map { .init(name: $0.name, aliases: $0.aliases) },
                                               extracted: extracted.sections.map(\.name), containment: false)
        let partnerMatch = EntityMatcher.match(gold: gold.partners.map { .init(name: $0.name, aliases: $0.aliases) },
                                               extracted: extracted.partners.map(\.name), containment: false)
        let planMatch = EntityMatcher.match(gold: gold.plans.map { .init(name: $0.name, aliases: $0.aliases) },
                                            extracted: extracted.plans.map(\.name), containment: true)

        // Extracted names and ids → the gold names and ids they matched.
        func translate(_ match: [Int: Int], _ extractedNames: [String], _ goldNames: [String]) -> [String: String] {
            Dictionary(match.map { (extractedNames[$0.key], goldNames[$0.value]) }, uniquingKeysWith: { a, _ in a })
        }
        let measureID = translate(measureMatch, extracted.measures.map(\.id), gold.measures.map(\.id))
        let partnerName = translate(partnerMatch, extracted.partners.map(\.name), gold.partners.map(\.name))
        let planName = translate(planMatch, extracted.plans.map(\.name), gold.plans.map(\.name))

        func edgeRow(_ kind: EvaluationKind, _ type: EdgeType, _ targets: [String: String]) -> EvaluationReport.Row {
            let goldEdges = Set(gold.edges.filter { $0.type == type.rawValue }.map { Triple($0.from, $0.type, $0.to) })
            let extractedEdges = Set(extracted.edges.filter { $0.type == type }.map { Triple($0.from, $0.type.rawValue, $0.to) })
            let matched = extractedEdges.filter { e in
                guard let from = measureID[e.from], let to = targets[e.to] else { return false }
                return goldEdges.contains(Triple(from, e.type, to))
            }.count
            return .init(kind: kind, matched: matched, extracted: extractedEdges.count, gold: goldEdges.count)
        }
        let goldSub = Set(gold.measures.compactMap { m in m.parent.map { Triple($0, "sub_measure", m.id) } })
        let extractedSub = Set(extracted.measures.compactMap { m in m.parent.map { Triple($0, "sub_measure", m.id) } })
        let subMatched = extractedSub.filter { e in
            guard let parent = measureID[e.from], let child = measureID[e.to] else { return false }
            return goldSub.contains(Triple(parent, "sub_measure", child))
        }.count

        return [
            .init(kind: .measures, matched: measureMatch.count, extracted: extracted.measures.count, gold: gold.measures.count),
            .init(kind: .sections, matched: sectionMatch.count, extracted: extracted.sections.count, gold: gold.sections.count),
            .init(kind: .partners, matched: partnerMatch.count, extracted: extracted.partners.count, gold: gold.partners.count),
            .init(kind: .plans, matched: planMatch.count, extracted: extracted.plans.count, gold: gold.plans.count),
            edgeRow(.partnersWith, .partnersWith, partnerName),
            edgeRow(.implements, .implements, planName),
            .init(kind: .subMeasure, matched: subMatched, extracted: extractedSub.count, gold: goldSub.count),
        ]
    }

    private struct Triple: Hashable {
        var from: String, type: String, to: String
        init(_ from: String, _ type: String, _ to: String) { self.from = from; self.type = type; self.to = to }
    }
}
