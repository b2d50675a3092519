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
        let byLabel = session.nodesByLabel
        func node(_ text: String) -> NodeID? {
            if NodeID.looksLikeID(text), let id = try? NodeID(parsing: text) { return id }
            if let ids = byLabel[text], ids.count == 1 { return ids[0] }
            return nil
        }
        // The nodes the query itself names (泉区 in shared_partner(泉区, W, P)) belong
        // with every row's nodes.
        let named = Array(Set(Self.constants(ofLastQuery: program, name: name).compactMap(node)))
        var nodes = Set(named)
        var rowNodes: [[NodeID]] = []
        for row in rows {
            let found = row.compactMap(node)
            nodes.formUnion(found)
            rowNodes.append(found + named)
        }
        // Nodes of a row that no edge joins (a ward and a partner) are joined by the
        // nodes between them (the ward's measures that work with the partner).
        if let snapshot = session.snapshot, rowNodes.contains(where: { $0.count > 1 }) {
            nodes.formUnion(GraphIndex(snapshot).connectors(joining: rowNodes, limit: 1))
        }
        return .nodes(Array(nodes), title: title)
    }

    /// The constants of the last query's atoms (`泉区` in `?- shared_partner(泉区, W, P).`).
    static func constants(ofLastQuery program: String, name: String) -> [String] {
        var sources = SourceSet()
        sources.add(name: name, text: program)
        guard let query = sources.program.queries.last else { return [] }
        return query.body.flatMap { literal -> [String] in
            guard case .atom(let atom) = literal else { return [] }
            return atom.arguments.compactMap { term in
                if case .constant(.string(let text)) = term.kind { return text }
                return nil
            }
        }
    }
}
