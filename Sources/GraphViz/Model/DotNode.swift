/// One node to draw: an identifier, the text shown, and how it looks.
///
/// The id is what edges refer to and what `dot` shows as the SVG `<title>`; the
/// label is what people read. Both may be any text: the writer quotes, escapes and
/// wraps them.
public struct DotNode: Sendable, Hashable {
    public var id: String
    public var label: String
    public var style: NodeStyle
    /// Key of the cluster (a box around related nodes) this node is drawn in.
    public var cluster: String?
    /// Text shown on hover in SVG output.
    public var tooltip: String?

    /// A node whose label defaults to its id.
    public init(
        id: String, label: String? = nil, style: NodeStyle = NodeStyle(),
        cluster: String? = nil, tooltip: String? = nil
    ) {
        self.id = id
        self.label = label ?? id
        self.style = style
        self.cluster = cluster
        self.tooltip = tooltip
    }
}
