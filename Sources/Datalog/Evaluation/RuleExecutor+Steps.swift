/// How a rule plan's steps become the executor's: plain structs of raw pointers and
/// unmanaged references, compiled once, their row ranges and ways of reading fixed
/// at the start of each run.
extension RuleExecutor {
    enum Kind: UInt8 { case scan, lookup, exists, absent, compareOperands, compare, assign, builtin }

    struct Step {
        var kind: Kind
        var relation: Unmanaged<Relation>?
        var index: Unmanaged<TupleIndex>?
        var range: RowRange
        var lo = 0
        var hi = 0
        var operands: UnsafeMutablePointer<Operand>
        var operandCount: Int
        var binds: UnsafeMutablePointer<ColumnBinding>
        var bindCount: Int
        var checks: UnsafeMutablePointer<ColumnCheck>
        var checkCount: Int
        var buffer: UnsafeMutablePointer<UInt32>
        var comparison: ComparisonOperator = .equal
        var expressionA = 0
        var expressionB = 0
        var register = 0
        var builtin: Builtin = .contains
        var outputs: UnsafeMutablePointer<Int>
        /// The columns `operands` give values for (lookups, negations, membership).
        var keyColumns: UnsafeMutablePointer<Int>
        /// The relation's groups, when it is grouped and read whole (see `resolveRanges`).
        var grouped: Unmanaged<GroupedTuples>?
        /// A tuple of a grouped relation, put together for binding.
        var tuple: UnsafeMutablePointer<UInt32>
        /// The relation's rows (scans and lookups).
        var rows: TupleBuffer.View?
    }

    func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        if !values.isEmpty { pointer.initialize(from: values, count: values.count) }
        allocations.append(UnsafeMutableRawPointer(pointer))
        return pointer
    }

    func relation(_ name: String) -> Relation {
        guard let relation = context.relations[name] else { preconditionFailure("relation \(name) was not prepared") }
        return relation
    }

    func compile(_ step: PlanStep) -> Step {
        var compiled = Step(
            kind: .scan, relation: nil, index: nil, range: .all, operands: buffer([Operand]()), operandCount: 0,
            binds: buffer([ColumnBinding]()), bindCount: 0, checks: buffer([ColumnCheck]()), checkCount: 0,
            buffer: buffer([UInt32]()), outputs: buffer([Int]()), keyColumns: buffer([Int]()), grouped: nil, tuple: buffer([UInt32]()))
        if let name = step.relationName {
            compiled.tuple = buffer([UInt32](repeating: 0, count: max(1, relation(name).arity)))
            compiled.rows = relation(name).rows.view
        }
        switch step {
        case .scan(let name, let range, let binds, let checks):
            compiled.kind = .scan
            compiled.relation = Unmanaged.passUnretained(relation(name))
            compiled.range = range
            compiled.binds = buffer(binds)
            compiled.bindCount = binds.count
            compiled.checks = buffer(checks)
            compiled.checkCount = checks.count
        case .lookup(let name, let columns, let key, let range, let binds, let checks):
            compiled.kind = .lookup
            let target = relation(name)
            compiled.relation = Unmanaged.passUnretained(target)
            compiled.keyColumns = buffer(columns)
            if !Self.readsGroups(target, range: range, columns: columns) {
                compiled.index = Unmanaged.passUnretained(target.index(on: columns))
            }
            compiled.range = range
            compiled.operands = buffer(key)
            compiled.operandCount = key.count
            compiled.buffer = buffer([UInt32](repeating: 0, count: key.count))
            compiled.binds = buffer(binds)
            compiled.bindCount = binds.count
            compiled.checks = buffer(checks)
            compiled.checkCount = checks.count
        case .exists(let name, let tuple, let range):
            compiled.kind = .exists
            let target = relation(name)
            compiled.relation = Unmanaged.passUnretained(target)
            compiled.range = range
            compiled.operands = buffer(tuple)
            compiled.operandCount = tuple.count
            compiled.buffer = buffer([UInt32](repeating: 0, count: max(1, tuple.count)))
            if target.grouped != nil && range == .delta {
                // The delta of a grouped relation is rows without a set: look the tuple up by all its columns.
                compiled.index = Unmanaged.passUnretained(target.index(on: Array(0..<target.arity)))
            }
        case .absent(let name, let columns, let key):
            compiled.kind = .absent
            let target = relation(name)
            compiled.relation = Unmanaged.passUnretained(target)
            compiled.keyColumns = buffer(columns)
            if columns.count < target.arity && !columns.isEmpty && !Self.readsGroups(target, range: .all, columns: columns) {
                compiled.index = Unmanaged.passUnretained(target.index(on: columns))
            }
            compiled.operands = buffer(key)
            compiled.operandCount = key.count
            compiled.buffer = buffer([UInt32](repeating: 0, count: max(1, key.count)))
        case .filter(let op, let a, let b):
            compiled.comparison = op
            if case .operand(let x) = a, case .operand(let y) = b {
                compiled.kind = .compareOperands
                compiled.operands = buffer([x, y])
                compiled.operandCount = 2
            } else {
                compiled.kind = .compare
                compiled.expressionA = expressions.count
                expressions.append(a)
                compiled.expressionB = expressions.count
                expressions.append(b)
            }
        case .assign(let register, let expression):
            compiled.kind = .assign
            compiled.register = register
            compiled.expressionA = expressions.count
            expressions.append(expression)
        case .builtin(let builtin, let arguments, let outputs):
            compiled.kind = .builtin
            compiled.builtin = builtin
            compiled.operands = buffer(arguments)
            compiled.operandCount = arguments.count
            compiled.outputs = buffer(outputs.map { $0 ?? -1 })
        }
        return compiled
    }

    /// Whether a step reads a grouped relation's groups: whole, or by a key that has
    /// its first column (not its delta, which is rows).
    static func readsGroups(_ relation: Relation, range: RowRange, columns: [Int]) -> Bool {
        relation.grouped != nil && range != .delta && (columns.isEmpty || columns[0] == 0)
    }

    /// Fixes each step's row range from the relations' current marks, and how it
    /// reads a grouped relation (which another step may have turned into rows since).
    func resolveRanges() {
        for i in 0..<stepCount {
            guard let relation = steps[i].relation?.takeUnretainedValue() else { continue }
            let kind = steps[i].kind
            let columns = Array(UnsafeBufferPointer(start: steps[i].keyColumns, count: kind == .exists ? 0 : steps[i].operandCount))
            if let grouped = relation.grouped, Self.readsGroups(relation, range: steps[i].range, columns: columns) {
                steps[i].grouped = Unmanaged.passUnretained(grouped)
            } else {
                steps[i].grouped = nil
                let partial = kind == .absent && !columns.isEmpty && columns.count < relation.arity
                if steps[i].index == nil && (kind == .lookup || partial) {
                    steps[i].index = Unmanaged.passUnretained(relation.index(on: columns))
                }
            }
            switch steps[i].range {
            case .all: (steps[i].lo, steps[i].hi) = (0, relation.count)
            case .stable: (steps[i].lo, steps[i].hi) = (0, relation.stableEnd)
            case .delta: (steps[i].lo, steps[i].hi) = (relation.stableEnd, relation.deltaEnd)
            case .full: (steps[i].lo, steps[i].hi) = (0, relation.deltaEnd)
            }
            if let index = steps[i].index?.takeUnretainedValue(), index.indexedRows < steps[i].hi {
                index.catchUp()
            }
        }
    }
}
