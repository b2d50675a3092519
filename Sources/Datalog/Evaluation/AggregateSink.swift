/// Evaluates a rule with aggregates in its head.
///
/// The body's matches are first reduced to the distinct bindings of all its named
/// variables (as SQL over a set). Those are grouped by the head's other arguments;
/// per group, `count(V…)` counts the distinct combinations of V…, `collect(V)` joins
/// the distinct values of V in order with ", ", and `sum`, `min` and `max` range
/// over the distinct bindings. With no grouping arguments and no binding at all,
/// `count` gives 0, `sum` 0 and `collect` "", and a head with `min` or `max` gives
/// no tuple.
///
/// When the bindings are distinct by construction (the body is one atom of
/// distinct variables), each is aggregated as it arrives and none is stored.
final class AggregateSink: BindingSink {
    private let plan: AggregatePlan
    private let context: EvaluationContext
    private let range: SourceRange
    /// Distinct bindings, one column per named body variable (unless streaming).
    private let bindings: Relation
    private let buffer: UnsafeMutablePointer<UInt32>
    private let arithmetic: Arithmetic
    private let groupExpressions: [CompiledExpression]
    private let groups: Relation
    private let key: UnsafeMutablePointer<UInt32>
    private let scratch: UnsafeMutablePointer<UInt32>
    private let accumulators: [Accumulator]

    /// Per-group state of one aggregate column. A class, so that updating one
    /// group's value mutates in place (an enum with array payloads would copy the
    /// whole array on every row).
    private final class Accumulator {
        let kind: AggregateKind
        let variables: [Int]
        var counts: [Int] = []
        /// For count(…) and collect(…): (group, values…) seen, when distinctness is not given.
        let distinct: Relation?
        var sums: [Int64] = []
        var extremes: [UInt32?] = []

        init(kind: AggregateKind, variables: [Int], distinct: Relation?) {
            self.kind = kind
            self.variables = variables
            self.distinct = distinct
        }
    }

    init(plan: AggregatePlan, context: EvaluationContext, range: SourceRange) {
        self.plan = plan
        self.context = context
        self.range = range
        bindings = Relation(name: "?bindings", arity: plan.bindingsAreDistinct ? 0 : plan.bindingRegisters.count)
        buffer = .allocate(capacity: max(1, plan.bindingRegisters.count))
        arithmetic = Arithmetic(constants: context.constants, range: range)
        groupExpressions = plan.columns.compactMap { if case .group(let e) = $0 { return e } else { return nil } }
        groups = Relation(name: "?groups", arity: groupExpressions.count)
        key = .allocate(capacity: max(1, groupExpressions.count))
        let groupRegisters = Set(groupExpressions.compactMap { expression -> Int? in
            if case .operand(let o) = expression, !o.isConstant { return Int(o.register) }
            return nil
        })
        let all = Set(plan.bindingRegisters)
        accumulators = plan.columns.compactMap { column in
            guard case .aggregate(let kind, let variables) = column else { return nil }
            switch kind {
            case .count:
                // No set of its own when the group and the counted variables are all the variables.
                let needsSet = groupRegisters.union(variables) != all
                return Accumulator(kind: kind, variables: variables, distinct: needsSet ? Relation(name: "?count", arity: 1 + variables.count) : nil)
            case .collect:
                return Accumulator(kind: kind, variables: variables, distinct: Relation(name: "?collect", arity: 2))
            case .sum, .min, .max:
                return Accumulator(kind: kind, variables: variables, distinct: nil)
            }
        }
        scratch = .allocate(capacity: 1 + (accumulators.map(\.variables.count).max() ?? 1))
        context.countMemory(of: [bindings, groups] + accumulators.compactMap(\.distinct))
    }

    deinit {
        buffer.deallocate()
        key.deallocate()
        scratch.deallocate()
    }

