/// How a node is drawn: outline, colours, line weight.
///
/// Every property is optional: `nil` leaves Graphviz's default (or the graph's
/// `node [...]` defaults), so a style says only what it changes.
///
///     let policy = NodeStyle(shape: .box, fill: "#FFF4D6", border: "#C08A00",
///                            options: [.filled, .rounded])
public struct NodeStyle: Sendable, Hashable {
    public var shape: NodeShape?
    /// Interior colour; setting it implies `.filled` (Graphviz ignores it otherwise).
    public var fill: DotColor?
    /// Outline colour (Graphviz's `color`).
    public var border: DotColor?
    public var fontColor: DotColor?
    public var options: Options
    /// Outline width in points; written with at most two decimals, clamped to 0...100.
    public var penWidth: Double?

    public init(
        shape: NodeShape? = nil, fill: DotColor? = nil, border: DotColor? = nil,
        fontColor: DotColor? = nil, options: Options = [], penWidth: Double? = nil
    ) {
        self.shape = shape
        self.fill = fill
        self.border = border
        self.fontColor = fontColor
        self.options = options
        self.penWidth = penWidth
    }

    /// Graphviz's `style` list for nodes and clusters (`style="filled,rounded"`).
    ///
    /// A set rather than an enum because Graphviz combines them; the writer always
    /// lists them in the order of `Options.all`, so output does not depend on how
    /// the set was built.
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let filled = Options(rawValue: 1 << 0)
        public static let rounded = Options(rawValue: 1 << 1)
        public static let bold = Options(rawValue: 1 << 2)
        public static let dashed = Options(rawValue: 1 << 3)
        public static let dotted = Options(rawValue: 1 << 4)
        public static let diagonals = Options(rawValue: 1 << 5)
        public static let invisible = Options(rawValue: 1 << 6)

        /// Each option with its Graphviz name, in the order they are written.
        public static let all: [(option: Options, name: String)] = [
            (.filled, "filled"), (.rounded, "rounded"), (.bold, "bold"), (.dashed, "dashed"),
            (.dotted, "dotted"), (.diagonals, "diagonals"), (.invisible, "invis"),
        ]
    }
}
