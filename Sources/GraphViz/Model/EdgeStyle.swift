/// How an edge is drawn: colour, line pattern, weight, arrowhead.
///
/// As with `NodeStyle`, `nil` leaves Graphviz's default.
///
///     let contradicts = EdgeStyle(color: "firebrick", line: .dashed, arrowhead: .tee)
public struct EdgeStyle: Sendable, Hashable {
    public var color: DotColor?
    public var line: Line?
    /// Line width in points; written with at most two decimals, clamped to 0...100.
    public var penWidth: Double?
    public var arrowhead: Arrowhead?
    /// Colour of the edge's label text.
    public var fontColor: DotColor?

    public init(
        color: DotColor? = nil, line: Line? = nil, penWidth: Double? = nil,
        arrowhead: Arrowhead? = nil, fontColor: DotColor? = nil
    ) {
        self.color = color
        self.line = line
        self.penWidth = penWidth
        self.arrowhead = arrowhead
        self.fontColor = fontColor
    }

    /// The line pattern (Graphviz's edge `style`).
    public enum Line: String, Sendable, Hashable, CaseIterable {
        case solid, dashed, dotted, bold
        case invisible = "invis"
    }

    /// The shape at the head of the edge (Graphviz's `arrowhead`); drawn in directed graphs.
    public enum Arrowhead: String, Sendable, Hashable, CaseIterable {
        case normal, none, empty, vee, dot, odot, diamond, odiamond, tee, box, obox, crow, inv
        case halfOpen = "halfopen"
    }
}
