/// What each ingested document currently says: the assertions of its latest ingest.
///
/// An ingest asserts every fact of its document (asserting a fact that holds only
/// refreshes its provenance), so the latest ingest transaction of a document is its
/// whole current content; the log needs no other record of it.
extension GraphStore {
    /// The document keys that have been ingested (document node ids).
    public var documentKeys: Set<String> {
        Set(transactions.compactMap { info in
            if case .facts(.document(let key), _, _) = info.content { return key }
            return nil
        })
    }

    /// The facts the latest ingest of document `key` asserted; empty if never ingested.
    public func documentContent(key: String) -> Set<Fact> {
        guard let latest = transactions.last(where: { $0.origin == .document(key: key) }) else { return [] }
        var facts = Set<Fact>()
        for op in latest.operations where !ops.retractions[op] {
            facts.insert(symbols.fact(ops.facts[op]))
        }
        return facts
    }
}
