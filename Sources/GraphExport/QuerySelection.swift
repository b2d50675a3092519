import Datalog
import Querying
import WardGraph

/// The part of the graph a query selects: the answers of its last query, read as
/// edges when they are rows of (from, edge type, to), otherwise as the nodes they
/// name (node ids, or names that are the label of exactly one node).
public enum QuerySelection {
    public enum Failure: Error, CustomStringConvertible {
        case program(String)
        case noQuery

        public var description: String {
            switch self {
            case .program(let message): return message
            case .noQuery: return "the program has no query (?- …) to select nodes with"
            }
        }
    }

    public static func select(_ program: String, name: String, session: QuerySession) throws -> ExportSelection {
        let outcome = session.run(name: name, text: program)
        guard outcome.diagnostics.isEmpty else { throw Failure.program(outcome.files.render(outcome.diagnostics)) }
        guard let last = outcome.answers.last else { throw Failure.noQuery }
        let result: QueryResult
        switch last {
        case .result(let r, _): result = r
        case .failure(let error, _): throw Failure.program(error.message)
        }
        let constants = session.engine.constants
        let rows = result.rows.map { $0.map(constants.display) }
        let title = program.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.columns.count == 3, !rows.isEmpty {
            let edges = rows.compactMap { row -> (NodeID, EdgeType, NodeID)? in
                guard let from = try? NodeID(parsing: row[0]), let type = EdgeType(attribute: row[1]),
                      let to = try? NodeID(parsing: row[2]) else { return nil }
                return (from, type, to)
            }
            if edges.count == rows.count { return .edges(edges, title: title) }
        }
        let byLabel = session.snapshot?.nodesByLabel() ?? [:]
        var nodes = Set<NodeID>()
        for cell in rows.joined() {
            if NodeID.looksLikeID(cell), let id = try? NodeID(parsing: cell) {
                nodes.insert(id)
            } else if let ids = byLabel[cell], ids.count == 1 {
                nodes.insert(ids[0])
            }
        }
        return .nodes(Array(nodes), title: title)
    }
}
