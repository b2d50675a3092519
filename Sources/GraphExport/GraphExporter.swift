import GraphViz
import TextLayout
import WardGraph

/// What part of the graph to draw.
public enum ExportSelection: Sendable {
    /// Every node and edge.
    case wholeGraph
    /// One ward: its measures, sections, partners, plans (with what they are within) and documents.
    case ward(String)
    /// Wards and the partners that two or more of them share: the planners' main diagram.
    case sharedPartners
    /// Nodes given by a query's answers, the edges among them, and their wards.
    case nodes([NodeID], title: String)
    /// Edges given by a query's answers as (from, type, to).
    case edges([(NodeID, EdgeType, NodeID)], title: String)
}

/// How a diagram is laid out.
public enum DiagramLayout: String, Sendable, CaseIterable {
    /// Chosen by the selection and its size: layered (`dot`) for most, left to
    /// right for one ward, an `sfdp` overview for the whole graph above
    /// `GraphExporter.overviewSize` nodes.
    case automatic
    /// Graphviz's layered layout.
    case dot
    /// A force-directed layout for large graphs, with `overlap=prism` so that no
    /// label hides another.
    case sfdp
    /// The spring model, with `overlap=prism`.
    case neato
}

/// A diagram, and what was done to keep it legible, in words for the person who
/// asked for it ("drawn as an overview with sfdp …").
public struct Diagram: Sendable {
    public var graph: DotGraph
    public var notes: [String]

    public init(graph: DotGraph, notes: [String] = []) {
        self.graph = graph
        self.notes = notes
    }
}

/// Turns a selection of the graph into a `DotGraph`, styled by kind, reading each
/// ward's document of one year (its latest unless `years` says otherwise).
public struct GraphExporter {
    public let snapshot: GraphSnapshot
    public var clusterByWard = false
    public var legend = true
    public var layout = DiagramLayout.automatic
    public var years = YearSelection.latest

    public init(snapshot: GraphSnapshot) {
        self.snapshot = snapshot
    }

