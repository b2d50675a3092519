import WardGraph

/// WardGraph's own RDF terms (`wg:`), as declared in `Graph/vocabulary.ttl`.
///
/// Edge types and attributes are properties named as in the graph (`wg:has_measure`,
/// `wg:fiscal_year`), so a SPARQL query reads like the Datalog one.
public enum Vocabulary {
    /// The class of a node kind: `wg:Ward`, `wg:Measure`, `wg:Section`, `wg:Partner`, `wg:Plan`, `wg:Document`.
    public static func `class`(of kind: NodeKind) -> String {
        Namespace.wardGraph + kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
    }

    /// A range of lines of a source document, which a node or an edge was read from.
    public static let excerpt = Namespace.wardGraph + "Excerpt"
    public static let firstLine = Namespace.wardGraph + "first_line"
    public static let lastLine = Namespace.wardGraph + "last_line"
    /// The calendar year in which a fiscal year begins (`"2025"^^xsd:gYear` for 令和7年度).
    public static let fiscalYearStart = Namespace.wardGraph + "fiscal_year_start"

    /// Every term the export can write in the `wg:` namespace for the graph's known
    /// kinds, edge types and attributes (attributes entered by hand get a property
    /// named after them, which the vocabulary does not list).
    public static var knownTerms: [String] {
        NodeKind.allCases.map { `class`(of: $0) }
            + EdgeType.allCases.map { Namespace.wardGraph + $0.rawValue }
            + ["fiscal_year", "level", "line", "alias", "file", "content_hash"].map { Namespace.wardGraph + $0 }
            + [excerpt, firstLine, lastLine, fiscalYearStart]
    }
}
