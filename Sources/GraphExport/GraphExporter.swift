import GraphViz
import WardGraph

/// What part of the graph to draw.
public enum ExportSelection: Sendable {
    /// Every node and edge.
    case wholeGraph
    /// One ward: its measures, sections, partners, plans (with what they are within) and documents.
    case ward(String)
    /// Wards and the partners that two or more of them share: the planners' main diagram.
    case sharedPartners
    /// Nodes given by a query's answers, and the edges among them.
    case nodes([NodeID], title: String)
    /// Edges given by a query's answers as (from, type, to).
    case edges([(NodeID, EdgeType, NodeID)], title: String)
}

/// Turns a selection of the graph into a `DotGraph`, styled by kind.
public struct GraphExporter {
    public let snapshot: GraphSnapshot
    public var clusterByWard = false
    public var legend = true

    public init(snapshot: GraphSnapshot) {
        self.snapshot = snapshot
    }

    /// The most nodes drawn unless the caller allows more (`--max-nodes`): beyond
    /// that a diagram is unreadable.
    public static let defaultMaxNodes = 300

    /// A selection too big to draw readably.
    public struct TooLarge: Error, CustomStringConvertible {
        public let nodes: Int
        public let limit: Int
        public var description: String {
            "the selection has \(nodes) nodes, more than --max-nodes \(limit); a diagram that size is unreadable. Narrow it (--ward 泉区, --shared-partners, or a --query that selects fewer nodes), or raise --max-nodes."
        }
    }

    public enum SelectionError: Error, CustomStringConvertible {
        case unknownWard(String, suggestion: String?)
        case empty(String)

        public var description: String {
            switch self {
            case .unknownWard(let name, let suggestion):
                return "there is no ward \(name) in the graph" + (suggestion.map { "; did you mean \($0)?" } ?? "")
            case .empty(let what): return "\(what) selects nothing to draw"
            }
        }
    }

    public func graph(_ selection: ExportSelection, maxNodes: Int) throws -> DotGraph {
        let index = GraphIndex(snapshot)
        let isShared: Bool
        if case .sharedPartners = selection { isShared = true } else { isShared = false }
        // The wards whose measures name each partner: what the shared-partners diagram draws.
        let wardsByPartner = isShared ? index.wardsByPartner() : [:]
        var nodes = Set<NodeID>()
        var edges: [(NodeID, EdgeType, NodeID)] = []
        var title: String
        var rankDirection: RankDirection? = nil
        var styleOverride: [NodeID: NodeStyle] = [:]
        switch selection {
        case .wholeGraph:
            nodes = index.nodes
            edges = index.edges
            title = "WardGraph"
        case .ward(let name):
            guard let ward = index.ward(named: name) else {
                throw SelectionError.unknownWard(name, suggestion: Suggestion.closest(to: name, in: index.wardNames))
            }
            nodes = index.neighbourhood(of: ward)
            edges = index.edges.filter { nodes.contains($0.0) && nodes.contains($0.2) }
            title = "\(name) — 施策・連携先・計画"
        case .sharedPartners:
            for (partner, wards) in wardsByPartner where wards.count >= 2 {
                nodes.insert(partner)
                styleOverride[partner] = KindStyles.sharedPartner(wards: wards.count)
                for ward in wards {
                    nodes.insert(ward)
                    edges.append((ward, .partnersWith, partner))
                }
            }
            guard !nodes.isEmpty else { throw SelectionError.empty("--shared-partners (no partner is shared by two wards)") }
            title = "区の共通の連携先 — partners shared by two or more wards"
            rankDirection = .leftToRight
        case .nodes(let selected, let name):
            nodes = Set(selected)
            edges = index.edges.filter { nodes.contains($0.0) && nodes.contains($0.2) }
            title = name
        case .edges(let selected, let name):
            for (from, type, to) in selected {
                nodes.insert(from)
                nodes.insert(to)
                edges.append((from, type, to))
            }
            title = name
        }
        guard nodes.count <= maxNodes else { throw TooLarge(nodes: nodes.count, limit: maxNodes) }

        var graph = DotGraph(name: title, isDirected: true, title: title, rankDirection: rankDirection)
        var kinds = Set<NodeKind>(), types = Set<EdgeType>()
        for node in nodes {
            kinds.insert(node.kind)
            let style = styleOverride[node] ?? KindStyles.node(node.kind)
            var label = index.label(node)
            if let wards = wardsByPartner[node] { label += "\n(\(wards.count)区)" }
            let cluster = clusterByWard ? index.owningWard(node).map { "ward:" + $0 } : nil
            graph.add(DotNode(id: node.description, label: label, style: style, cluster: cluster, tooltip: node.description))
        }
        for (from, type, to) in edges {
            types.insert(type)
            // Shared-partner edges are all partners_with: one colour, no label.
            let style = isShared ? EdgeStyle(color: "#2E7D32") : KindStyles.edge(type)
            graph.add(DotEdge(from: from.description, to: to.description, label: isShared ? nil : type.rawValue, style: style))
        }
        if clusterByWard {
            for ward in index.wardNames {
                graph.clusters["ward:" + ward] = DotCluster(label: ward, style: ClusterStyle(border: "#1F4E9A", options: [.rounded]))
            }
        }
        if legend {
            if isShared {
                graph.legend = DotLegend(title: "凡例 Legend", entries: [
                    .node("ward", KindStyles.node(.ward)),
                    .node("shared by 2 wards", KindStyles.sharedPartner(wards: 2)),
                    .node("shared by 3 wards", KindStyles.sharedPartner(wards: 3)),
                    .node("shared by 4+ wards", KindStyles.sharedPartner(wards: 4)),
                ])
            } else {
                graph.legend = KindStyles.legend(kinds: kinds, edges: types)
            }
        }
        return graph
    }
}

import TextLayout
