import Interning

/// The facts of one snapshot arranged by node: the facts about each entity, the
/// edges into each node, and each node's operations in the log up to the snapshot.
///
/// A node's page, its neighbours' labels and its history are then read in time
/// proportional to what they show, not by a scan of every fact and operation (a
/// node page over the seed graph fell from about 0.7 ms to a few microseconds).
/// Built in counting passes over the facts and the operations the first time a
/// snapshot is asked for it (`GraphSnapshot.nodeIndex`), then shared by every
/// reader of that snapshot: about 12 bytes per fact and per operation.
public final class NodeIndex: Sendable {
    /// A fact about a node, decoded, with where it came from.
    public struct Attribute: Sendable {
        public let attribute: String
        public let value: FactValue
        public let provenance: FactProvenance
    }

    /// An edge into a node: its type, the node it comes from, and where it came from.
    public struct IncomingEdge: Sendable {
        public let edge: String
        public let from: NodeID
        public let provenance: FactProvenance
    }

    /// The snapshot, without its memo (which holds this index: no cycle).
    private let graph: GraphSnapshot
    private let labelSymbol: SymbolTable.Symbol?
    /// Fact numbers (in `graph.state.facts`) by entity.
    private let byEntity: SymbolLists
    /// Fact numbers by the node their value names.
    private let byTarget: SymbolLists
    /// Operation numbers up to the snapshot, by entity and by the node their value names.
    private let operations: SymbolLists

    init(_ snapshot: GraphSnapshot) {
        let graph = snapshot.withoutMemo
        self.graph = graph
        labelSymbol = graph.symbols.lookup("label")
        let facts = graph.state.facts
        let symbolCount = graph.symbols.count
        byEntity = SymbolLists(keys: symbolCount) { emit in
            for (number, fact) in facts.enumerated() { emit(fact.entity, UInt32(number)) }
        }
        byTarget = SymbolLists(keys: symbolCount) { emit in
            for (number, fact) in facts.enumerated() where fact.value.tag == .node { emit(fact.value.symbol, UInt32(number)) }
        }
        let ops = graph.ops.facts.prefix(graph.operationCount)
        operations = SymbolLists(keys: symbolCount) { emit in
            for (op, fact) in ops.enumerated() {
                emit(fact.entity, UInt32(op))
                if fact.value.tag == .node && fact.value.symbol != fact.entity { emit(fact.value.symbol, UInt32(op)) }
            }
        }
    }

    /// Whether any fact holds about `id` or points to it.
    public func contains(_ id: NodeID) -> Bool {
        guard let symbol = graph.symbols.lookup(id.description) else { return false }
        return !byEntity[symbol].isEmpty || !byTarget[symbol].isEmpty
    }

    /// The facts whose entity is `id` (attributes and edges out), in no particular order.
    public func facts(about id: NodeID) -> [Attribute] {
        decoded(byEntity, id) { fact, provenance in
            Attribute(attribute: graph.symbols[fact.attribute], value: graph.symbols.factValue(fact.value), provenance: provenance)
        }
    }

    /// The edges that point to `id`, in no particular order.
    public func edges(into id: NodeID) -> [IncomingEdge] {
        decoded(byTarget, id) { fact, provenance in
            IncomingEdge(edge: graph.symbols[fact.attribute], from: graph.symbols.nodeID(fact.entity), provenance: provenance)
        }
    }

    /// The facts `lists` holds for `id`, each made into a `T` with its provenance.
    private func decoded<T>(_ lists: SymbolLists, _ id: NodeID, _ make: (StoredFact, FactProvenance) -> T) -> [T] {
        guard let symbol = graph.symbols.lookup(id.description) else { return [] }
        let facts = graph.state.facts
        return lists[symbol].map { make(facts[Int($0)], graph.provenance(ofFactNumber: Int($0))) }
    }

    /// The label of each of `ids` that has one saying more than the id's own last
    /// segment, as `GraphSnapshot.labels(of:)` finds it, reading only their facts.
    public func labels(of ids: some Sequence<NodeID>) -> [NodeID: String] {
        guard let labelSymbol else { return [:] }
        let facts = graph.state.facts
        var labels: [NodeID: String] = [:]
        for id in ids where labels[id] == nil {
            guard let symbol = graph.symbols.lookup(id.description) else { continue }
            let texts = byEntity[symbol].compactMap { number -> FactValue? in
                let fact = facts[Int(number)]
                return fact.attribute == labelSymbol ? graph.symbols.factValue(fact.value) : nil
            }
            if let label = GraphSnapshot.chosenLabel(texts, of: id) { labels[id] = label }
        }
        return labels
    }

    /// Every assertion and retraction of a fact about `id` or pointing to it, oldest
    /// first, up to the snapshot: what `GraphSnapshot.history(of:)` lists.
    public func history(of id: NodeID) -> [HistoryEntry] {
        guard let symbol = graph.symbols.lookup(id.description) else { return [] }
        return operations[symbol].map { graph.historyEntry(op: Int($0)) }
    }
}

/// Lists of numbers keyed by symbol, in two flat arrays (the list of symbol `s` is
/// `items[starts[s]..<starts[s + 1]]`), filled by counting: each list keeps the
/// order its numbers were emitted in.
struct SymbolLists: Sendable {
    private let starts: [UInt32]
    private let items: [UInt32]

    /// Lists for symbols `0..<keys`; `enumerate` is called twice and must emit the
    /// same (symbol, number) pairs both times.
    init(keys: Int, _ enumerate: (_ emit: (SymbolTable.Symbol, UInt32) -> Void) -> Void) {
        var starts = [UInt32](repeating: 0, count: keys + 1)
        enumerate { key, _ in starts[Int(key) + 1] += 1 }
        for key in 0..<keys { starts[key + 1] += starts[key] }
        var next = starts
        var items = [UInt32](repeating: 0, count: Int(starts[keys]))
        enumerate { key, number in
            items[Int(next[Int(key)])] = number
            next[Int(key)] += 1
        }
        self.starts = starts
        self.items = items
    }

    subscript(key: SymbolTable.Symbol) -> ArraySlice<UInt32> {
        let key = Int(key)
        guard key + 1 < starts.count else { return [] }
        return items[Int(starts[key])..<Int(starts[key + 1])]
    }
}
