#if canImport(Glibc)
import Glibc
#endif

/// Where the bindings of a rule body go.
protocol BindingSink: AnyObject {
    /// Called with the registers filled for one complete body match.
    func accept(_ registers: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws
    /// Called when a run of the rule ends, to flush anything held back.
    func endOfRun() throws
}

extension BindingSink {
    func endOfRun() throws {}
}

/// Runs one rule plan: nested loops over the steps, one register file of variable
/// values, and the sink at the end.
///
/// The plan's steps are flattened into a buffer of plain structs holding unmanaged
/// references and raw pointers, so the inner loops copy no reference-counted
/// values; the relations outlive the executor.
final class RuleExecutor {
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
    }

    let plan: RulePlan
    let context: EvaluationContext
    let statistics: RuleStatistics
    private let steps: UnsafeMutablePointer<Step>
    private let stepCount: Int
    let registers: UnsafeMutablePointer<UInt32>
    /// The row matched at each step (for `why`).
    let currentRows: UnsafeMutablePointer<Int>
    private var expressions: [CompiledExpression] = []
    private var allocations: [UnsafeMutableRawPointer] = []
    /// Strong: a sink never refers back to its executor, and a weak load on every match is costly.
    let sink: BindingSink
    private let arithmetic: Arithmetic
    private let builtins: BuiltinFunctions
    /// The source of each step's condition, for errors at run time.
    private let stepRanges: [SourceRange]
    private let governor: Governor

    init(plan: RulePlan, context: EvaluationContext, statistics: RuleStatistics, sink: BindingSink) {
        self.plan = plan
        self.context = context
        self.statistics = statistics
        self.sink = sink
        governor = context.governor
        arithmetic = Arithmetic(constants: context.constants, range: plan.rule.range)
        builtins = BuiltinFunctions(constants: context.constants, regexes: context.regexes, governor: context.governor)
        stepRanges = plan.steps.indices.map { plan.rule.body.indices.contains(plan.origins[$0]) ? plan.rule.body[plan.origins[$0]].range : plan.rule.range }
        stepCount = plan.steps.count
        steps = .allocate(capacity: max(1, stepCount))
        registers = .allocate(capacity: max(1, plan.registerCount))
        registers.initialize(repeating: 0, count: max(1, plan.registerCount))
        currentRows = .allocate(capacity: max(1, stepCount))
        currentRows.initialize(repeating: -1, count: max(1, stepCount))
        for (i, planned) in plan.steps.enumerated() {
            (steps + i).initialize(to: compile(planned))
        }
    }

    deinit {
        steps.deinitialize(count: stepCount)
        steps.deallocate()
        registers.deallocate()
        currentRows.deallocate()
        for pointer in allocations { pointer.deallocate() }
    }

