import Foundation
import Extraction
import WardGraph

/// The facts an extracted document contributes to the graph, each with the lines it
/// came from, and the document's identity.
///
/// Ids follow the graph's scheme: `ward:泉区`, `document:泉区/R7`, measures numbered
/// by position (`measure:泉区/R7/2` for the second policy, `measure:泉区/R7/2.1` for
/// its first initiative), `section:泉区/総務課`, and partners and plans by their
/// canonical names, shared by every ward (`partner:社会福祉協議会`,
/// `plan:横浜市中期計画/テーマ03/戦略5/政策26`, one segment per level of `within`).
public struct DocumentFacts: Sendable {
    /// The document node, which is also the key of its ingests in the log.
    public let document: NodeID
    public let ward: NodeID
    public let fiscalYear: String
    public let fileName: String
    public let contentHash: String
    public let facts: [(fact: Fact, source: Source)]
    /// The node of each extracted measure, by its extracted id (`m3`).
    public let measureIDs: [String: NodeID]
    /// How many initiatives each policy node has.
    public let childCount: [NodeID: Int]

    /// A short form of the fiscal year for ids: 令和7年度 → R7, 平成30年度 → H30.
    public static func shortYear(_ fiscalYear: String) -> String {
        let eras: [(String, String)] = [("令和", "R"), ("平成", "H"), ("昭和", "S")]
        var text = fiscalYear.replacingOccurrences(of: "年度", with: "")
        for (era, letter) in eras where text.hasPrefix(era) {
            text = letter + text.dropFirst(era.count)
        }
        return text.isEmpty ? "_" : text
    }

    public init(_ extracted: ExtractedDocument, contentHash: String) {
        let wardName = extracted.ward
        let year = Self.shortYear(extracted.fiscalYear)
        let ward = NodeID.derived(.ward, [wardName])
        let document = NodeID.derived(.document, [wardName, year])
        let file = extracted.document
        var facts: [(Fact, Source)] = []
        func add(_ fact: Fact, _ lines: ClosedRange<Int>) {
            facts.append((fact, Source(document: file, lines: lines)))
        }
        func node(_ id: NodeID, label: String, line: Int) {
            add(Fact(id, "kind", .text(id.kind.rawValue)), line...line)
            add(Fact(id, "label", .text(label)), line...line)
            if id.kind != .document { add(Fact(id, .fromDocument, document), line...line) }
        }

        let wardLine = max(1, extracted.wardLine)
        node(ward, label: wardName, line: wardLine)
        add(Fact(ward, "fiscal_year", .text(extracted.fiscalYear)), wardLine...wardLine)
        node(document, label: file, line: wardLine)
        add(Fact(document, "file", .text(file)), wardLine...wardLine)
        add(Fact(document, "fiscal_year", .text(extracted.fiscalYear)), wardLine...wardLine)
        add(Fact(document, "content_hash", .text(contentHash)), wardLine...wardLine)

        // Measures: level-1 policies numbered in order, initiatives within their parent.
        var measureIDs: [String: NodeID] = [:]
        var policyNumber = 0
        var childCount: [String: Int] = [:]
        var orphanCount = 0
        for measure in extracted.measures.sorted(by: { $0.line < $1.line }) {
            let number: String
            if measure.level == 1 {
                policyNumber += 1
                number = String(policyNumber)
            } else if let parent = measure.parent, let parentID = measureIDs[parent] {
                childCount[parent, default: 0] += 1
                number = "\(parentID.lastSegment).\(childCount[parent]!)"
            } else {
                orphanCount += 1
                number = "0.\(orphanCount)"
            }
            let id = NodeID.derived(.measure, [wardName, year, number])
            measureIDs[measure.id] = id
            let lines = measure.line...max(measure.line, measure.endLine)
            node(id, label: measure.title, line: measure.line)
            add(Fact(id, "level", .integer(Int64(measure.level))), measure.line...measure.line)
            add(Fact(id, "line", .integer(Int64(measure.line))), measure.line...measure.line)
            add(Fact(id, "fiscal_year", .text(extracted.fiscalYear)), measure.line...measure.line)
            add(Fact(ward, .hasMeasure, id), lines)
            if let parent = measure.parent, let parentID = measureIDs[parent] {
                add(Fact(parentID, .subMeasure, id), measure.line...measure.line)
            }
        }

        for section in extracted.sections {
            let id = NodeID.derived(.section, [wardName, section.name])
            node(id, label: section.name, line: section.line)
            add(Fact(ward, .hasSection, id), section.line...section.line)
            for alias in section.aliases { add(Fact(id, "alias", .text(alias)), section.line...section.line) }
        }

        var partnerIDs: [String: NodeID] = [:]
        for partner in extracted.partners {
            let id = NodeID.derived(.partner, [partner.name])
            partnerIDs[partner.name] = id
            node(id, label: partner.name, line: partner.line)
            for alias in partner.aliases { add(Fact(id, "alias", .text(alias)), partner.line...partner.line) }
        }

        // Plans: the id has one segment per level of `within`.
        let plansByName = Dictionary(extracted.plans.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var planIDs: [String: NodeID] = [:]
        func planID(_ name: String, depth: Int = 0) -> NodeID {
            if let known = planIDs[name] { return known }
            var segments = [name]
            if depth < 10, let within = plansByName[name]?.within, plansByName[within] != nil {
                let parent = planID(within, depth: depth + 1)
                let suffix = name.hasPrefix(within) ? String(name.dropFirst(within.count)) : name
                let trimmed = suffix.trimmingCharacters(in: .whitespaces)
                segments = parent.name.split(separator: "/").map(String.init) + [trimmed.isEmpty ? name : trimmed]
            }
            let id = NodeID.derived(.plan, segments)
            planIDs[name] = id
            return id
        }
        for plan in extracted.plans {
            let id = planID(plan.name)
            node(id, label: plan.name, line: plan.line)
            for alias in plan.aliases { add(Fact(id, "alias", .text(alias)), plan.line...plan.line) }
            if let within = plan.within, plansByName[within] != nil {
                add(Fact(id, .within, planID(within)), plan.line...plan.line)
            }
        }

        for edge in extracted.edges {
            guard let from = measureIDs[edge.from] else { continue }
            switch edge.type {
            case .partnersWith:
                guard let to = partnerIDs[edge.to] else { continue }
                add(Fact(from, .partnersWith, to), edge.line...edge.line)
            case .implements:
                guard plansByName[edge.to] != nil else { continue }
                add(Fact(from, .implements, planID(edge.to)), edge.line...edge.line)
            }
        }

        // One fact once: the first place it was read wins.
        var seen = Set<Fact>()
        self.facts = facts.filter { seen.insert($0.0).inserted }
        self.measureIDs = measureIDs
        self.childCount = Dictionary(childCount.compactMap { key, value in measureIDs[key].map { ($0, value) } }, uniquingKeysWith: +)
        self.document = document
        self.ward = ward
        self.fiscalYear = extracted.fiscalYear
        self.fileName = file
        self.contentHash = contentHash
    }
}
