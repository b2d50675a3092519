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
    let plan: RulePlan
    let context: EvaluationContext
    let statistics: RuleStatistics
    let steps: UnsafeMutablePointer<Step>
    let stepCount: Int
    let registers: UnsafeMutablePointer<UInt32>
    /// The row matched at each step (for `why`).
    let currentRows: UnsafeMutablePointer<Int>
    var expressions: [CompiledExpression] = []
    var allocations: [UnsafeMutableRawPointer] = []
    /// Strong: a sink never refers back to its executor, and a weak load on every match is costly.
    let sink: BindingSink
    private let arithmetic: Arithmetic
    private let builtins: BuiltinFunctions
    /// The source of each step's condition, for errors at run time.
    private let stepRanges: [SourceRange]
    private let governor: Governor
    /// The governor's work budget and the statistics' rows per step, counted in the
    /// innermost loops through raw memory (no reference counting there).
    private let budget: UnsafeMutablePointer<Int>
    private let stepRows: UnsafeMutablePointer<Int>

    init(plan: RulePlan, context: EvaluationContext, statistics: RuleStatistics, sink: BindingSink) {
        self.plan = plan
        self.context = context
        self.statistics = statistics
        self.sink = sink
        governor = context.governor
        budget = context.governor.budget
        stepRows = statistics.stepRows
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
    private func visit(_ row: Int, _ rows: TupleBuffer.View, _ step: UnsafeMutablePointer<Step>, _ i: Int) throws {
        try tick()
        let values = rows.row(row)
        bind(step, values)
        if checksPass(step, values) {
            stepRows[i] += 1
            currentRows[i] = row
            try self.step(i + 1)
        }
    }

    /// One unit of work for the governor (see `Governor.tick`).
    @inline(__always)
    private func tick() throws {
        budget[0] -= 1
        if budget[0] <= 0 { try governor.check() }
    }

    /// The tuples of a grouped relation's group met by a scan or a lookup, as `visit`
    /// for rows; `keyFrom` is the first key column still to check (the first is the group's).
    @inline(__always)
    private func visitGroup(
        key: UInt32, _ entries: UnsafeMutablePointer<UInt32>, _ slots: Int, width: Int, keyFrom: Int,
        _ step: UnsafeMutablePointer<Step>, _ i: Int
    ) throws {
        let tuple = step.pointee.tuple
        tuple[0] = key
        var s = 0
        while s < slots {
            let entry = entries + s * width
            s += 1
            if entry[0] == GroupedTuples.empty { continue }
            (tuple + 1).update(from: entry, count: width)
            if !keyMatches(step, tuple, from: keyFrom) { continue }
            try tick()
            bind(step, tuple)
            if checksPass(step, tuple) {
                stepRows[i] += 1
                currentRows[i] = -1
                try self.step(i + 1)
            }
        }
    }

    /// Whether the tuple has the step's key values, from key column `from` on.
    @inline(__always)
    private func keyMatches(_ step: UnsafeMutablePointer<Step>, _ tuple: UnsafePointer<UInt32>, from: Int) -> Bool {
        var k = from
        while k < step.pointee.operandCount {
            if tuple[step.pointee.keyColumns[k]] != step.pointee.buffer[k] { return false }
            k += 1
        }
        return true
    }

    private func step(_ i: Int) throws {
        if i == stepCount {
            statistics.countMatch()
            try sink.accept(registers, executor: self)
            return
        }
        let step = steps + i
        // References are taken `unowned(unsafe)`: the relations, their rows and indexes
        // outlive the executor, and retaining them on every lookup costs more than the lookup.
        switch step.pointee.kind {
        case .scan:
            if let grouped = step.pointee.grouped {
                try grouped._withUnsafeGuaranteedRef { grouped in
                    for index in 0..<grouped.directorySlots {
                        guard let (key, entries, slots) = grouped.group(at: index) else { continue }
                        try visitGroup(key: key, entries, slots, width: grouped.width, keyFrom: 0, step, i)
                    }
                }
                return
            }
            let rows = step.pointee.rows!
            var row = step.pointee.lo
            let hi = step.pointee.hi
            while row < hi {
                try visit(row, rows, step, i)
                row += 1
            }
        case .lookup:
            for k in 0..<step.pointee.operandCount { step.pointee.buffer[k] = value(step.pointee.operands[k]) }
            if let grouped = step.pointee.grouped {
                try grouped._withUnsafeGuaranteedRef { grouped in
                    let key = step.pointee.buffer[0]
                    guard let (entries, slots) = grouped.group(key) else { return }
                    try visitGroup(key: key, entries, slots, width: grouped.width, keyFrom: 1, step, i)
                }
                return
            }
            let rows = step.pointee.rows!
            try step.pointee.index!._withUnsafeGuaranteedRef { index in
                var row = index.newest(step.pointee.buffer)
                let lo = step.pointee.lo, hi = step.pointee.hi
                while row >= hi { row = index.previous(row) }
                while row >= lo {
                    try visit(row, rows, step, i)
                    row = index.previous(row)
                }
            }
        case .exists:
            for k in 0..<step.pointee.operandCount { step.pointee.buffer[k] = value(step.pointee.operands[k]) }
            try tick()
            var row = -1
            if let grouped = step.pointee.grouped {
                guard grouped._withUnsafeGuaranteedRef({ $0.contains(step.pointee.buffer) }) else { return }
            } else if let index = step.pointee.index {
                row = index._withUnsafeGuaranteedRef { index in
                    var row = index.newest(step.pointee.buffer)
                    while row >= step.pointee.hi { row = index.previous(row) }
                    return row
                }
                guard row >= step.pointee.lo else { return }
            } else {
                guard let found = step.pointee.relation!._withUnsafeGuaranteedRef({ $0.find(step.pointee.buffer) }),
                      found >= step.pointee.lo, found < step.pointee.hi else { return }
                row = found
            }
            stepRows[i] += 1
            currentRows[i] = row
            try self.step(i + 1)
        case .absent:
            for k in 0..<step.pointee.operandCount { step.pointee.buffer[k] = value(step.pointee.operands[k]) }
            let present = step.pointee.relation!._withUnsafeGuaranteedRef { relation in
                if step.pointee.operandCount == relation.arity { return relation.contains(step.pointee.buffer) }
                if step.pointee.operandCount == 0 { return relation.count > 0 }
                if let grouped = step.pointee.grouped { return grouped._withUnsafeGuaranteedRef { groupHasKey($0, step) } }
                return step.pointee.index!._withUnsafeGuaranteedRef { $0.newest(step.pointee.buffer) >= 0 }
            }
            if !present {
                stepRows[i] += 1
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

    /// Whether a grouped relation has a tuple with the step's key (its first column and others).
    private func groupHasKey(_ grouped: GroupedTuples, _ step: UnsafeMutablePointer<Step>) -> Bool {
        let key = step.pointee.buffer[0]
        guard let (entries, slots) = grouped.group(key) else { return false }
        let tuple = step.pointee.tuple, width = grouped.width
        tuple[0] = key
        for s in 0..<slots where entries[s * width] != GroupedTuples.empty {
            (tuple + 1).update(from: entries + s * width, count: width)
            if keyMatches(step, tuple, from: 1) { return true }
        }
        return false
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
