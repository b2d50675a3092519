import Interning

/// Counts that describe a graph: what `wardgraph stats` prints.
public struct GraphStats: Sendable, Equatable {
    public var nodesByKind: [NodeKind: Int] = [:]
    public var edgesByType: [EdgeType: Int] = [:]
    public var facts = 0
    public var attributeFacts = 0

    public var nodeCount: Int { nodesByKind.values.reduce(0, +) }
    public var edgeCount: Int { edgesByType.values.reduce(0, +) }

    /// Counts over the stored facts, comparing symbols: no string is decoded, and a
    /// node's kind is read off its id's bytes.
    public init(_ snapshot: GraphSnapshot) {
        let symbols = snapshot.symbols
        facts = snapshot.factCount
        var edgeTypes: [SymbolTable.Symbol: EdgeType] = [:]
        for edge in EdgeType.allCases {
            if let symbol = symbols.lookup(edge.rawValue) { edgeTypes[symbol] = edge }
        }
        var nodes = Set<SymbolTable.Symbol>()
        for fact in snapshot.state.facts {
            nodes.insert(fact.entity)
            if fact.value.tag == .node {
                nodes.insert(fact.value.symbol)
                if let edge = edgeTypes[fact.attribute] {
                    edgesByType[edge, default: 0] += 1
                    continue
                }
            }
            attributeFacts += 1
        }
        for node in nodes {
            if let kind = symbols.withBytes(of: node, { NodeKind(prefixOf: $0) }) { nodesByKind[kind, default: 0] += 1 }
        }
    }
}