    /// The most nodes drawn unless the caller allows more (`--max-nodes`): beyond
    /// that a diagram is unreadable.
    public static let defaultMaxNodes = 300
    /// Above this many nodes the whole graph is drawn as an overview (`sfdp`).
    public static let overviewSize = 120
    /// Above this many nodes, a selection over several wards is grouped by ward.
    public static let clusterSize = 60

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
        try diagram(selection, maxNodes: maxNodes).graph
    }

    public func diagram(_ selection: ExportSelection, maxNodes: Int) throws -> Diagram {
        let index = GraphIndex(snapshot, years: years)
        var isShared = false
        var nodes = Set<NodeID>()
        var edges: [(NodeID, EdgeType, NodeID)] = []
        /// Ward → partner or plan through measures left out of the drawing, with how many.
        var links: [(NodeID, NodeID, Int)] = []
        var title: String
        var rankDirection: RankDirection? = nil
        var notes: [String] = []
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
            title = "\(name)\(index.year(of: ward).map { " \($0.short)" } ?? "") — 施策・連携先・計画"
            // Measures stand in one column and what they name in the next: a tall
            // page, not a band thousands of pixels wide.
            rankDirection = .leftToRight
        case .sharedPartners:
            isShared = true
            for (partner, wards) in index.wardsByPartner() where wards.count >= 2 {
                nodes.insert(partner)
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
            // Each answer with its ward, so that a result is never a row of loose nodes.
            for node in selected where node.kind != .ward { nodes.formUnion(index.wards(of: node)) }
            edges = index.edges.filter { nodes.contains($0.0) && nodes.contains($0.2) && $0.1 != .fromDocument }
            for ward in nodes where ward.kind == .ward {
                for target in nodes where target.kind == .partner || target.kind == .plan {
                    let direct = edges.contains { $0.0 == ward && $0.2 == target }
                    let count = direct ? 0 : index.measuresLinking(ward, to: target)
                    if count > 0 { links.append((ward, target, count)) }
                }
            }
            title = name
            rankDirection = .leftToRight
        case .edges(let selected, let name):
            for (from, type, to) in selected {
                nodes.insert(from)
                nodes.insert(to)
                edges.append((from, type, to))
            }
            title = name
        }
        guard nodes.count <= maxNodes else { throw TooLarge(nodes: nodes.count, limit: maxNodes) }

        var chosen = layout
        var edgeLabels = !isShared
        if case .wholeGraph = selection, layout == .automatic, nodes.count > Self.overviewSize {
            // An overview: the documents and their edges are a fifth of the nodes and
            // half the edges, and say nothing about wards, partners or plans.
            let documents = nodes.filter { $0.kind == .document }
            nodes.subtract(documents)
            edges = edges.filter { $0.1 != .fromDocument }
            chosen = .sfdp
            edgeLabels = false
            notes.append("the whole graph has \(nodes.count + documents.count) nodes, too many for a layered drawing: drawn as an overview with sfdp (overlap=prism), without the \(documents.count) document nodes, their from_document edges and the edge labels (the legend gives each edge's colour); --per-ward draws one page per ward, --layout dot the layered drawing")
        }
        var cluster = clusterByWard
        if !cluster, chosen == .automatic || chosen == .dot, nodes.count > Self.clusterSize {
            let wards = Set(nodes.compactMap(index.owningWard))
            if wards.count >= 2 {
                cluster = true
                notes.append("\(nodes.count) nodes of \(wards.count) wards: each ward's nodes are grouped in a box (clusters by ward)")
            }
        }
        let force = chosen == .sfdp || chosen == .neato
        if force && cluster {
            cluster = false
            notes.append("\(chosen.rawValue) does not draw clusters: the nodes are not grouped by ward")
        }

        var caption = title
        let wardsShown = nodes.filter { $0.kind == .ward }
        var titleHasYear = false
        if case .ward = selection { titleHasYear = true }
        if !wardsShown.isEmpty, !index.reading.read.isEmpty, !titleHasYear {
            caption += "\n" + YearReading(index.reading.read.filter { wardsShown.contains($0.wardID) }, selection: index.reading.selection).caption
        }
        var graph = DotGraph(name: title, isDirected: true, title: caption, rankDirection: rankDirection)
        if force {
            // The caption (title and legend) is read at the size of a page several screens wide.
            graph.attributes = ["layout": chosen.rawValue, "overlap": "prism", "splines": "true", "sep": "+6", "fontsize": "28"]
        } else if chosen == .dot {
            graph.attributes = ["layout": "dot"]
        }
        let wardsByPartner = isShared ? index.wardsByPartner() : [:]
        var kinds = Set<NodeKind>(), types = Set<EdgeType>()
        for node in nodes {
            kinds.insert(node.kind)
            var style = KindStyles.node(node.kind)
            var label = index.label(node)
            if let wards = wardsByPartner[node] {
                style = KindStyles.sharedPartner(wards: wards.count)
                label += "\n(\(wards.count)区)"
            }
            if isShared, node.kind == .ward, let year = index.year(of: node) { label += " \(year.short)" }
            let group = cluster ? index.owningWard(node).map { "ward:" + $0 } : nil
            graph.add(DotNode(id: node.description, label: label, style: style, cluster: group, tooltip: node.description))
        }
        for (from, type, to) in edges {
            types.insert(type)
            // Shared-partner edges are all partners_with: one colour, no label.
            let style = isShared ? EdgeStyle(color: "#2E7D32") : KindStyles.edge(type)
            graph.add(DotEdge(from: from.description, to: to.description, label: edgeLabels ? type.rawValue : nil, style: style))
        }
        for (ward, target, count) in links {
            graph.add(DotEdge(from: ward.description, to: target.description, label: "施策\(count)件", style: KindStyles.linkThroughMeasures))
        }
        if cluster {
            // Without newrank, dot fails ("trouble in init_rank") on clusters whose
            // nodes have edges to nodes outside them, as every ward's measures do.
            graph.attributes["newrank"] = "true"
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
                graph.legend = KindStyles.legend(kinds: kinds, edges: types, throughMeasures: !links.isEmpty)
            }
            // Force layouts scatter a cluster's samples; a left-to-right one stretches
            // them into a row as wide as the page. Under the title they take one line.
            if force || rankDirection == .leftToRight { graph.legend?.placement = .caption }
        }
        return Diagram(graph: graph, notes: notes)
    }
}
