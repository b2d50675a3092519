import Foundation
import TextLayout
import WardGraph

/// Every change to the facts about one node, up to a snapshot: what `wardgraph
/// history`, `:history` and the node page list.
public struct EntityHistory: Sendable {
    public let entity: NodeID
    public let entries: [HistoryEntry]
    public let asOf: UInt64

    /// The history of the node `text` names; an error for a malformed id or a node
    /// the log never mentions (with the closest id there is).
    public init(_ snapshot: GraphSnapshot, entity text: String) throws(OperationError) {
        let entity = try NodeLookup.id(text)
        let entries = snapshot.history(of: entity)
        guard !entries.isEmpty else { throw NodeLookup.unknown(entity, in: snapshot) }
        self.entity = entity
        self.entries = entries
        asOf = snapshot.asOf
    }
}

/// Reading node ids that people and clients type.
public enum NodeLookup {
    /// `text` as a node id, NFKC-normalised; a bad-input error saying what is wrong.
    public static func id(_ text: String) throws(OperationError) -> NodeID {
        do { return try NodeID(parsing: text.trimmingCharacters(in: .whitespaces)) } catch {
            throw OperationError(.badInput, "\(text): \(error)")
        }
    }

    /// A not-found error for `id`, with the closest node id of the graph.
    public static func unknown(_ id: NodeID, in snapshot: GraphSnapshot) -> OperationError {
        let names = snapshot.nodes().map(\.description)
        return OperationError(.notFound, "no facts about \(id) as of transaction \(snapshot.asOf)\(Suggestion.hint(for: id.description, in: names))")
    }
}
