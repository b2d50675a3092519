/// Evaluates a rule with aggregates in its head.
///
/// The body's matches are first reduced to the distinct bindings of all its named
/// variables (as SQL over a set). Those are grouped by the head's other arguments;
/// per group, `count(V…)` counts the distinct combinations of V…, `collect(V)` joins
/// the distinct values of V in order with ", ", and `sum`, `min` and `max` range
/// over the distinct bindings. With no grouping arguments and no binding at all,
/// `count` gives 0, `sum` 0 and `collect` "", and a head with `min` or `max` gives
/// no tuple.
final class AggregateSink: BindingSink {
    private let plan: AggregatePlan
    private let context: EvaluationContext
    private let range: SourceRange
    /// Distinct bindings, one column per named body variable.
    private let bindings: Relation
    private let rows: TupleBuffer
    private let buffer: UnsafeMutablePointer<UInt32>

    init(plan: AggregatePlan, context: EvaluationContext, range: SourceRange) {
        self.plan = plan
        self.context = context
        self.range = range
        bindings = Relation(name: "?bindings", arity: plan.bindingRegisters.count)
        rows = TupleBuffer(arity: plan.bindingRegisters.count)
        buffer = .allocate(capacity: max(1, plan.bindingRegisters.count))
    }

    deinit { buffer.deallocate() }

    func accept(_ registers: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws {
        for (k, register) in plan.bindingRegisters.enumerated() { buffer[k] = registers[register] }
        if plan.bindingsAreDistinct {
            rows.append(buffer)
        } else if bindings.insert(buffer) {
            try context.governor.derivedOne(into: plan.relation)
        }
    }

    private var bindingRows: TupleBuffer { plan.bindingsAreDistinct ? rows : bindings.rows }

    private enum Accumulator {
        case count([Int], distinct: Relation?)
        case sum([Int64])
        case extreme([UInt32?], max: Bool)
        case collect(Relation)
    }

    /// Groups the bindings, aggregates, and inserts the head tuples through `output`.
    func finish(into output: RelationSink) throws {
        let source = bindingRows
        let registerCount = (plan.bindingRegisters.max() ?? -1) + 1
        let registers = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, registerCount))
        defer { registers.deallocate() }
        let arithmetic = Arithmetic(constants: context.constants, range: range)
        let groupExpressions: [CompiledExpression] = plan.columns.compactMap {
            if case .group(let e) = $0 { return e } else { return nil }
        }
        let groups = Relation(name: "?groups", arity: groupExpressions.count)
        let key = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, groupExpressions.count))
        defer { key.deallocate() }

        // count(V…) needs no set of its own when the group and V… are all the variables.
        let groupRegisters = Set(groupExpressions.compactMap { expression -> Int? in
            if case .operand(let o) = expression, !o.isConstant { return Int(o.register) }
            return nil
        })
        var accumulators: [Accumulator] = plan.columns.compactMap { column in
            guard case .aggregate(let kind, let variables) = column else { return nil }
            switch kind {
            case .count:
                let covers = plan.bindingsAreDistinct || true
                let all = Set(plan.bindingRegisters)
                let needsSet = !(covers && groupRegisters.union(variables) == all)
                return .count([], distinct: needsSet ? Relation(name: "?count", arity: 1 + variables.count) : nil)
            case .sum: return .sum([])
            case .min: return .extreme([], max: false)
            case .max: return .extreme([], max: true)
            case .collect: return .collect(Relation(name: "?collect", arity: 2))
            }
        }
        let aggregateVariables: [[Int]] = plan.columns.compactMap {
            if case .aggregate(_, let variables) = $0 { return variables } else { return nil }
        }
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: 1 + (aggregateVariables.map(\.count).max() ?? 1))
        defer { scratch.deallocate() }

        for row in 0..<source.count {
            try context.governor.tick()
            let values = source.row(row)
            for (k, register) in plan.bindingRegisters.enumerated() { registers[register] = values[k] }
            var complete = true
            for (k, expression) in groupExpressions.enumerated() {
                guard let value = try arithmetic.evaluate(expression, registers) else { complete = false; break }
                key[k] = value.raw
            }
            guard complete else { continue }
            let group: Int
            if let found = groups.find(key) {
                group = found
            } else {
                _ = groups.insert(key)
                group = groups.count - 1
            }
            for a in 0..<accumulators.count {
                let variables = aggregateVariables[a]
                switch accumulators[a] {
                case .count(var counts, let distinct):
                    if counts.count <= group { counts.append(0) }
                    var isNew = true
                    if let distinct {
                        scratch[0] = UInt32(group)
                        for (k, register) in variables.enumerated() { scratch[k + 1] = registers[register] }
                        isNew = distinct.insert(scratch)
                    }
                    if isNew { counts[group] += 1 }
                    accumulators[a] = .count(counts, distinct: distinct)
                case .sum(var sums):
                    if sums.count <= group { sums.append(0) }
                    let value = Value(raw: registers[variables[0]])
                    guard let n = context.constants.integerValue(value) else {
                        throw EvaluationError.typeError(
                            "type error: sum(…) over the text \(context.constants.source(value)); sum needs whole numbers", range: range)
                    }
                    let (total, overflow) = sums[group].addingReportingOverflow(n)
                    if overflow { throw EvaluationError.arithmetic("integer overflow in sum(…)", range: range) }
                    sums[group] = total
                    accumulators[a] = .sum(sums)
                case .extreme(var best, let isMax):
                    if best.count <= group { best.append(nil) }
                    let value = registers[variables[0]]
                    if let current = best[group] {
                        let order = context.constants.compare(Value(raw: value), Value(raw: current))
                        if isMax ? order > 0 : order < 0 { best[group] = value }
                    } else {
                        best[group] = value
                    }
                    accumulators[a] = .extreme(best, max: isMax)
                case .collect(let distinct):
                    scratch[0] = UInt32(group)
                    scratch[1] = registers[variables[0]]
                    _ = distinct.insert(scratch)
                }
            }
        }

        var groupCount = groups.count
        if groupCount == 0 && groupExpressions.isEmpty {
            // No bindings and no grouping: one empty group, unless min or max has nothing to give.
            let hasExtreme = accumulators.contains { if case .extreme = $0 { return true } else { return false } }
            if hasExtreme { return }
            _ = groups.insert(key)
            groupCount = 1
        }
        var collected: [[String]] = []
        for accumulator in accumulators {
            guard case .collect(let distinct) = accumulator else {
                collected.append([])
                continue
            }
            var perGroup = Array(repeating: [UInt32](), count: groupCount)
            for row in 0..<distinct.count { perGroup[Int(distinct.rows[row, 0])].append(distinct.rows[row, 1]) }
            collected.append(perGroup.map { values in
                values.sorted { context.constants.compare(Value(raw: $0), Value(raw: $1)) < 0 }
                    .map { context.constants.display(Value(raw: $0)) }
                    .joined(separator: ", ")
            })
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
                    switch accumulators[aggregateColumn] {
                    case .count(let counts, _): tuple[k] = context.constants.integer(Int64(group < counts.count ? counts[group] : 0)).raw
                    case .sum(let sums): tuple[k] = context.constants.integer(group < sums.count ? sums[group] : 0).raw
                    case .extreme(let best, _): tuple[k] = best[group] ?? 0
                    case .collect: tuple[k] = context.constants.string(collected[aggregateColumn][group]).raw
                    }
                    aggregateColumn += 1
                }
            }
            try output.insert(tuple)
        }
    }
}
