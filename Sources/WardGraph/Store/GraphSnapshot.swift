import Interning
/// The graph as it stood after one transaction: the facts that held, where each
/// came from, and the strings they use. Immutable, and cheap to take: its storage
/// is shared with the store until the store changes.
public struct GraphSnapshot: Sendable {
    /// The last transaction included (0: the empty graph before any transaction).
    public let asOf: UInt64
    let symbols: SymbolTable
    let state: GraphState
    let ops: OpLog
    let transactions: [TransactionInfo]
    /// What is worked out once for this snapshot and shared by its copies.
    let memos = SnapshotMemos()

    public var factCount: Int { state.count }

    /// The facts arranged by node, made the first time it is asked for and then
    /// shared by every copy of this snapshot (and every thread reading it). Once made,
    /// `labels(of:)`, `facts(about:)` and `history(of:)` read it instead of scanning.
    public var nodeIndex: NodeIndex {
        memos.nodeIndex.value { NodeIndex(self) }
    }

    /// This snapshot with a memo of its own, for what a memo holds (no cycle).
    var withoutMemo: GraphSnapshot {
        GraphSnapshot(asOf: asOf, symbols: symbols, state: state, ops: ops, transactions: transactions)
    }

    /// How many operations of the op log lead to this snapshot.
    var operationCount: Int {
        Int(asOf) < transactions.count ? transactions[Int(asOf)].operations.lowerBound : ops.count
    }

    /// Every fact that holds, sorted (entity, attribute, value), for display and export.
    public func facts() -> [Fact] {
        state.facts.map { symbols.fact($0) }.sorted(by: Fact.displayOrder)
    }

    /// Calls `body` with every fact that holds, in no particular order, without making
    /// `Fact` values: the entity and attribute decoded as strings, and the value.
    public func forEachFact(_ body: (_ entity: String, _ attribute: String, _ value: FactValue) throws -> Void) rethrows {
        for fact in state.facts {
            try body(symbols[fact.entity], symbols[fact.attribute], symbols.factValue(fact.value))
        }
    }

    /// The facts whose entity is `id`, sorted.
    public func facts(about id: NodeID) -> [Fact] {
        if let index = memos.nodeIndex.existing {
            return index.facts(about: id).map { Fact(id, $0.attribute, $0.value) }.sorted(by: Fact.displayOrder)
        }
        guard let symbol = symbols.lookup(id.description) else { return [] }
        return state.facts.filter { $0.entity == symbol }.map { symbols.fact($0) }.sorted(by: Fact.displayOrder)
    }

    /// The label of each of `ids` that has one saying more than the id's own last
    /// segment: the first such `label` text in the order `facts(about:)` lists them.
    /// One pass over the facts, comparing symbols; only label values are decoded.
    /// Once the node index is made, only the ids' own facts are read.
    public func labels(of ids: some Sequence<NodeID>) -> [NodeID: String] {
        if let index = memos.nodeIndex.existing { return index.labels(of: ids) }
        guard let labelSymbol = symbols.lookup("label") else { return [:] }
        var wanted: [SymbolTable.Symbol: NodeID] = [:]
        for id in ids {
            if let symbol = symbols.lookup(id.description) { wanted[symbol] = id }
        }
        guard !wanted.isEmpty else { return [:] }
        var values: [SymbolTable.Symbol: [FactValue]] = [:]
        for fact in state.facts where fact.attribute == labelSymbol && wanted[fact.entity] != nil {
            values[fact.entity, default: []].append(symbols.factValue(fact.value))
        }
        var labels: [NodeID: String] = [:]
        for (symbol, texts) in values {
            let id = wanted[symbol]!
            if let label = Self.chosenLabel(texts, of: id) { labels[id] = label }
        }
        return labels
    }

    /// Of a node's `label` values, the one shown for it: the first text, in the order
    /// of `facts(about:)`, that says more than the id's own last segment.
    static func chosenLabel(_ values: [FactValue], of id: NodeID) -> String? {
        let own = String(id.lastSegment)
        for case .text(let label) in values.sorted(by: { $0.inputForm < $1.inputForm }) where label != own {
            return label
        }
        return nil
    }

    public func contains(_ fact: Fact) -> Bool {
        symbols.lookup(fact).map(state.contains) ?? false
    }

