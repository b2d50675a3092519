import WardGraph

/// The graph's nodes, edges and labels, indexed for drawing selections.
struct GraphIndex {
    let nodes: Set<NodeID>
    /// Every edge, sorted.
    let edges: [(NodeID, EdgeType, NodeID)]
    private let labels: [NodeID: String]
    private let outgoing: [NodeID: [(EdgeType, NodeID)]]
    private let incoming: [NodeID: [(EdgeType, NodeID)]]

    init(_ snapshot: GraphSnapshot) {
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

    /// Each partner and the wards whose measures work with it.
    func wardsByPartner() -> [NodeID: Set<NodeID>] {
        var result: [NodeID: Set<NodeID>] = [:]
        for (ward, type, measure) in edges where type == .hasMeasure {
            for (edge, partner) in outgoing[measure, default: []] where edge == .partnersWith {
                result[partner, default: []].insert(ward)
            }
        }
        return result
    }

    /// A ward with its measures, sections and documents, and the partners and plans its
    /// measures name (with the plans they are within, up to the top).
    func neighbourhood(of ward: NodeID) -> Set<NodeID> {
        var selected: Set<NodeID> = [ward]
        for (type, target) in outgoing[ward, default: []] where type != .fromDocument {
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
