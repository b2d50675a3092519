import WardGraph

/// What one policy document says, measure by measure, in names: each measure's
/// number and title, its level and parent, and the partners and plans it names.
/// Two outlines of one ward are what `DocumentDiff` compares.
///
/// It is read from facts (a snapshot's, or the facts an ingest of the document
/// asserted), so the same outline comes from a document in the graph and from a
/// document about to replace it.
public struct DocumentOutline: Sendable, Equatable {
    public struct Measure: Sendable, Equatable {
        /// Its position in the document: `2`, `2.4` (the id's last segment).
        public let number: String
        public let title: String
        /// 1 for a policy, 2 for an initiative under one.
        public let level: Int
        /// The number of the policy it belongs to, for initiatives.
        public let parent: String?
        /// Partner names, sorted.
        public let partners: [String]
        /// Plan names, sorted.
        public let plans: [String]
    }

    public let document: NodeID
    /// In document order (by number: 1, 1.1, 1.2, 2, …).
    public let measures: [Measure]

    /// The outline of `document` from `facts`: its measures are the measure nodes
    /// with a `from_document` edge to it.
    public init(document: NodeID, facts: some Sequence<Fact>) {
        var isOwn = Set<NodeID>()
        var labels: [NodeID: String] = [:]
        var levels: [NodeID: Int] = [:]
        var parents: [NodeID: NodeID] = [:]
        var partners: [NodeID: [NodeID]] = [:]
        var plans: [NodeID: [NodeID]] = [:]
        for fact in facts {
            switch (fact.attribute, fact.value) {
            case ("from_document", .node(let target)) where target == document && fact.entity.kind == .measure:
                isOwn.insert(fact.entity)
            case ("label", .text(let text)):
                labels[fact.entity] = labels[fact.entity].map { min($0, text) } ?? text
            case ("level", .integer(let n)):
                levels[fact.entity] = Int(n)
            case ("sub_measure", .node(let child)):
                parents[child] = fact.entity
            case ("partners_with", .node(let partner)):
                partners[fact.entity, default: []].append(partner)
            case ("implements", .node(let plan)):
                plans[fact.entity, default: []].append(plan)
            default:
                break
            }
        }
        func name(_ id: NodeID) -> String { labels[id] ?? String(id.lastSegment) }
        self.document = document
        measures = isOwn.map { id in
            Measure(
                number: String(id.lastSegment), title: name(id), level: levels[id] ?? (id.lastSegment.contains(".") ? 2 : 1),
                parent: parents[id].map { String($0.lastSegment) },
                partners: Set(partners[id, default: []].map(name)).sorted(), plans: Set(plans[id, default: []].map(name)).sorted())
        }.sorted { Self.precedes($0.number, $1.number) }
    }

    /// `2` < `2.1` < `2.10` < `3`: numbers compared part by part.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }, y = b.split(separator: ".").map { Int($0) ?? 0 }
        return x.lexicographicallyPrecedes(y)
    }
}
