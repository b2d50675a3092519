import Datalog
import Foundation
import TextLayout
import WardGraph

/// Every change to the facts about one node, up to a snapshot: what `wardgraph
/// history`, `:history` and the node page list.
public struct EntityHistory: Sendable {
    public let entity: NodeID
    public let entries: [HistoryEntry]
    public let asOf: UInt64

    /// The history of the node `text` names (an id, or a name such as 泉区); an error
    /// for a malformed id or a node the log never mentions (with the closest there is).
    public init(_ snapshot: GraphSnapshot, entity text: String) throws(OperationError) {
        let entity = try NodeLookup.node(text, in: snapshot)
        let entries = snapshot.history(of: entity)
        guard !entries.isEmpty else { throw NodeLookup.unknown(entity, in: snapshot) }
        self.entity = entity
        self.entries = entries
        asOf = snapshot.asOf
    }
}

/// Reading node ids that people and clients type.
public enum NodeLookup {
    /// The node `text` names: an id (`ward:泉区`, quoted or not, as a query prints it),
    /// or a name, the label of one node (`泉区`, `"横浜市中期計画 テーマ05"`). A name of
    /// several nodes is refused with their ids; an unknown name gets the closest label.
    public static func node(_ text: String, in snapshot: GraphSnapshot) throws(OperationError) -> NodeID {
        var typed = text.trimmingCharacters(in: .whitespaces)
        if typed.count >= 2, typed.hasPrefix("\""), typed.hasSuffix("\"") { typed = String(typed.dropFirst().dropLast()) }
        // An id printed with its label, `"measure:泉区/R7/2.4" 〈商店街のにぎわいづくり〉`, pasted whole.
        if typed.hasSuffix("〉"), let bracket = typed.range(of: " 〈") {
            return try node(String(typed[..<bracket.lowerBound]), in: snapshot)
        }
        if NodeID.looksLikeID(typed.nfkc) { return try id(typed) }
        let name = typed.nfkc
        let byLabel = snapshot.nodesByLabel()
        guard let ids = byLabel[name] else {
            throw OperationError(
                .notFound, "no node is called \(typed)\(Suggestion.hint(for: name, in: byLabel.keys.sorted())); give a name such as 泉区 or an id such as ward:泉区")
        }
        guard ids.count == 1 else {
            let listed = ids.sorted().map { Constant.string($0.description).description }.joined(separator: ", ")
            throw OperationError(.badInput, "\(typed) names \(ids.count) nodes: \(listed); give one of these ids")
        }
        return ids[0]
    }

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
