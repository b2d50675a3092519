/// A labelled box drawn around the nodes that share a cluster key.
///
/// `dot` keeps a cluster's nodes together, which is how a ward's policies stay
/// visually grouped.
public struct DotCluster: Sendable, Hashable {
    public var label: String
    public var style: ClusterStyle

    public init(label: String, style: ClusterStyle = ClusterStyle()) {
        self.label = label
        self.style = style
    }
}

/// How a cluster's box is drawn; `nil` leaves Graphviz's default.
public struct ClusterStyle: Sendable, Hashable {
    /// Background colour; setting it implies `.filled`.
    public var fill: DotColor?
    public var border: DotColor?
    public var fontColor: DotColor?
    /// `.filled`, `.rounded`, `.bold`, `.dashed`, `.dotted` and `.invisible` apply to
    /// clusters; `.diagonals` does not and is not written.
    public var options: NodeStyle.Options
    public var penWidth: Double?

    public init(
        fill: DotColor? = nil, border: DotColor? = nil, fontColor: DotColor? = nil,
        options: NodeStyle.Options = [], penWidth: Double? = nil
    ) {
        self.fill = fill
        self.border = border
        self.fontColor = fontColor
        self.options = options
        self.penWidth = penWidth
    }
}
