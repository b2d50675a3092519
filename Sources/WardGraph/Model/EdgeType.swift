/// The typed edges between nodes, with the kinds each may connect.
///
/// An edge is a fact whose attribute is one of these names and whose value is a
/// node id. The kind constraints catch the commonest hand-editing slip, an edge
/// pointing the wrong way (`partners_with` from a partner to a measure).
public enum EdgeType: String, CaseIterable, Sendable {
    /// ward → measure: every measure of the ward's documents, at any level.
    case hasMeasure = "has_measure"
    /// measure → measure: a level-1 policy → an initiative under it.
    case subMeasure = "sub_measure"
    /// ward → section: the ward office has this unit.
    case hasSection = "has_section"
    /// measure → partner: the measure's text names the partner.
    case partnersWith = "partners_with"
    /// measure → plan: the measure refers to the plan.
    case implements
    /// plan → plan: a plan item → the plan it is part of.
    case within
    /// any node → document: the document the node was read from.
    case fromDocument = "from_document"

    /// Kinds allowed at the start of the edge.
    public var fromKinds: Set<NodeKind> {
        switch self {
        case .hasMeasure, .hasSection: return [.ward]
        case .subMeasure, .partnersWith, .implements: return [.measure]
        case .within: return [.plan]
        case .fromDocument: return [.ward, .measure, .section, .partner, .plan]
        }
    }

    /// Kinds allowed at the end of the edge.
    public var toKinds: Set<NodeKind> {
        switch self {
        case .hasMeasure, .subMeasure: return [.measure]
        case .hasSection: return [.section]
        case .partnersWith: return [.partner]
        case .implements, .within: return [.plan]
        case .fromDocument: return [.document]
        }
    }

    /// Whether the edge may start at a node of `kind` (checked without building sets).
    public func allowsStart(_ kind: NodeKind) -> Bool {
        switch self {
        case .hasMeasure, .hasSection: return kind == .ward
        case .subMeasure, .partnersWith, .implements: return kind == .measure
        case .within: return kind == .plan
        case .fromDocument: return kind != .document
        }
    }

    /// Whether the edge may end at a node of `kind`.
    public func allowsEnd(_ kind: NodeKind) -> Bool {
        switch self {
        case .hasMeasure, .subMeasure: return kind == .measure
        case .hasSection: return kind == .section
        case .partnersWith: return kind == .partner
        case .implements, .within: return kind == .plan
        case .fromDocument: return kind == .document
        }
    }

    public init?(attribute: String) {
        self.init(rawValue: attribute)
    }
}
