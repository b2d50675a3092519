/// A key to the drawing: example nodes and edges, each with what it means.
///
/// Drawn as its own cluster, titled and with a dashed grey border, so nobody takes
/// the examples for part of the graph. Entries keep the order given, because the
/// author chose it (most important kinds first).
///
///     var legend = DotLegend(title: "凡例")
///     legend.entries = [
///         .node("区", NodeStyle(shape: .box, options: [.bold])),
///         .edge("矛盾", EdgeStyle(color: "firebrick", line: .dashed)),
///     ]
public struct DotLegend: Sendable, Hashable {
    public var title: String
    public var entries: [Entry]
    public var placement: Placement

    public init(title: String = "Legend", entries: [Entry] = [], placement: Placement = .cluster) {
        self.title = title
        self.entries = entries
        self.placement = placement
    }

    /// Where the legend is drawn.
    public enum Placement: Sendable, Hashable {
        /// A cluster of sample nodes and edges (`dot`, which lays clusters out).
        case cluster
        /// A table of coloured cells under the graph's title: for force-directed
        /// layouts (`sfdp`, `neato`), which ignore clusters and would scatter the
        /// samples among the data.
        case caption
    }

    public enum Entry: Sendable, Hashable {
        /// A sample node in this style, labelled with what the style means.
        case node(String, NodeStyle)
        /// A sample edge in this style between two small points, labelled with its meaning.
        case edge(String, EdgeStyle)
    }
}
