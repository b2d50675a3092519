import WardGraph

/// The shape of the real graph, measured from the default store (the five seed
/// documents), that the synthetic ward graphs of `scale` copy:
///
/// - per document, the number of policies (level 1) and of initiatives under each;
/// - per measure, the number of partners it names and of plans it implements;
/// - how many wards share each partner (the partner-sharing distribution): a
///   partner the seeds' k wards of n share is shared by each synthetic ward with
///   probability k/n, and the partners of only one ward become each ward's own;
/// - the plans, with their `within` hierarchy, and which are one ward's own;
/// - the sections each ward lists (by name), and the measures' titles.
struct SeedShape {
    var policiesPerDocument: [Int] = []
    var initiativesPerPolicy: [Int] = []
    var partnersPerMeasure: [Int] = []
    var plansPerMeasure: [Int] = []
    /// Partners by name with the number of seed wards whose measures name them.
    var partnerWards: [String: Int] = [:]
    /// Every `implements` target (with repeats, for sampling by frequency) and the seed wards using each.
    var implementsTargets: [NodeID] = []
    var planWards: [NodeID: Int] = [:]
    var within: [NodeID: NodeID] = [:]
    var sectionsPerWard: [Int] = []
    /// Section names, one entry per ward listing it (for sampling by frequency).
    var sectionNames: [String] = []
    var titles: [String] = []
    var wardCount = 0

    /// Partners two or more seed wards share, with the share of wards naming each.
    var sharedPartners: [(name: String, share: Double)] {
        partnerWards.filter { $0.value >= 2 }.sorted { $0.key < $1.key }.map { ($0.key, Double($0.value) / Double(wardCount)) }
    }

    /// The average number of partners only one seed ward names, per ward.
    var ownPartnersPerWard: Double {
        Double(partnerWards.values.filter { $0 == 1 }.count) / Double(wardCount)
    }

    /// A plan one ward alone uses, outside any hierarchy (a ward's own plan).
    func isOwnPlan(_ plan: NodeID) -> Bool {
        planWards[plan] == 1 && within[plan] == nil && !within.values.contains(plan)
    }

    init(_ snapshot: GraphSnapshot) {
        let facts = snapshot.facts()
        var labels: [NodeID: String] = [:]
        var levels: [NodeID: Int64] = [:]
        var documentOf: [NodeID: NodeID] = [:]
        var wardOf: [NodeID: NodeID] = [:]
        var children: [NodeID: Int] = [:]
        var partners: [NodeID: [NodeID]] = [:]
        var plans: [NodeID: [NodeID]] = [:]
        var sections: [NodeID: [NodeID]] = [:]
        for fact in facts {
            switch (fact.attribute, fact.value) {
            case ("label", .text(let text)): labels[fact.entity] = text
            case ("level", .integer(let n)): levels[fact.entity] = n
            case ("from_document", .node(let document)) where fact.entity.kind == .measure: documentOf[fact.entity] = document
            case ("has_measure", .node(let measure)): wardOf[measure] = fact.entity
            case ("sub_measure", .node(_)): children[fact.entity, default: 0] += 1
            case ("partners_with", .node(let partner)): partners[fact.entity, default: []].append(partner)
            case ("implements", .node(let plan)): plans[fact.entity, default: []].append(plan)
            case ("within", .node(let outer)): within[fact.entity] = outer
            case ("has_section", .node(let section)): sections[fact.entity, default: []].append(section)
            default: break
            }
        }
        let measures = levels.keys.filter { $0.kind == .measure }.sorted()
        let wards = Set(wardOf.values)
        wardCount = max(1, wards.count)
        var policies: [NodeID: Int] = [:]
        var partnerWardSets: [String: Set<NodeID>] = [:]
        var planWardSets: [NodeID: Set<NodeID>] = [:]
        for measure in measures {
            if levels[measure] == 1 {
                policies[documentOf[measure] ?? measure, default: 0] += 1
                initiativesPerPolicy.append(children[measure] ?? 0)
            }
            partnersPerMeasure.append(partners[measure]?.count ?? 0)
            plansPerMeasure.append(plans[measure]?.count ?? 0)
            if let ward = wardOf[measure] {
                for partner in partners[measure] ?? [] { partnerWardSets[labels[partner] ?? partner.name, default: []].insert(ward) }
                for plan in plans[measure] ?? [] { planWardSets[plan, default: []].insert(ward) }
            }
            implementsTargets += plans[measure] ?? []
            if let title = labels[measure] { titles.append(title) }
        }
        policiesPerDocument = policies.values.sorted()
        partnerWards = partnerWardSets.mapValues(\.count)
        planWards = planWardSets.mapValues(\.count)
        for ward in wards.sorted() {
            let listed = sections[ward] ?? []
            sectionsPerWard.append(listed.count)
            sectionNames += listed.map { labels[$0] ?? String($0.lastSegment) }
        }
    }

    /// What was measured, for the report.
    var summary: String {
        func histogram(_ values: [Int]) -> String {
            Dictionary(grouping: values, by: { $0 }).sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.count)" }.joined(separator: " ")
        }
        let sharing = Dictionary(grouping: partnerWards.values, by: { $0 }).sorted { $0.key < $1.key }
            .map { "\($0.value.count) partner\($0.value.count == 1 ? "" : "s") in \($0.key) ward\($0.key == 1 ? "" : "s")" }
        return """
        seed shape (\(wardCount) wards, \(policiesPerDocument.count) documents):
          policies per document \(policiesPerDocument), initiatives per policy (count:policies) \(histogram(initiativesPerPolicy))
          partners per measure (count:measures) \(histogram(partnersPerMeasure)); plans per measure \(histogram(plansPerMeasure))
          partner sharing: \(sharing.joined(separator: ", "))
          sections per ward \(sectionsPerWard); \(planWards.count) plans implemented, \(within.count) within edges
        """
    }
}
