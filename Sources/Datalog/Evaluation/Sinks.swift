/// Inserts each body match's head tuple into the head's relation.
///
/// Tuples are held back in batches of 64: the set's slot for each is read first,
/// then all are inserted, so that the cache misses of a batch overlap (memory-level
/// parallelism) instead of stalling one insert after another. Nothing reads the
/// head's relation before the run ends (new tuples are outside every row range of
/// the current iteration), and the batch is flushed when it does.
final class RelationSink: BindingSink {
    let target: Relation
    private let head: [CompiledExpression]
    private let context: EvaluationContext
    private let statistics: RuleStatistics
    private let governor: Governor
    private let recordRounds: Bool
    private let buffer: UnsafeMutablePointer<UInt32>
    private let arithmetic: Arithmetic
    private static let batchSize = 64
    private let batch: UnsafeMutablePointer<UInt32>
    private let width: Int
    /// [tuples in the batch]
    private let counters: UnsafeMutablePointer<Int>

    init(target: Relation, head: [CompiledExpression], context: EvaluationContext, statistics: RuleStatistics, range: SourceRange) {
        self.target = target
        self.head = head
        self.context = context
        self.statistics = statistics
        governor = context.governor
        recordRounds = context.recordRounds
        buffer = .allocate(capacity: max(1, head.count))
        arithmetic = Arithmetic(constants: context.constants, range: range)
        width = max(1, target.arity)
        batch = .allocate(capacity: width * Self.batchSize)
        counters = .allocate(capacity: 1)
        counters.initialize(to: 0)
    }

    deinit {
        buffer.deallocate()
        batch.deallocate()
        counters.deallocate()
    }

    func accept(_ registers: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws {
        let slot = batch + counters[0] * width
        for (k, expression) in head.enumerated() {
            if case .operand(let operand) = expression {
                slot[k] = operand.register < 0 ? operand.constant : registers[Int(operand.register)]
            } else {
                guard let value = try arithmetic.evaluate(expression, registers) else { return }
                slot[k] = value.raw
            }
        }
        counters[0] += 1
        if counters[0] == Self.batchSize { try flush() }
    }

    func endOfRun() throws {
        try flush()
    }

    /// Touches every held tuple's slot, then inserts them in order.
    private func flush() throws {
        let count = counters[0]
        guard count > 0 else { return }
        counters[0] = 0
        for i in 0..<count { target.touch(batch + i * width) }
        for i in 0..<count { try insert(batch + i * width) }
    }

    /// Inserts a tuple at once, counting it against the limits and recording its round.
    func insert(_ tuple: UnsafePointer<UInt32>) throws {
        if target.insert(tuple) {
            statistics.countDerived()
            if recordRounds { target.rounds?.append(context.round) }
            try governor.derivedOne(into: target.name)
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
        context.countMemory(of: [result])
    }

    deinit { buffer.deallocate() }

    func accept(_ values: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws {
        for (k, register) in registers.enumerated() { buffer[k] = values[register] }
        if result.insert(buffer) { try context.governor.derivedOne(into: "the query's answer") }
    }
}
