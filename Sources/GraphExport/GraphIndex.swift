import WardGraph

/// The graph's nodes, edges and labels, indexed for drawing selections, with the
/// document each ward is read in (its latest, or the year chosen): a diagram, like
/// an answer, never mixes two years of one ward.
struct GraphIndex {
    let nodes: Set<NodeID>
    /// Every edge, sorted.
    let edges: [(NodeID, EdgeType, NodeID)]
    /// The document read for each ward, and its year.
    let reading: YearReading
    private let labels: [NodeID: String]
    private let outgoing: [NodeID: [(EdgeType, NodeID)]]
    private let incoming: [NodeID: [(EdgeType, NodeID)]]
    private let readDocuments: Set<NodeID>

    init(_ snapshot: GraphSnapshot, years: YearSelection = .latest) {
        var nodes = Set<NodeID>()
        var edges: [(NodeID, EdgeType, NodeID)] = []
        var labels: [NodeID: String] = [:]
        var outgoing: [NodeID: [(EdgeType, NodeID)]] = [:]
        var incoming: [NodeID: [(EdgeType, NodeID)]] = [:]
        for fact in snapshot.facts() {
            nodes.insert(fact.entity)
            switch fact.value {
            case .node(let target):
                nodes.insert(target)
                if let type = EdgeType(attribute: fact.attribute) {
                    edges.append((fact.entity, type, target))
                    outgoing[fact.entity, default: []].append((type, target))
                    incoming[target, default: []].append((type, fact.entity))
                }
            case .text(let text) where fact.attribute == "label":
                if labels[fact.entity] == nil { labels[fact.entity] = text }
            default:
                break
            }
        }
        self.nodes = nodes
        self.edges = edges
        self.labels = labels
        self.outgoing = outgoing
        self.incoming = incoming
        reading = snapshot.yearReading(years)
        readDocuments = Set(reading.read.map(\.document))
    }

    func label(_ node: NodeID) -> String {
        labels[node] ?? String(node.lastSegment)
    }

    var wardNames: [String] {
        nodes.filter { $0.kind == .ward }.map(label).sorted()
    }

    func ward(named name: String) -> NodeID? {
        let wanted = name.nfkc
        return nodes.first { $0.kind == .ward && (label($0).nfkc == wanted || $0.description == wanted || $0.name == wanted) }
    }

    /// The year a ward is read in, for its label (`泉区 R7`).
    func year(of ward: NodeID) -> FiscalYear? {
        reading.read.first { $0.wardID == ward }?.year
    }

    /// Whether a measure is of a document being read (or of none: entered by hand).
    func isRead(_ measure: NodeID) -> Bool {
        let documents = outgoing[measure, default: []].filter { $0.0 == .fromDocument }.map(\.1)
        return documents.isEmpty || documents.contains(where: readDocuments.contains)
    }

    /// A ward's measures in the document read.
    func measures(of ward: NodeID) -> [NodeID] {
        outgoing[ward, default: []].filter { $0.0 == .hasMeasure && isRead($0.1) }.map(\.1)
    }

    /// Each partner and the wards whose measures (in the documents read) work with it.
    func wardsByPartner() -> [NodeID: Set<NodeID>] {
        var result: [NodeID: Set<NodeID>] = [:]
        for ward in nodes where ward.kind == .ward {
            for measure in measures(of: ward) {
                for (edge, partner) in outgoing[measure, default: []] where edge == .partnersWith {
                    result[partner, default: []].insert(ward)
                }
            }
        }
        return result
    }

    /// The measures (read) through which each ward reaches each partner or plan:
    /// what links a ward to a partner in a diagram that leaves the measures out.
    func measuresLinking(_ ward: NodeID, to target: NodeID) -> Int {
        measures(of: ward).filter { measure in
            outgoing[measure, default: []].contains { ($0.0 == .partnersWith || $0.0 == .implements) && $0.1 == target }
        }.count
    }

    /// The wards a node belongs to: a ward itself; the ward of a measure or section;
    /// the wards whose measures (read) name a partner or plan.
    func wards(of node: NodeID) -> Set<NodeID> {
        switch node.kind {
        case .ward: return [node]
        case .measure, .section:
            return Set(incoming[node, default: []].filter { $0.0 == .hasMeasure || $0.0 == .hasSection }.map(\.1))
        case .partner, .plan:
            let measures = incoming[node, default: []].filter { ($0.0 == .partnersWith || $0.0 == .implements) && isRead($0.1) }.map(\.1)
            return Set(measures.flatMap { incoming[$0, default: []].filter { $0.0 == .hasMeasure }.map(\.1) })
        case .document:
            return Set(incoming[node, default: []].filter { $0.0 == .fromDocument && $0.1.kind == .ward }.map(\.1))
        }
    }

    /// A ward with its measures (of the document read), sections and documents, and
    /// the partners and plans its measures name (with the plans they are within, up
    /// to the top).
    func neighbourhood(of ward: NodeID) -> Set<NodeID> {
        var selected: Set<NodeID> = [ward]
        for (type, target) in outgoing[ward, default: []] where type != .fromDocument && (type != .hasMeasure || isRead(target)) {
            selected.insert(target)
        }
        for measure in selected.filter({ $0.kind == .measure }) {
            for (type, target) in outgoing[measure, default: []] where type != .fromDocument {
                selected.insert(target)
            }
        }
        var frontier = selected.filter { $0.kind == .plan }
        while let plan = frontier.popFirst() {
            for (type, parent) in outgoing[plan, default: []] where type == .within && selected.insert(parent).inserted {
                frontier.insert(parent)
            }
        }
        return selected
    }

    /// The ward a node belongs to, for clusters: a ward, its measures and sections, its documents.
    func owningWard(_ node: NodeID) -> String? {
        switch node.kind {
        case .ward: return label(node)
        case .measure, .section:
            return incoming[node, default: []].first { $0.0 == .hasMeasure || $0.0 == .hasSection }.map { label($0.1) }
                ?? node.name.split(separator: "/").first.map(String.init)
        case .document: return node.name.split(separator: "/").first.map(String.init)
        case .partner, .plan: return nil
        }
    }

    /// For each group of nodes, the nodes one edge away from two of its members that no
    /// edge joins directly (at most `limit` per pair): what makes a query's answer a
    /// connected picture. Documents are left out; every fact has one.
    func connectors(joining groups: [[NodeID]], limit: Int) -> Set<NodeID> {
        func neighbours(_ node: NodeID) -> Set<NodeID> {
            Set((outgoing[node, default: []] + incoming[node, default: []]).filter { $0.0 != .fromDocument }.map(\.1))
        }
        var cache: [NodeID: Set<NodeID>] = [:]
        var found = Set<NodeID>()
        var pairs = Set<[NodeID]>()
        for group in groups {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] where a != b && pairs.insert([a, b].sorted { $0.description < $1.description }).inserted {
                    let around = cache[a] ?? neighbours(a)
                    cache[a] = around
                    guard !around.contains(b) else { continue }
                    let aroundB = cache[b] ?? neighbours(b)
                    cache[b] = aroundB
                    found.formUnion(around.intersection(aroundB).sorted { $0.description < $1.description }.prefix(limit))
                }
            }
        }
        return found
    }
}
