/// Counts that describe a graph: what `wardgraph stats` prints.
public struct GraphStats: Sendable, Equatable {
    public var nodesByKind: [NodeKind: Int] = [:]
    public var edgesByType: [EdgeType: Int] = [:]
    public var facts = 0
    public var attributeFacts = 0

    public init(_ snapshot: GraphSnapshot) {
        facts = snapshot.factCount
        for node in snapshot.nodes() { nodesByKind[node.kind, default: 0] += 1 }
        snapshot.forEachFact { _, attribute, value in
            if case .node = value, let edge = EdgeType(attribute: attribute) {
                edgesByType[edge, default: 0] += 1
            } else {
                attributeFacts += 1
            }
        }
    }
}
