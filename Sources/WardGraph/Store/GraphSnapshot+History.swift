/// What led to the graph of a snapshot: its transactions and each entity's changes,
/// up to the snapshot's transaction and no further, so that a reader of one snapshot
/// sees one consistent past.
extension GraphSnapshot {
    /// The transactions up to and including `asOf`, oldest first.
    public var transactionLog: ArraySlice<TransactionInfo> {
        transactions.prefix(Int(asOf))
    }

    /// Every assertion and retraction of a fact about `entity` (as its subject or as
    /// the node an edge points to), oldest first, up to `asOf`. A scan of the op log,
    /// or once the node index is made, a read of the entity's operations only.
    public func history(of entity: NodeID) -> [HistoryEntry] {
        if let index = memos.nodeIndex.existing { return index.history(of: entity) }
        guard let symbol = symbols.lookup(entity.description) else { return [] }
        var entries: [HistoryEntry] = []
        for op in 0..<operationCount {
            let fact = ops.facts[op]
            guard fact.entity == symbol || (fact.value.tag == .node && fact.value.symbol == symbol) else { continue }
            entries.append(historyEntry(op: op))
        }
        return entries
    }

    /// Operation number `op` of the op log as a line of history.
    func historyEntry(op: Int) -> HistoryEntry {
        let transaction = transactions[Int(ops.transactions[op])]
        return HistoryEntry(transaction: transaction.id, timestampMillis: transaction.timestampMillis,
                            author: transaction.author, change: symbols.change(op, of: ops))
    }
}
