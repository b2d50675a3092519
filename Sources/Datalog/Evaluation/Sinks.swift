/// Inserts each body match's head tuple into the head's relation.
final class RelationSink: BindingSink {
    let target: Relation
    private let head: [CompiledExpression]
    private let context: EvaluationContext
    private let statistics: RuleStatistics
    private let buffer: UnsafeMutablePointer<UInt32>
    private let arithmetic: Arithmetic

    init(target: Relation, head: [CompiledExpression], context: EvaluationContext, statistics: RuleStatistics, range: SourceRange) {
        self.target = target
        self.head = head
        self.context = context
        self.statistics = statistics
        buffer = .allocate(capacity: max(1, head.count))
        arithmetic = Arithmetic(constants: context.constants, range: range)
    }

    deinit { buffer.deallocate() }

    func accept(_ registers: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws {
        for (k, expression) in head.enumerated() {
            if case .operand(let operand) = expression {
                buffer[k] = operand.register < 0 ? operand.constant : registers[Int(operand.register)]
            } else {
                guard let value = try arithmetic.evaluate(expression, registers) else { return }
                buffer[k] = value.raw
            }
        }
        try insert(buffer)
    }

    /// Inserts a tuple, counting it against the limits and recording its round.
    func insert(_ tuple: UnsafePointer<UInt32>) throws {
        if target.insert(tuple) {
            statistics.countDerived()
            if context.recordRounds { target.rounds?.append(context.round) }
            try context.governor.derivedOne(into: target.name)
        }
    }
}

/// Collects the distinct rows of a query's named variables.
final class QuerySink: BindingSink {
    let result: Relation
    private let registers: [Int]
    private let buffer: UnsafeMutablePointer<UInt32>
    private let context: EvaluationContext

    init(columns: [Int], context: EvaluationContext) {
        registers = columns
        result = Relation(name: "?query", arity: columns.count)
        buffer = .allocate(capacity: max(1, columns.count))
        self.context = context
    }

    deinit { buffer.deallocate() }

    func accept(_ values: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws {
        for (k, register) in registers.enumerated() { buffer[k] = values[register] }
        if result.insert(buffer) { try context.governor.derivedOne(into: "the query's answer") }
    }
}
