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
    /// later repetitions of its heading (the 主な取組 pages repeat level-1 headings)
    /// and rows of tables that cite plans by the measure's label.
    var segments: [[Int]]
    /// Whether the heading carried a marker (○, ◆, ①, a table row, …) rather than
    /// being recognised by its shape.
    var isMarked: Bool
    /// The marker family of the heading; nil for unmarked headings and part headlines.
    var family: MarkerFamily? = nil
    /// How the document refers to the measure elsewhere (`視点1`, `1-1`), as a key.
    var label: String? = nil
}

/// The measures and sections of a document, with the lines each came from, and the
/// lines that looked like structure but could not be placed.
struct DocumentStructure: Sendable {
    var measures: [MeasureDraft]
    /// Units of the ward office, with the 0-based line where each was listed.
    var sections: [(section: SectionName, line: Int)]
    /// Lines read as headings though their kind is text or bullet (headings without a
    /// marker, name bullets): their text never runs on into the next line.
    var headingLines: Set<Int> = []
    /// Initiatives (marked lines, table rows, name bullets) in the policies with no
    /// policy above them: 0-based lines.
    var orphanItems: [(line: Int, title: String)] = []
    /// Headings that fit nowhere in the outline (a numbered family out of sequence).
    var unplacedHeadings: [Int] = []
    /// Lines of the policies that belong to no measure.
    var unattachedLines: [Int] = []
    /// Rows of plan tables whose key names no measure: 0-based lines.
    var unmatchedPlanRows: [Int] = []
}
