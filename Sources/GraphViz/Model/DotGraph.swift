/// A graph to draw, independent of how it is written: nodes, edges, clusters, legend.
///
/// Order of insertion does not matter: `DotWriter` sorts everything, so two graphs
/// with the same contents give byte-identical DOT.
///
///     var graph = DotGraph(name: "旭区", title: "旭区の施策")
///     graph.add(DotNode(id: "asahi", label: "旭区", cluster: "ward"))
///     graph.add(DotEdge(from: "asahi", to: "p1", label: "推進"))
public struct DotGraph: Sendable, Hashable {
    /// Written after `digraph`; appears as the SVG's `<title>`. Empty writes none.
    public var name: String
    /// `digraph` with `->` edges when true, `graph` with `--` edges when false.
    public var isDirected: Bool
    /// A caption drawn at the top of the drawing.
    public var title: String?
    /// Overrides `DotWriter.Options.rankDirection` for this graph.
    public var rankDirection: RankDirection?
    /// Further graph attributes (`nodesep`, `ranksep`, `splines`…), written sorted by name.
    ///
    /// The writer's own attributes (`charset`, `fontname`, `label`, `labelloc`,
    /// `rankdir`) cannot be replaced here; entries with those names are ignored.
    public var attributes: [String: String]
    public var nodes: [DotNode]
    public var edges: [DotEdge]
    /// Cluster key → how that cluster is labelled and drawn. Nodes whose cluster key
    /// has no entry are still grouped, in a cluster labelled with the key.
    public var clusters: [String: DotCluster]
    public var legend: DotLegend?

    public init(
        name: String = "", isDirected: Bool = true, title: String? = nil,
        rankDirection: RankDirection? = nil, attributes: [String: String] = [:],
        nodes: [DotNode] = [], edges: [DotEdge] = [],
        clusters: [String: DotCluster] = [:], legend: DotLegend? = nil
    ) {
        self.name = name
        self.isDirected = isDirected
        self.title = title
        self.rankDirection = rankDirection
        self.attributes = attributes
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.legend = legend
    }

    public mutating func add(_ node: DotNode) { nodes.append(node) }

    public mutating func add(_ edge: DotEdge) { edges.append(edge) }
}
