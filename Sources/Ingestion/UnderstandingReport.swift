import Extraction
import TextLayout
import WardGraph

/// What extraction did not understand in one document, each item with the line it
/// is on and the curation statements that would mend the graph, in the shell's
/// syntax (`+partners_with("measure:鶴見区/R7/2.1", "partner:鶴見国際交流ラウンジ").`).
///
/// A typed value with a text rendering, so that the command line, the shell and a
/// service can show the same report. Ids follow ``DocumentFacts``.
public struct UnderstandingReport: Sendable {
    public struct Item: Sendable, Equatable {
        public var kind: ExtractionNotice.Kind
        public var line: Int
        public var text: String
        /// The measure the item most likely belongs to, with its title.
        public var measure: NodeID?
        public var measureTitle: String?
        /// Curation statements that would add what is missing. A statement with `M`
        /// in place of a measure leaves the choice of measure to the reader.
        public var hints: [String]
    }

    public let document: String
    public let ward: String
    public let fiscalYear: String
    public let items: [Item]

    public init(_ extracted: ExtractedDocument, facts: DocumentFacts) {
        document = extracted.document
        ward = extracted.ward
        fiscalYear = extracted.fiscalYear
        let titles = Dictionary(uniqueKeysWithValues: extracted.measures.map { ($0.id, $0.title) })
        let year = DocumentFacts.shortYear(extracted.fiscalYear)
        var policies = extracted.measures.filter { $0.level == 1 }.count
        var newChildren: [NodeID: Int] = [:]
        items = extracted.notices.map { notice in
            let measure = notice.measure.flatMap { facts.measureIDs[$0] }
            var item = Item(kind: notice.kind, line: notice.line, text: notice.text, measure: measure,
                            measureTitle: notice.measure.flatMap { titles[$0] }, hints: [])
            let target = measure.map { Self.quoted($0.description) } ?? "M"
            let name = notice.name ?? notice.text
            switch notice.kind {
            case .organisationNotTaken:
                item.hints = ["+partners_with(\(target), \(Self.quoted(NodeID.derived(.partner, [name]).description)))."]
            case .planCitationNotResolved:
                // A plan cited by levels has one id segment per level (横浜市中期計画/テーマ02/…).
                let plan = notice.name.map { NodeID.derived(.plan, $0.split(separator: " ").map(String.init)).description } ?? "plan:…"
                item.hints = ["+implements(\(target), \(Self.quoted(plan)))."]
            case .unitNotTaken:
                let section = Self.quoted(NodeID.derived(.section, [extracted.ward, name]).description)
                item.hints = ["+has_section(\(Self.quoted(facts.ward.description)), \(section)).", "+label(\(section), \(Self.quoted(name)))."]
            case .unplacedHeading:
                policies += 1
                let policy = NodeID.derived(.measure, [extracted.ward, year, String(policies)])
                item.hints = ["+label(\(Self.quoted(policy.description)), \(Self.quoted(name))).",
                              "+has_measure(\(Self.quoted(facts.ward.description)), \(Self.quoted(policy.description)))."]
            case .itemWithoutParent, .unreadTableRow:
                let parent = measure ?? NodeID.derived(.measure, [extracted.ward, year, "0"])
                let count = (facts.childCount[parent] ?? 0) + newChildren[parent, default: 0] + 1
                newChildren[parent, default: 0] += 1
                let child = NodeID.derived(.measure, [extracted.ward, year, "\(parent.lastSegment).\(count)"])
                let link = measure.map { "+sub_measure(\(Self.quoted($0.description)), \(Self.quoted(child.description)))." }
                    ?? "+has_measure(\(Self.quoted(facts.ward.description)), \(Self.quoted(child.description)))."
                item.hints = ["+label(\(Self.quoted(child.description)), \(Self.quoted(name))).", link]
            }
            return item
        }
    }

    /// A string constant of the query language (the shell's `+fact.` syntax).
    static func quoted(_ text: String) -> String {
        JSONText.string(text)
    }

    /// How many items of each kind, in the order of ``ExtractionNotice/Kind``.
    public var counts: [(kind: ExtractionNotice.Kind, count: Int)] {
        ExtractionNotice.Kind.allCases.compactMap { kind in
            let n = items.filter { $0.kind == kind }.count
            return n > 0 ? (kind, n) : nil
        }
    }

    /// One line: `gaps.txt: 3 not understood (unplaced heading 1, plan-like citation not resolved 2); …`.
    public var summary: String {
        guard !items.isEmpty else { return "\(document): nothing left not understood" }
        let parts = counts.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")
        return "\(document): \(items.count) not understood (\(parts)); 'wardgraph extract \(document) --report' lists them"
    }

    /// The report as text: a heading line, then each item with its line, what it is,
    /// the text, the measure it belongs to and the hints, indented beneath.
    public func rendered() -> String {
        var out = "\(document) (\(ward) \(fiscalYear)): "
        out += items.isEmpty ? "every heading, table row, unit, organisation and plan citation was understood\n" : "\(items.count) not understood\n"
        let width = String(items.map(\.line).max() ?? 0).count
        for item in items {
            let number = String(item.line)
            out += "\n  line " + String(repeating: " ", count: width - number.count) + number + "  " + item.kind.rawValue + ": " + item.text + "\n"
            let indent = String(repeating: " ", count: 9 + width)
            if let title = item.measureTitle, let measure = item.measure {
                out += indent + (item.kind == .organisationNotTaken || item.kind == .planCitationNotResolved ? "in " : "after ")
                out += "\(measure) \(title)\n"
            }
            for hint in item.hints { out += indent + hint + "\n" }
            if item.hints.contains(where: { $0.contains("(M,") }) { out += indent + "(M: the measure it belongs to)\n" }
        }
        return out
    }
}
