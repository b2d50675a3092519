extension DotWriter {
    /// Choices that apply to every graph written: font, label width, legend, layout direction.
    public struct Options: Sendable, Hashable {
        /// Set on graph, nodes and edges. The default has Japanese glyphs; with a font
        /// lacking them, `dot` falls back through fontconfig, or draws empty boxes.
        public var fontName: String
        /// Node, edge and legend labels wrap at this many display columns (a CJK
        /// character counts 2). Minimum 2.
        public var wrapWidth: Int
        /// The graph title and cluster labels, which span more room, wrap at this width.
        public var titleWrapWidth: Int
        /// When set, a wrapped label keeps this many lines and ends in `…`.
        public var maxLabelLines: Int?
        /// Whether `DotGraph.legend` is drawn.
        public var drawsLegend: Bool
        /// When set, overrides `DotGraph.rankDirection` (the command line outranks the
        /// selection's preference); when both are `nil`, top to bottom.
        public var rankDirection: RankDirection?

        public static let defaultFontName = "Noto Sans CJK JP"

        public init(
            fontName: String = Options.defaultFontName, wrapWidth: Int = 24,
            titleWrapWidth: Int = 60, maxLabelLines: Int? = nil, drawsLegend: Bool = true,
            rankDirection: RankDirection? = nil
        ) {
            self.fontName = fontName
            self.wrapWidth = wrapWidth
            self.titleWrapWidth = titleWrapWidth
            self.maxLabelLines = maxLabelLines
            self.drawsLegend = drawsLegend
            self.rankDirection = rankDirection
        }
    }
}
