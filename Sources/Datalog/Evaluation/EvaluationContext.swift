/// Everything one run of a program shares: constants, relations, limits, the
/// current round, and per-rule statistics for `explain`.
final class EvaluationContext {
    let constants: ConstantTable
    var relations: [String: Relation] = [:]
    var governor: Governor
    /// Each iteration of each stratum is a round; a tuple remembers its first round
    /// when `recordRounds` is on, so that `why` can rebuild a derivation that does
    /// not go in circles.
    var round: UInt32 = 0
    let recordRounds: Bool
    let regexes = RegexCache()
    /// Statistics by plan key (rule id and variant).
    var statistics: [String: RuleStatistics] = [:]

    init(constants: ConstantTable, limits: Limits, cancellation: Cancellation?, recordRounds: Bool) {
        self.constants = constants
        governor = Governor(limits: limits, cancellation: cancellation)
        self.recordRounds = recordRounds
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
final class RuleStatistics {
    /// Bindings that passed each step.
    var stepRows: [Int]
    /// Complete body matches.
    var matches = 0
    /// New tuples in the head's relation.
    var derived = 0
    var executions = 0

    init(steps: Int) {
        stepRows = Array(repeating: 0, count: steps)
    }
}
