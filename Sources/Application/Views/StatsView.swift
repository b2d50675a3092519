import ResultFormats
import TextLayout
import WardGraph

/// The one view of the graph's counts: a table (what, kind, count) under a caption
/// naming the store and the transaction, and JSON.
public enum StatsView {
    public static func resultSet(_ summary: GraphSummary) -> ResultSet {
        let stats = summary.stats
        var rows: [[ResultSet.Cell]] = []
        func add(_ what: String, _ kind: String, _ count: Int) { rows.append([.text(what), .text(kind), .integer(Int64(count))]) }
        add("nodes", "", stats.nodeCount)
        for kind in NodeKind.allCases { add("", kind.rawValue, stats.nodesByKind[kind] ?? 0) }
        add("edges", "", stats.edgeCount)
        for edge in EdgeType.allCases { add("", edge.rawValue, stats.edgesByType[edge] ?? 0) }
        add("facts", "", stats.facts)
        add("", "edges", stats.edgeCount)
        add("", "attributes", stats.attributeFacts)
        add("transactions", "", Int(summary.asOf))
        add("file size", "bytes", Int(summary.fileSize))
        return ResultSet(
            columns: ["", "", "count"], rows: rows, rowNoun: nil,
            caption: "\(summary.storePath), as of transaction \(summary.asOf)")
    }

    public static func json(_ summary: GraphSummary) -> JSONValue {
        let stats = summary.stats
        return .object([
            ("tx", .integer(Int64(summary.asOf))),
            ("nodes", .integer(stats.nodeCount)),
            ("nodes_by_kind", .object(NodeKind.allCases.map { ($0.rawValue, .integer(stats.nodesByKind[$0] ?? 0)) })),
            ("edges", .integer(stats.edgeCount)),
            ("edges_by_type", .object(EdgeType.allCases.map { ($0.rawValue, .integer(stats.edgesByType[$0] ?? 0)) })),
            ("facts", .integer(stats.facts)),
            ("attribute_facts", .integer(stats.attributeFacts)),
            ("transactions", .integer(Int64(summary.asOf))),
            ("file_size", .integer(Int64(summary.fileSize))),
        ])
    }
}