    func accept(_ registers: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws {
        if plan.bindingsAreDistinct {
            try absorb(registers)
            return
        }
        for (k, register) in plan.bindingRegisters.enumerated() { buffer[k] = registers[register] }
        if bindings.insert(buffer) {
            try context.governor.derivedOne(into: plan.relation)
        }
    }

    /// Adds one distinct binding to its group's accumulators.
    private func absorb(_ registers: UnsafeMutablePointer<UInt32>) throws {
        for (k, expression) in groupExpressions.enumerated() {
            if case .operand(let o) = expression {
                key[k] = o.isConstant ? o.constant : registers[Int(o.register)]
            } else {
                guard let value = try arithmetic.evaluate(expression, registers) else { return }
                key[k] = value.raw
            }
        }
        let group: Int
        if let found = groups.find(key) {
            group = found
        } else {
            _ = groups.insert(key)
            group = groups.count - 1
        }
        for accumulator in accumulators {
            let variables = accumulator.variables
            switch accumulator.kind {
            case .count:
                if accumulator.counts.count <= group { accumulator.counts.append(0) }
                var isNew = true
                if let distinct = accumulator.distinct {
                    scratch[0] = UInt32(group)
                    for (k, register) in variables.enumerated() { scratch[k + 1] = registers[register] }
                    isNew = distinct.insert(scratch)
                }
                if isNew { accumulator.counts[group] += 1 }
            case .sum:
                if accumulator.sums.count <= group { accumulator.sums.append(0) }
                let value = Value(raw: registers[variables[0]])
                guard let n = context.constants.integerValue(value) else {
                    throw EvaluationError.typeError(
                        "type error: sum(…) over the text \(context.constants.source(value)); sum needs whole numbers", range: range)
                }
                let (total, overflow) = accumulator.sums[group].addingReportingOverflow(n)
                if overflow { throw EvaluationError.arithmetic("integer overflow in sum(…)", range: range) }
                accumulator.sums[group] = total
            case .min, .max:
                if accumulator.extremes.count <= group { accumulator.extremes.append(nil) }
                let value = registers[variables[0]]
                if let current = accumulator.extremes[group] {
                    let order = context.constants.compare(Value(raw: value), Value(raw: current))
                    if accumulator.kind == .max ? order > 0 : order < 0 { accumulator.extremes[group] = value }
                } else {
                    accumulator.extremes[group] = value
                }
            case .collect:
                scratch[0] = UInt32(group)
                scratch[1] = registers[variables[0]]
                _ = accumulator.distinct!.insert(scratch)
            }
        }
    }

    /// Aggregates the stored bindings (if any), and inserts the head tuples through `output`.
    func finish(into output: RelationSink) throws {
        if !plan.bindingsAreDistinct {
            let registerCount = (plan.bindingRegisters.max() ?? -1) + 1
            let registers = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, registerCount))
            defer { registers.deallocate() }
            let source = bindings.rows
            for row in 0..<source.count {
                try context.governor.tick()
                let values = source.row(row)
                for (k, register) in plan.bindingRegisters.enumerated() { registers[register] = values[k] }
                try absorb(registers)
            }
        }
        var groupCount = groups.count
        if groupCount == 0 && groupExpressions.isEmpty {
            // No bindings and no grouping: one empty group, unless min or max has nothing to give.
            if accumulators.contains(where: { $0.kind == .min || $0.kind == .max }) { return }
            _ = groups.insert(key)
            groupCount = 1
        }
        let collected: [[String]] = accumulators.map { accumulator in
            guard accumulator.kind == .collect, let distinct = accumulator.distinct else { return [] }
            var perGroup = Array(repeating: [UInt32](), count: groupCount)
            for row in 0..<distinct.count { perGroup[Int(distinct.rows[row, 0])].append(distinct.rows[row, 1]) }
            return perGroup.map { values in
                values.sorted { context.constants.compare(Value(raw: $0), Value(raw: $1)) < 0 }
                    .map { context.constants.display(Value(raw: $0)) }
                    .joined(separator: ", ")
            }
        }
        let tuple = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, plan.columns.count))
        defer { tuple.deallocate() }
        for group in 0..<groupCount {
            var groupColumn = 0, aggregateColumn = 0
            for (k, column) in plan.columns.enumerated() {
                switch column {
                case .group:
                    tuple[k] = groups.rows[group, groupColumn]
                    groupColumn += 1
                case .aggregate:
                    let accumulator = accumulators[aggregateColumn]
                    switch accumulator.kind {
                    case .count:
                        tuple[k] = context.constants.integer(Int64(group < accumulator.counts.count ? accumulator.counts[group] : 0)).raw
                    case .sum:
                        tuple[k] = context.constants.integer(group < accumulator.sums.count ? accumulator.sums[group] : 0).raw
                    case .min, .max:
                        tuple[k] = accumulator.extremes[group] ?? 0
                    case .collect:
                        tuple[k] = context.constants.string(collected[aggregateColumn][group]).raw
                    }
                    aggregateColumn += 1
                }
            }
            try output.insert(tuple)
        }
    }
}
