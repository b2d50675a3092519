/// The outline `dot` draws around a node.
///
/// A closed list on purpose: `record` and `Mrecord` are absent because they parse
/// `{`, `}`, `|` and `<port>` inside the label as fields, and labels here are user
/// text from policy documents. Every case renders with Graphviz 2.43 and later.
public enum NodeShape: String, Sendable, Hashable, CaseIterable {
    case box
    case rectangle = "rect"
    case ellipse
    case oval
    case circle
    case doubleCircle = "doublecircle"
    case point
    case egg
    case triangle
    case plainText = "plaintext"
    case plain
    case none
    case diamond
    case trapezium
    case parallelogram
    case house
    case invertedHouse = "invhouse"
    case pentagon
    case hexagon
    case octagon
    case note
    case tab
    case folder
    case box3d
    case component
    case cylinder
    case underline
    case star
}
