/// A measure while the document structure is being built.
struct MeasureDraft: Equatable, Sendable {
    var title: String
    /// Comparison key of the title (NFKC, no white space), used to find repeats.
    var key: String
    var level: Int
    /// Index of the level-1 parent in the builder's list.
    var parent: Int?
    /// The policy number (`１`, `施策２`), which identifies a repeated heading.
    var number: Int?
    /// 0-based index of the heading line.
    var line: Int
    /// Line indices of the measure's text: its own block first, then the blocks under
    /// later repetitions of its heading (the 主な取組 pages repeat level-1 headings).
    var segments: [[Int]]
    /// Whether the heading carried a marker (○, ◆, ①, …) rather than being
    /// recognised by its shape.
    var isMarked: Bool
}

/// The measures and sections of a document, with the lines each came from.
struct DocumentStructure: Sendable {
    var measures: [MeasureDraft]
    /// Units of the ward office, with the 0-based line where each was listed.
    var sections: [(section: SectionName, line: Int)]
}
