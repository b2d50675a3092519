import WardGraph

/// Why a revision of a document looks destructive: it would retract more than half
/// of what the document's previous version said, or leave its ward and fiscal year
/// with no measure. A two-line file with the same ward and year as a real policy
/// would otherwise wipe the real one out without a word.
enum RevisionGuard {
    /// The reasons `changes` (the revision of `content`, whose previous version said
    /// `previous`) is destructive; empty if it is not.
    static func reasons(_ changes: [Change], previous: Set<Fact>, content: DocumentFacts, now: GraphSnapshot) -> [String] {
        var reasons: [String] = []
        let retracted = changes.filter { $0.kind == .retract }.count
        if retracted * 2 > previous.count {
            reasons.append("would retract \(retracted) of the \(previous.count) facts its previous version said (more than half)")
        }
        let before = measures(of: content, in: now.facts(about: content.ward))
        var after = before
        for change in changes where change.fact.entity == content.ward && change.fact.attribute == EdgeType.hasMeasure.rawValue {
            guard let measure = change.fact.value.node, isMeasure(measure, of: content) else { continue }
            if change.kind == .retract { after.remove(measure) } else { after.insert(measure) }
        }
        if !before.isEmpty && after.isEmpty {
            reasons.append("would leave \(content.ward.name) \(content.fiscalYear) with no measures (it has \(before.count))")
        }
        return reasons
    }

    /// The measures of the document's ward and year among `facts` about the ward.
    private static func measures(of content: DocumentFacts, in facts: [Fact]) -> Set<NodeID> {
        Set(facts.compactMap { fact in
            guard fact.attribute == EdgeType.hasMeasure.rawValue, let measure = fact.value.node, isMeasure(measure, of: content) else { return nil }
            return measure
        })
    }

    /// `measure:泉区/R7/…` for the ward 泉区 and the year R7.
    private static func isMeasure(_ id: NodeID, of content: DocumentFacts) -> Bool {
        id.description.hasPrefix("measure:\(content.ward.name)/\(DocumentFacts.shortYear(content.fiscalYear))/")
    }
}
