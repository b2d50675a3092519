/// One edge to draw between two node ids.
///
/// An endpoint that no `DotNode` declares is still drawn, as a plain node labelled
/// with its id, so a selection that forgets a node shows the gap instead of failing.
public struct DotEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var label: String?
    public var style: EdgeStyle

    public init(from: String, to: String, label: String? = nil, style: EdgeStyle = EdgeStyle()) {
        self.from = from
        self.to = to
        self.label = label
        self.style = style
    }
}
