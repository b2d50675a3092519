import Interning
/// Every assertion and retraction ever made, in log order, in columns.
///
/// This is the store's memory of history: as-of reads replay a prefix of it and
/// an entity's history is a scan of it. About 33 bytes per operation.
struct OpLog: Sendable {
    private(set) var facts: [StoredFact] = []
    /// Index into the store's transactions.
    private(set) var transactions: [UInt32] = []
    private(set) var retractions: [Bool] = []
    private(set) var sources: [StoredSource] = []

    var count: Int { facts.count }

    mutating func reserveCapacity(_ n: Int) {
        facts.reserveGrowing(n)
        transactions.reserveGrowing(n)
        retractions.reserveGrowing(n)
        sources.reserveGrowing(n)
    }

    /// Appends an operation and returns its index.
    @discardableResult
    mutating func append(_ fact: StoredFact, transaction: UInt32, isRetraction: Bool, source: StoredSource) -> UInt32 {
        facts.append(fact)
        transactions.append(transaction)
        retractions.append(isRetraction)
        sources.append(source)
        return UInt32(facts.count - 1)
    }

    /// Appends an operation and applies it to `state`: the one way commits and
    /// replay change the store.
    @inline(__always)
    mutating func append(
        _ fact: StoredFact, transaction: UInt32, isRetraction: Bool, source: StoredSource, byPerson: Bool,
        applyingTo state: inout GraphState
    ) {
        let op = append(fact, transaction: transaction, isRetraction: isRetraction, source: source)
        state.apply(fact, op: op, isRetraction: isRetraction, byPerson: byPerson)
    }
}
