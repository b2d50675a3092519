/// The graph extracted from one policy document: the ward, its measures, sections,
/// partners and plans, and the typed edges between them, each with the line(s) of the
/// input file it came from (1-based).
///
/// `has_measure`, `has_section`, `sub_measure` and `within` edges are implied by the
/// lists (every measure and section belongs to the ward; `parent` and `within` give
/// the others), as in the gold files.
public struct ExtractedDocument: Equatable, Sendable {
    public var document: String
    public var ward: String
    /// `令和7年度`, with ASCII digits.
    public var fiscalYear: String
    /// The line where the ward (and usually the year) was found.
    public var wardLine: Int
    /// When the title names no fiscal year: the line of the body text it was taken from.
    public var fiscalYearFromBodyLine: Int?
    public var measures: [ExtractedMeasure]
    public var sections: [ExtractedSection]
    public var partners: [ExtractedPartner]
    public var plans: [ExtractedPlan]
    public var edges: [ExtractedEdge]
    /// What looked like structure, an organisation or a plan but is not in the graph,
    /// in order of lines (see ``ExtractionNotice``).
    public var notices: [ExtractionNotice]

    public init(document: String, ward: String, fiscalYear: String, wardLine: Int, measures: [ExtractedMeasure] = [],
                sections: [ExtractedSection] = [], partners: [ExtractedPartner] = [], plans: [ExtractedPlan] = [],
                edges: [ExtractedEdge] = [], notices: [ExtractionNotice] = []) {
        self.document = document
        self.ward = ward
        self.fiscalYear = fiscalYear
        self.wardLine = wardLine
        self.measures = measures
        self.sections = sections
        self.partners = partners
        self.plans = plans
        self.edges = edges
        self.notices = notices
    }
}

/// A policy (level 1) or an initiative under one (level 2).
public struct ExtractedMeasure: Equatable, Sendable {
    /// `m1`, `m2`, … in order of the heading lines.
    public var id: String
    public var title: String
    public var level: Int
    /// The level-1 parent's id, for level 2.
    public var parent: String?
    /// The heading line.
    public var line: Int
    /// The last line of the measure's own block (the heading and the text under it).
    public var endLine: Int
    /// Line ranges of further blocks that belong to the measure: the text under later
    /// repetitions of a level-1 heading (the 主な取組 pages), and text the dump put
    /// before the heading.
    public var otherBlocks: [ClosedRange<Int>]

    public init(id: String, title: String, level: Int, parent: String?, line: Int, endLine: Int,
                otherBlocks: [ClosedRange<Int>] = []) {
        self.id = id
        self.title = title
        self.level = level
        self.parent = parent
        self.line = line
        self.endLine = endLine
        self.otherBlocks = otherBlocks
    }
}

/// A unit of the ward office.
public struct ExtractedSection: Equatable, Sendable {
    public var name: String
    /// Written forms that differ from the name (`保育園（和泉・北上飯田）`).
    public var aliases: [String]
    public var line: Int

    public init(name: String, aliases: [String] = [], line: Int) {
        self.name = name
        self.aliases = aliases
        self.line = line
    }
}

/// An organisation outside the ward office that a measure works with.
public struct ExtractedPartner: Equatable, Sendable {
    /// Canonical name: the lexicon's for organisation types, the written one for named bodies.
    public var name: String
    /// Spellings seen in the text that differ from the name.
    public var aliases: [String]
    /// First mention.
    public var line: Int

    public init(name: String, aliases: [String] = [], line: Int) {
        self.name = name
        self.aliases = aliases
        self.line = line
    }
}

/// A plan, strategy or city-wide frame that a measure refers to.
public struct ExtractedPlan: Equatable, Sendable {
    public var name: String
    /// The plan this one is part of (`横浜市中期計画 テーマ03` within `横浜市中期計画`).
    public var within: String?
    public var aliases: [String]
    /// First mention (for a plan that is only the parent of others: its first child's).
    public var line: Int

    public init(name: String, within: String? = nil, aliases: [String] = [], line: Int) {
        self.name = name
        self.within = within
        self.aliases = aliases
        self.line = line
    }
}

/// The typed edges that the gold files store explicitly.
public enum EdgeType: String, Sendable, CaseIterable {
    case partnersWith = "partners_with"
    case implements
}

/// measure → partner (`partners_with`) or measure → plan (`implements`).
public struct ExtractedEdge: Equatable, Sendable {
    /// Measure id.
    public var from: String
    public var type: EdgeType
    /// Partner or plan name.
    public var to: String
    /// The line of the first mention in the measure's text.
    public var line: Int

    public init(from: String, type: EdgeType, to: String, line: Int) {
        self.from = from
        self.type = type
        self.to = to
        self.line = line
    }
}