    /// Where a fact that holds came from.
    public func provenance(of fact: Fact) -> FactProvenance? {
        guard let stored = symbols.lookup(fact), let support = state.support(of: stored) else { return nil }
        return provenance(ofOp: Int(support.assertion))
    }

    /// The provenance the operation number `op` gives the fact it asserts.
    func provenance(ofOp op: Int) -> FactProvenance {
        let transaction = transactions[Int(ops.transactions[op])]
        return FactProvenance(
            source: symbols.source(ops.sources[op]), transaction: transaction.id,
            author: transaction.author, timestampMillis: transaction.timestampMillis)
    }

    /// The provenance of the fact numbered `number` in `state.facts`.
    func provenance(ofFactNumber number: Int) -> FactProvenance {
        provenance(ofOp: Int(state.table.supports[number].assertion))
    }

    /// Every fact that holds with where it came from, sorted as `facts()` sorts:
    /// one pass over the facts and their supports, for exports that carry
    /// provenance (RDF with PROV-O). Cheaper than `provenance(of:)` per fact.
    public func factsWithProvenance() -> [(fact: Fact, provenance: FactProvenance)] {
        let facts = state.facts, supports = state.table.supports
        var result: [(fact: Fact, provenance: FactProvenance)] = []
        result.reserveCapacity(facts.count)
        for (index, stored) in facts.enumerated() {
            result.append((symbols.fact(stored), provenance(ofOp: Int(supports[index].assertion))))
        }
        result.sort { Fact.displayOrder($0.fact, $1.fact) }
        return result
    }

    /// Whether a person asserted the fact (so re-ingesting its document must keep it).
    public func isAssertedByPerson(_ fact: Fact) -> Bool {
        symbols.lookup(fact).flatMap(state.support)?.byPerson ?? false
    }

    /// Whether the fact's last change was a person's retraction (so re-ingesting its
    /// document must not bring it back).
    public func isRetractedByPerson(_ fact: Fact) -> Bool {
        symbols.lookup(fact).map(state.retractedByPerson.contains) ?? false
    }

    /// Every node: each entity, and each node an edge points to.
    public func nodes() -> Set<NodeID> {
        var symbolsSeen = Set<SymbolTable.Symbol>()
        for fact in state.facts {
            symbolsSeen.insert(fact.entity)
            if fact.value.tag == .node { symbolsSeen.insert(fact.value.symbol) }
        }
        return Set(symbolsSeen.map(symbols.nodeID))
    }
}

extension Fact {
    /// Entity, then attribute, then value as text: the order of listings and exports.
    static func displayOrder(_ a: Fact, _ b: Fact) -> Bool {
        if a.entity != b.entity { return a.entity < b.entity }
        if a.attribute != b.attribute { return a.attribute < b.attribute }
        return a.value.inputForm < b.value.inputForm
    }
}

extension GraphStore {
    /// The graph as it stands now.
    public var current: GraphSnapshot {
        GraphSnapshot(asOf: lastTransactionID, symbols: symbols, state: state, ops: ops, transactions: transactions)
    }

    /// The graph as it stood after transaction `id` (0 for the empty graph).
    public func snapshot(asOf id: UInt64) throws -> GraphSnapshot {
        guard id <= lastTransactionID else { throw StoreError.noSuchTransaction(id, last: lastTransactionID) }
        if id == lastTransactionID { return current }
        var past = GraphState()
        for transaction in transactions.prefix(Int(id)) {
            let byPerson = transaction.origin == .person
            for op in transaction.operations {
                past.apply(ops.facts[op], op: UInt32(op), isRetraction: ops.retractions[op], byPerson: byPerson)
            }
        }
        return GraphSnapshot(asOf: id, symbols: symbols, state: past, ops: ops, transactions: transactions)
    }

    /// Every assertion and retraction of a fact about `entity`, oldest first (see
    /// `GraphSnapshot.history(of:)`).
    public func history(of entity: NodeID) -> [HistoryEntry] {
        current.history(of: entity)
    }

    /// The changes made by one transaction.
    public func changes(in id: UInt64) throws -> [Change] {
        guard id >= 1, id <= lastTransactionID else { throw StoreError.noSuchTransaction(id, last: lastTransactionID) }
        return transactions[Int(id) - 1].operations.map { symbols.change($0, of: ops) }
    }
}
