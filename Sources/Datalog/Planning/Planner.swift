/// Orders a rule's body and chooses how each condition is evaluated.
///
/// Greedy, left to right: the delta atom first (in a semi-naive variant, it holds
/// only the last iteration's new tuples); then, repeatedly, the positive atom with
/// the most bound arguments — fully bound means a membership test, partly bound an
/// index lookup on exactly the bound columns — preferring smaller relations and then
/// the written order; after each atom, every comparison, built-in and negation whose
/// variables are now bound, so that failing bindings are dropped as early as possible.
struct Planner {
    let constants: ConstantTable
    /// The current number of rows of a relation, for ordering.
    let size: (String) -> Int

    /// Plans `rule`. With `delta`, the body item at that index is read as delta;
    /// atoms of `recursive` relations before it read the stable rows, after it the full rows.
    func plan(_ rule: AnalyzedRule, recursive: Set<String>, delta: Int?) -> RulePlan {
        var registers: [String: Int] = [:]
        var registerNames: [String] = []
        var bound = Set<String>()
        var steps: [PlanStep] = []
        var origins: [Int] = []
        var remaining = Array(rule.body.indices)

        func register(_ name: String) -> Int {
            if let r = registers[name] { return r }
            registers[name] = registerNames.count
            registerNames.append(name)
            return registerNames.count - 1
        }
        func operand(_ term: Term) -> Operand? {
            switch term.kind {
            case .variable(let v): return bound.contains(v) ? .register(register(v)) : nil
            case .constant(let c): return .constant(constants.value(c))
            case .anonymous, .parameter: return nil
            }
        }
        func compile(_ expression: Expression) -> CompiledExpression {
            switch expression {
            case .term(let t): return .operand(operand(t) ?? .constant(constants.string("")))
            case .binary(let op, let a, let b, _): return .binary(op, compile(a), compile(b))
            case .negate(let a, _): return .negate(compile(a))
            }
        }
        func range(of index: Int, atom: Atom) -> RowRange {
            guard recursive.contains(atom.name) else { return .all }
            guard let delta else { return .full }
            if index == delta { return .delta }
            // Only atoms of the recursive relations take part in the delta decomposition.
            return index < delta ? .stable : .full
        }
        func placeAtom(_ index: Int, _ atom: Atom) {
            var keyColumns: [Int] = []
            var key: [Operand] = []
            var binds: [ColumnBinding] = []
            var checks: [ColumnCheck] = []
            var bindingHere: [String: Int] = [:]
            for (column, term) in atom.arguments.enumerated() {
                if let value = operand(term) {
                    keyColumns.append(column)
                    key.append(value)
                } else if let v = term.variable {
                    if let first = bindingHere[v] {
                        checks.append(ColumnCheck(column: column, operand: .register(first)))
                    } else {
                        let r = register(v)
                        bindingHere[v] = r
                        binds.append(ColumnBinding(column: column, register: r))
                    }
                }
            }
            let rows = range(of: index, atom: atom)
            origins.append(index)
            if keyColumns.isEmpty {
                steps.append(.scan(relation: atom.name, range: rows, binds: binds, checks: checks))
            } else if keyColumns.count == atom.arguments.count {
                steps.append(.exists(relation: atom.name, tuple: key, range: rows))
            } else {
                steps.append(.lookup(relation: atom.name, columns: keyColumns, key: key, range: rows, binds: binds, checks: checks))
            }
            bound.formUnion(bindingHere.keys)
        }
        /// Places every non-atom condition that can run now; repeats while any did.
        func placeReady() {
            var placed = true
            while placed {
                placed = false
                for (position, index) in remaining.enumerated() {
                    if let step = readyStep(rule.body[index]) {
                        steps.append(step)
                        origins.append(index)
                        remaining.remove(at: position)
                        placed = true
                        break
                    }
                }
            }
        }
        func readyStep(_ item: BodyItem) -> PlanStep? {
            switch item {
            case .relation:
                return nil
            case .negation(let atom):
                guard atom.arguments.allSatisfy({ $0.variable.map(bound.contains) ?? true }) else { return nil }
                var columns: [Int] = []
                var key: [Operand] = []
                for (column, term) in atom.arguments.enumerated() {
                    if let value = operand(term) {
                        columns.append(column)
                        key.append(value)
                    }
                }
                return .absent(relation: atom.name, columns: columns, key: key)
            case .comparison(let op, let a, let b, _):
                let aBound = a.variables.allSatisfy(bound.contains)
                let bBound = b.variables.allSatisfy(bound.contains)
                if aBound && bBound { return .filter(op, compile(a), compile(b)) }
                guard op == .equal else { return nil }
                for (target, source, sourceBound) in [(a, b, bBound), (b, a, aBound)] {
                    if sourceBound, let v = target.plainTerm?.variable, !bound.contains(v) {
                        let expression = compile(source)
                        let r = register(v)
                        bound.insert(v)
                        return .assign(register: r, expression)
                    }
                }
                return nil
            case .builtin(let builtin, let atom):
                let pattern = atom.arguments.map { term in term.variable.map(bound.contains) ?? true }
                guard let outputs = builtin.binds(bound: pattern) else { return nil }
                var arguments: [Operand] = []
                var outputRegisters: [Int?] = []
                for (i, term) in atom.arguments.enumerated() {
                    if outputs.contains(i), let v = term.variable {
                        arguments.append(.constant(Value(raw: 0)))
                        outputRegisters.append(register(v))
                    } else {
                        arguments.append(operand(term) ?? .constant(Value(raw: 0)))
                        outputRegisters.append(nil)
                    }
                }
                for i in outputs { if let v = atom.arguments[i].variable { bound.insert(v) } }
                return .builtin(builtin, arguments: arguments, outputs: outputRegisters)
            }
        }

        placeReady()
        if let delta, case .relation(let atom) = rule.body[delta] {
            remaining.removeAll { $0 == delta }
            placeAtom(delta, atom)
            placeReady()
        }
        while true {
            var best: (index: Int, atom: Atom, score: (Int, Int, Int))?
            for index in remaining {
                guard case .relation(let atom) = rule.body[index] else { continue }
                let boundCount = atom.arguments.filter { term in
                    if case .constant = term.kind { return true }
                    return term.variable.map(bound.contains) ?? false
                }.count
                let priority = boundCount == atom.arguments.count ? 0 : (boundCount > 0 ? 1 : 2)
                let score = (priority, size(atom.name), index)
                if best == nil || score < best!.score { best = (index, atom, score) }
            }
            guard let chosen = best else { break }
            remaining.removeAll { $0 == chosen.index }
            placeAtom(chosen.index, chosen.atom)
            placeReady()
        }
        precondition(remaining.isEmpty, "safe rules can always be planned")

        let head: HeadPlan
        if rule.hasAggregates {
            var columns: [AggregatePlan.Column] = []
            for argument in rule.head.arguments {
                switch argument {
                case .expression(let e): columns.append(.group(compile(e)))
                case .aggregate(let kind, let terms, _):
                    columns.append(.aggregate(kind, terms.compactMap { $0.variable.map(register) }))
                }
            }
            let bodyVariables = Analyzer.namedVariables(of: rule.body)
            var distinct = false
            if rule.body.count == 1, case .relation(let atom) = rule.body[0] {
                let names = atom.arguments.compactMap(\.variable)
                distinct = names.count == atom.arguments.count && Set(names).count == names.count
            }
            head = .aggregate(AggregatePlan(
                relation: rule.head.name, columns: columns, bindingRegisters: bodyVariables.map(register).sorted(),
                bindingsAreDistinct: distinct))
        } else {
            head = .relation(rule.head.name, rule.head.arguments.map { argument in
                if case .expression(let e) = argument { return compile(e) }
                return .operand(.constant(Value(raw: 0)))
            })
        }
        let deltaName: String? = delta.flatMap { if case .relation(let a) = rule.body[$0] { return a.name } else { return nil } }
        return RulePlan(rule: rule, steps: steps, origins: origins, head: head, registerNames: registerNames, deltaRelation: deltaName)
    }
}
