/// Something in a document that looked like structure, an organisation or a plan
/// but did not make it into the graph: what a planner should look at, and can mend
/// by curation (see `UnderstandingReport` in Ingestion for the hints).
///
/// The extractor prefers leaving an item out to attaching it to the wrong parent;
/// notices are how what it left out is still seen.
public struct ExtractionNotice: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A heading (a marker of the policies' family out of sequence, say) that fits
        /// nowhere in the outline.
        case unplacedHeading = "unplaced heading"
        /// An initiative (a marked heading, a name bullet, a table row) with no policy above it.
        case itemWithoutParent = "item without a parent"
        /// A row of a table of initiatives whose name cell could not be read.
        case unreadTableRow = "table row not read"
        /// A name that looks like an organisation (it works with a measure: `…と連携`, or
        /// it has an organisation's form but stands outside every measure) and is no partner.
        case organisationNotTaken = "organisation-like name not taken as a partner"
        /// A citation of plans (`（関連計画：…）`, a row of a plan table) from which no
        /// plan could be read, or which belongs to no measure.
        case planCitationNotResolved = "plan-like citation not resolved"
        /// The name of a unit of the ward office (…課, …担当, …土木事務所) named where the
        /// document lists none of its units, or missing from its list.
        case unitNotTaken = "unit-like name not taken as a section"
    }

    public var kind: Kind
    /// 1-based line in the file.
    public var line: Int
    /// The line, name or citation as written.
    public var text: String
    /// The node the item would be: the organisation's or plan's name, or the
    /// heading's title; nil when the text does not say (a citation of an unknown plan).
    public var name: String?
    /// The measure (extracted id, `m3`) that the item most likely belongs to: the one
    /// whose text holds it, or for an initiative without a parent the policy before
    /// it; nil when there is none.
    public var measure: String?

    public init(kind: Kind, line: Int, text: String, name: String? = nil, measure: String? = nil) {
        self.kind = kind
        self.line = line
        self.text = text
        self.name = name
        self.measure = measure
    }
}
