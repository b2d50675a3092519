import Interning

/// The set of facts that hold at one point of the log, with what supports each.
struct GraphState: Sendable {
    /// Why a present fact holds.
    struct Support: Sendable {
        /// The operation that last asserted it (its provenance).
        var assertion: UInt32
        /// A person asserted it (not only a document), so a re-ingest must not retract it.
        var byPerson: Bool
    }

    private(set) var table = FactTable()
    /// Facts whose last operation is a person's retraction: a re-ingest must not bring them back.
    private(set) var retractedByPerson: Set<StoredFact> = []

    var count: Int { table.count }
    var facts: [StoredFact] { table.facts }

    func contains(_ fact: StoredFact) -> Bool { table.contains(fact) }

    func support(of fact: StoredFact) -> Support? { table.support(of: fact) }

    mutating func assert(_ fact: StoredFact, op: UInt32, byPerson: Bool) {
        if let old = table.set(fact, Support(assertion: op, byPerson: byPerson)) {
            if old.byPerson && !byPerson { table.set(fact, Support(assertion: op, byPerson: true)) }
        } else if !retractedByPerson.isEmpty {
            retractedByPerson.remove(fact)
        }
    }

    mutating func retract(_ fact: StoredFact, byPerson: Bool) {
        table.remove(fact)
        if byPerson { retractedByPerson.insert(fact) }
    }

    /// Applies operation number `op` of the op log, an assertion or a retraction of
    /// `fact` by a transaction of a person (`byPerson`) or of a document.
    @inline(__always)
    mutating func apply(_ fact: StoredFact, op: UInt32, isRetraction: Bool, byPerson: Bool) {
        if isRetraction {
            retract(fact, byPerson: byPerson)
        } else {
            assert(fact, op: op, byPerson: byPerson)
        }
    }

    mutating func reserveCapacity(_ n: Int) {
        table.reserveCapacity(n)
    }
}
