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

    public init(title: String = "Legend", entries: [Entry] = []) {
        self.title = title
        self.entries = entries
    }

    public enum Entry: Sendable, Hashable {
        /// A sample node in this style, labelled with what the style means.
        case node(String, NodeStyle)
        /// A sample edge in this style between two small points, labelled with its meaning.
        case edge(String, EdgeStyle)
    }
}
