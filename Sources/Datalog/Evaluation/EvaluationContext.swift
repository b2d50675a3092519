/// Everything one run of a program shares: constants, relations, limits, the
/// current round, and per-rule statistics for `explain`.
final class EvaluationContext {
    let constants: ConstantTable
    var relations: [String: Relation] = [:]
    let governor: Governor
    /// Each iteration of each stratum is a round; a tuple remembers its first round
    /// when `recordRounds` is on, so that `why` can rebuild a derivation that does
    /// not go in circles.
    var round: UInt32 = 0
    let recordRounds: Bool
    let regexes = RegexCache()
    /// Statistics by plan key (rule id and variant).
    var statistics: [String: RuleStatistics] = [:]
    /// Derived relations whose strata are done, so that a second evaluator over the
    /// same relations (one for a magic-set rewriting) does not compute them again.
    var computed = Set<String>()
    /// The strata evaluated, in order, for `explain`.
    var trace: [Evaluator.StratumTrace] = []
    /// Rewrite queries with constants by magic sets.
    var useMagicSets = true

    init(constants: ConstantTable, limits: Limits, deadline: Deadline, recordRounds: Bool) {
        self.constants = constants
        governor = Governor(limits: limits, deadline: deadline)
        self.recordRounds = recordRounds
        governor.memoryInUse = { [unowned self] in self.memoryInUse() }
    }

    /// Relations a sink makes for itself (a query's answer, an aggregate's groups),
    /// counted against the memory limit while they live.
    private var scratch: [WeakRelation] = []

    private struct WeakRelation {
        weak var relation: Relation?
    }

    func countMemory(of relations: [Relation]) {
        scratch.removeAll { $0.relation == nil }
        scratch.append(contentsOf: relations.map(WeakRelation.init))
    }

    /// The bytes the run's relations and the constant table hold, and the largest relation.
    func memoryInUse() -> (bytes: Int, largest: String?) {
        var total = constants.byteCount
        var largest: (name: String, bytes: Int)?
        for relation in relations.values {
            let bytes = relation.byteCount
            total += bytes
            if bytes > (largest?.bytes ?? -1) { largest = (relation.name, bytes) }
        }
        for case let relation? in scratch.map(\.relation) { total += relation.byteCount }
        return (total, largest?.name)
    }

    func relation(_ name: String, arity: Int) -> Relation {
        if let relation = relations[name] { return relation }
        let relation = Relation(name: name, arity: arity)
        if recordRounds { relation.rounds = [] }
        relations[name] = relation
        return relation
    }
}

/// What running one rule plan did, summed over its executions.
///
/// The counters live in raw memory: they are bumped in the innermost loops, where a
/// class's stored property would cost a dynamic exclusivity check on every update.
final class RuleStatistics {
    private let counters: UnsafeMutablePointer<Int>
    let stepCount: Int

    init(steps: Int) {
        stepCount = steps
        counters = .allocate(capacity: 3 + steps)
        counters.initialize(repeating: 0, count: 3 + steps)
    }

    deinit { counters.deallocate() }

    /// Bindings that passed step `i`.
    var stepRows: UnsafeMutablePointer<Int> { counters + 3 }
    /// Complete body matches.
    var matches: Int { get { counters[0] } set { counters[0] = newValue } }
    /// New tuples in the head's relation.
    var derived: Int { get { counters[1] } set { counters[1] = newValue } }
    var executions: Int { get { counters[2] } set { counters[2] = newValue } }

    @inline(__always) func countMatch() { counters[0] += 1 }
    @inline(__always) func countDerived() { counters[1] += 1 }
    @inline(__always) func countRow(_ step: Int) { counters[3 + step] += 1 }
}
