import TestSupport
import WardGraph

/// Synthetic ward graphs with the seeds' shape (`SeedShape`), one document per
/// ward-year, each ingested as its own transaction as `wardgraph ingest` would.
///
/// A size of N ward-years has max(5, N/10) wards, each with N/wards fiscal years
/// (so 5 is the seeds' five wards in one year each, 5,000 is 500 wards over ten
/// years). A ward keeps its partners, plans and sections over its years; each
/// year's document draws its measures afresh. The same size always gives the same
/// graph (a fixed seed).
struct SyntheticWards {
    let shape: SeedShape
    let wardYears: Int
    let wards: Int
    let years: Int

    init(shape: SeedShape, wardYears: Int) {
        self.shape = shape
        self.wardYears = wardYears
        wards = max(5, wardYears / 10)
        years = max(1, wardYears / wards)
    }

    /// One ward's standing choices: its partners, plans and sections.
    private struct Ward {
        let id: NodeID
        let name: String
        let partners: [NodeID]
        let ownPlans: [NodeID: NodeID]
        let sections: [String]
    }

    /// Calls `body` with each document's key, file name and changes, in order.
    func forEachDocument(_ body: (_ key: String, _ file: String, _ changes: [Change]) throws -> Void) rethrows {
        var g = SplitMix64(seed: 0x5CA1E &+ UInt64(wardYears))
        let sharedPartners = shape.sharedPartners
        let ownPlanList = Set(shape.implementsTargets.filter(shape.isOwnPlan)).sorted()
        let listingShare = Double(shape.sectionsPerWard.filter { $0 > 0 }.count) / Double(max(1, shape.sectionsPerWard.count))
        for w in 0..<wards {
            let name = "第\(w + 1)区"
            var partners = sharedPartners.compactMap { partner in
                Double(g.next(below: 1_000_000)) / 1e6 < partner.share ? NodeID.derived(.partner, [partner.name]) : nil
            }
            let ownCount = Int(shape.ownPartnersPerWard) + (Double(g.next(below: 1_000_000)) / 1e6 < shape.ownPartnersPerWard.truncatingRemainder(dividingBy: 1) ? 1 : 0)
            partners += (0..<ownCount).map { NodeID.derived(.partner, ["\(name)の団体\($0 + 1)"]) }
            var ownPlans: [NodeID: NodeID] = [:]
            for (index, plan) in ownPlanList.enumerated() { ownPlans[plan] = NodeID.derived(.plan, ["\(name)の計画\(index + 1)"]) }
            var sections: [String] = []
            if Double(g.next(below: 1_000_000)) / 1e6 < listingShare, !shape.sectionNames.isEmpty {
                let nonZero = shape.sectionsPerWard.filter { $0 > 0 }
                let wanted = nonZero[g.next(below: nonZero.count)]
                var seen = Set<String>()
                for _ in 0..<(wanted * 4) where seen.count < wanted {
                    let section = shape.sectionNames[g.next(below: shape.sectionNames.count)]
                    if seen.insert(section).inserted { sections.append(section) }
                }
            }
            let ward = Ward(id: NodeID.derived(.ward, [name]), name: name, partners: partners, ownPlans: ownPlans, sections: sections)
            for year in 1...years {
                let (key, file, changes) = document(ward, year: year, &g)
                try body(key, file, changes)
            }
        }
    }

    private func document(_ ward: Ward, year: Int, _ g: inout SplitMix64) -> (String, String, [Change]) {
        let document = NodeID.derived(.document, [ward.name, "R\(year)"])
        let file = "\(ward.name)-r\(year).txt"
        let fiscalYear = "令和\(year)年度"
        var changes: [Change] = []
        func add(_ fact: Fact, line: Int) {
            changes.append(.assert(fact, source: Source(document: file, line: line)))
        }
        func node(_ id: NodeID, label: String, line: Int) {
            add(Fact(id, "kind", .text(id.kind.rawValue)), line: line)
            add(Fact(id, "label", .text(label)), line: line)
            if id.kind != .document { add(Fact(id, .fromDocument, document), line: line) }
        }
        node(document, label: file, line: 1)
        add(Fact(document, "file", .text(file)), line: 1)
        add(Fact(document, "fiscal_year", .text(fiscalYear)), line: 1)
        add(Fact(document, "content_hash", .text(String(g.next(), radix: 16))), line: 1)
        node(ward.id, label: ward.name, line: 2)
        add(Fact(ward.id, "fiscal_year", .text(fiscalYear)), line: 2)
        for (offset, section) in ward.sections.enumerated() {
            let id = NodeID.derived(.section, [ward.name, section])
            node(id, label: section, line: 4 + offset)
            add(Fact(ward.id, .hasSection, id), line: 4 + offset)
        }
        var line = 30
        let policies = shape.policiesPerDocument[g.next(below: shape.policiesPerDocument.count)]
        for p in 1...max(1, policies) {
            let policy = NodeID.derived(.measure, [ward.name, "R\(year)", "\(p)"])
            measure(policy, level: 1, ward: ward, document: document, fiscalYear: fiscalYear, line: &line, add: add, node: node, &g)
            for i in 1...max(1, shape.initiativesPerPolicy[g.next(below: shape.initiativesPerPolicy.count)]) {
                let initiative = NodeID.derived(.measure, [ward.name, "R\(year)", "\(p).\(i)"])
                add(Fact(policy, .subMeasure, initiative), line: line)
                measure(initiative, level: 2, ward: ward, document: document, fiscalYear: fiscalYear, line: &line, add: add, node: node, &g)
            }
        }
        return (document.description, file, changes)
    }

    private func measure(
        _ id: NodeID, level: Int, ward: Ward, document: NodeID, fiscalYear: String, line: inout Int,
        add: (Fact, Int) -> Void, node: (NodeID, String, Int) -> Void, _ g: inout SplitMix64
    ) {
        line += 4
        node(id, shape.titles[g.next(below: shape.titles.count)], line)
        add(Fact(ward.id, .hasMeasure, id), line)
        add(Fact(id, "level", .integer(Int64(level))), line)
        add(Fact(id, "line", .integer(Int64(line))), line)
        add(Fact(id, "fiscal_year", .text(fiscalYear)), line)
        var partners = ward.partners
        for _ in 0..<min(partners.count, shape.partnersPerMeasure[g.next(below: shape.partnersPerMeasure.count)]) {
            let partner = partners.remove(at: g.next(below: partners.count))
            node(partner, partner.name, line)
            add(Fact(id, .partnersWith, partner), line)
        }
        guard !shape.implementsTargets.isEmpty else { return }
        for _ in 0..<shape.plansPerMeasure[g.next(below: shape.plansPerMeasure.count)] {
            let seedPlan = shape.implementsTargets[g.next(below: shape.implementsTargets.count)]
            var plan = ward.ownPlans[seedPlan] ?? seedPlan
            add(Fact(id, .implements, plan), line)
            node(plan, String(plan.lastSegment), line)
            while let outer = shape.within[plan] {
                add(Fact(plan, .within, outer), line)
                node(outer, String(outer.lastSegment), line)
                plan = outer
            }
        }
    }
}