    private func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        if !values.isEmpty { pointer.initialize(from: values, count: values.count) }
        allocations.append(UnsafeMutableRawPointer(pointer))
        return pointer
    }

    private func relation(_ name: String) -> Relation {
        guard let relation = context.relations[name] else { preconditionFailure("relation \(name) was not prepared") }
        return relation
    }

    private func compile(_ step: PlanStep) -> Step {
        var compiled = Step(
            kind: .scan, relation: nil, index: nil, range: .all, operands: buffer([Operand]()), operandCount: 0,
            binds: buffer([ColumnBinding]()), bindCount: 0, checks: buffer([ColumnCheck]()), checkCount: 0,
            buffer: buffer([UInt32]()), outputs: buffer([Int]()))
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
            compiled.index = Unmanaged.passUnretained(target.index(on: columns))
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
            compiled.relation = Unmanaged.passUnretained(relation(name))
            compiled.range = range
            compiled.operands = buffer(tuple)
            compiled.operandCount = tuple.count
            compiled.buffer = buffer([UInt32](repeating: 0, count: max(1, tuple.count)))
        case .absent(let name, let columns, let key):
            compiled.kind = .absent
            let target = relation(name)
            compiled.relation = Unmanaged.passUnretained(target)
            if columns.count < target.arity && !columns.isEmpty {
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

    /// Fixes each step's row range from the relations' current marks.
    private func resolveRanges() {
        for i in 0..<stepCount {
            guard let relation = steps[i].relation?.takeUnretainedValue() else { continue }
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

    /// Runs the plan over the relations as they are now.
    func run() throws {
        resolveRanges()
        statistics.executions += 1
        // An empty delta means this variant has nothing new to find.
        for i in 0..<stepCount where steps[i].range == .delta && steps[i].lo >= steps[i].hi { return }
        try step(0)
        try sink.endOfRun()
    }

    /// Runs the plan with some registers fixed beforehand (for `why`).
    func run(presetting preset: [(register: Int, value: UInt32)]) throws {
        for (register, value) in preset { registers[register] = value }
        try run()
    }

    @inline(__always)
    private func value(_ operand: Operand) -> UInt32 {
        operand.register < 0 ? operand.constant : registers[Int(operand.register)]
    }

    @inline(__always)
    private func checksPass(_ step: UnsafeMutablePointer<Step>, _ row: UnsafePointer<UInt32>) -> Bool {
        var c = 0
        while c < step.pointee.checkCount {
            let check = step.pointee.checks[c]
            if row[check.column] != value(check.operand) { return false }
            c += 1
        }
        return true
    }

    @inline(__always)
    private func bind(_ step: UnsafeMutablePointer<Step>, _ row: UnsafePointer<UInt32>) {
        var b = 0
        while b < step.pointee.bindCount {
            let binding = step.pointee.binds[b]
            registers[binding.register] = row[binding.column]
            b += 1
        }
    }

    /// One row met by a scan or a lookup: bind its columns, check the repeated
    /// variables (after binding, so they compare with this row's own values), go on.
    @inline(__always)
    private func visit(_ row: Int, _ rows: TupleBuffer, _ step: UnsafeMutablePointer<Step>, _ i: Int) throws {
        try governor.tick()
        let values = rows.row(row)
        bind(step, values)
        if checksPass(step, values) {
            statistics.countRow(i)
            currentRows[i] = row
            try self.step(i + 1)
        }
    }

    private func step(_ i: Int) throws {
        if i == stepCount {
            statistics.countMatch()
            try sink.accept(registers, executor: self)
            return
        }
        let step = steps + i
        switch step.pointee.kind {
        case .scan:
            let rows = step.pointee.relation!.takeUnretainedValue().rows
            var row = step.pointee.lo
            let hi = step.pointee.hi
            while row < hi {
                try visit(row, rows, step, i)
                row += 1
            }
        case .lookup:
            let rows = step.pointee.relation!.takeUnretainedValue().rows
            let index = step.pointee.index!.takeUnretainedValue()
            for k in 0..<step.pointee.operandCount { step.pointee.buffer[k] = value(step.pointee.operands[k]) }
            var row = index.newest(step.pointee.buffer)
            let lo = step.pointee.lo, hi = step.pointee.hi
            while row >= hi { row = index.previous(row) }
            while row >= lo {
                try visit(row, rows, step, i)
                row = index.previous(row)
            }
        case .exists:
            let relation = step.pointee.relation!.takeUnretainedValue()
            for k in 0..<step.pointee.operandCount { step.pointee.buffer[k] = value(step.pointee.operands[k]) }
            try governor.tick()
            if let row = relation.find(step.pointee.buffer), row >= step.pointee.lo, row < step.pointee.hi {
                statistics.countRow(i)
                currentRows[i] = row
                try self.step(i + 1)
            }
        case .absent:
            let relation = step.pointee.relation!.takeUnretainedValue()
            for k in 0..<step.pointee.operandCount { step.pointee.buffer[k] = value(step.pointee.operands[k]) }
            let present: Bool
            if let index = step.pointee.index?.takeUnretainedValue() {
                present = index.newest(step.pointee.buffer) >= 0
            } else if step.pointee.operandCount == relation.arity {
                present = relation.find(step.pointee.buffer) != nil
            } else {
                present = relation.count > 0
            }
            if !present {
                statistics.countRow(i)
                try self.step(i + 1)
            }
        case .compareOperands:
            let a = value(step.pointee.operands[0]), b = value(step.pointee.operands[1])
            if compare(step.pointee.comparison, a, b) {
                statistics.countRow(i)
                try self.step(i + 1)
            }
        case .compare:
            guard let a = try arithmetic.evaluate(expressions[step.pointee.expressionA], registers),
                  let b = try arithmetic.evaluate(expressions[step.pointee.expressionB], registers) else { return }
            if compare(step.pointee.comparison, a.raw, b.raw) {
                statistics.countRow(i)
                try self.step(i + 1)
            }
        case .assign:
            guard let result = try arithmetic.evaluate(expressions[step.pointee.expressionA], registers) else { return }
            registers[step.pointee.register] = result.raw
            statistics.countRow(i)
            try self.step(i + 1)
        case .builtin:
            var arguments: [UInt32] = []
            for k in 0..<step.pointee.operandCount {
                arguments.append(step.pointee.outputs[k] >= 0 ? UInt32.max : value(step.pointee.operands[k]))
            }
            let outputs = Array(UnsafeBufferPointer(start: step.pointee.outputs, count: step.pointee.operandCount))
            try builtins.run(step.pointee.builtin, arguments: arguments, outputs: outputs, range: stepRanges[i]) { produced in
                for (k, register) in outputs.enumerated() where register >= 0 { registers[register] = produced[k] }
                statistics.countRow(i)
                try self.step(i + 1)
            }
        }
    }

    @inline(__always)
    private func compare(_ op: ComparisonOperator, _ a: UInt32, _ b: UInt32) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        default:
            let order: Int
            let x = Value(raw: a), y = Value(raw: b)
            if x.isSmallInteger && y.isSmallInteger {
                let p = x.smallIntegerValue, q = y.smallIntegerValue
                order = p < q ? -1 : (p > q ? 1 : 0)
            } else {
                order = context.constants.compare(x, y)
            }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            default: return false
            }
        }
    }
}
