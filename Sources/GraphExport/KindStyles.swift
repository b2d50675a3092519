import GraphViz
import WardGraph

/// One look per node kind and per edge type, shared by every diagram so that a
/// planner learns it once: wards are bold blue boxes, measures pale yellow rounded
/// boxes, sections grey boxes, partners green ellipses, plans purple notes,
/// documents grey tabs.
public enum KindStyles {
    public static func node(_ kind: NodeKind) -> NodeStyle {
        switch kind {
        case .ward: return NodeStyle(shape: .box, fill: "#DCE8FA", border: "#1F4E9A", options: [.bold], penWidth: 2)
        case .measure: return NodeStyle(shape: .box, fill: "#FFF6D5", border: "#B08A00", options: [.rounded])
        case .section: return NodeStyle(shape: .box, fill: "#EEEEEE", border: "#777777")
        case .partner: return NodeStyle(shape: .ellipse, fill: "#DDF2DF", border: "#2E7D32")
        case .plan: return NodeStyle(shape: .note, fill: "#EDE3F7", border: "#6A3FA0")
        case .document: return NodeStyle(shape: .tab, fill: "#F5F5F5", border: "#999999", fontColor: "#555555")
        }
    }

    public static func edge(_ type: EdgeType) -> EdgeStyle {
        switch type {
        case .hasMeasure: return EdgeStyle(color: "#1F4E9A")
        case .subMeasure: return EdgeStyle(color: "#B08A00")
        case .hasSection: return EdgeStyle(color: "#777777", line: .dashed)
        case .partnersWith: return EdgeStyle(color: "#2E7D32", penWidth: 1.5)
        case .implements: return EdgeStyle(color: "#6A3FA0")
        case .within: return EdgeStyle(color: "#6A3FA0", line: .dotted)
        case .fromDocument: return EdgeStyle(color: "#BBBBBB", line: .dotted, arrowhead: .empty)
        }
    }

    /// A partner shared by `wards` wards: the more wards, the stronger it stands out.
    public static func sharedPartner(wards: Int) -> NodeStyle {
        switch wards {
        case ...1: return NodeStyle(shape: .ellipse, fill: "#F4FBF4", border: "#9CC79F")
        case 2: return NodeStyle(shape: .ellipse, fill: "#BFE5C2", border: "#2E7D32", penWidth: 1.5)
        case 3: return NodeStyle(shape: .ellipse, fill: "#81C784", border: "#1B5E20", options: [.bold], penWidth: 2)
        default: return NodeStyle(shape: .ellipse, fill: "#43A047", border: "#1B5E20", fontColor: .white, options: [.bold], penWidth: 2.5)
        }
    }

    /// A ward's link to a partner or plan through measures the drawing leaves out
    /// (a query's answer of wards and partners): dashed, in the partners' green.
    public static let linkThroughMeasures = EdgeStyle(color: "#2E7D32", line: .dashed, fontColor: "#2E7D32")

    /// The legend for the kinds and edge types that appear (and the links through
    /// measures, when there are some).
    public static func legend(kinds: Set<NodeKind>, edges: Set<EdgeType>, throughMeasures: Bool = false) -> DotLegend {
        var entries: [DotLegend.Entry] = NodeKind.allCases.filter(kinds.contains).map { .node($0.rawValue, node($0)) }
        entries += EdgeType.allCases.filter(edges.contains).map { .edge($0.rawValue, edge($0)) }
        if throughMeasures { entries.append(.edge("through measures (施策n件)", linkThroughMeasures)) }
        return DotLegend(title: "凡例 Legend", entries: entries)
    }
}
