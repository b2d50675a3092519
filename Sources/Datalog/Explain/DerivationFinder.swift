/// Finds one derivation of a tuple, after a run that recorded each tuple's round.
///
/// A tuple first derived in round r was derived by some rule from premises all
/// known before round r. So: for each rule of its relation, evaluate the rule's body
/// with the head's values put in (index lookups make this quick), and accept the
/// first match whose premises all have rounds below r and whose head gives the
/// tuple; then explain each premise the same way. Rounds strictly decrease along
/// every branch, so the tree is finite and never circular. Input tuples are leaves
/// with their source; negated conditions are "absent" leaves.
final class DerivationFinder {
    private let evaluator: Evaluator
    private let inputs: [String: InputRelation]
    private let sources: SourceFiles
    private var context: EvaluationContext { evaluator.context }
    private var constants: ConstantTable { evaluator.context.constants }
    /// Nodes left before the tree is cut.
    private var budget = 300
    private static let maxDepth = 40
    private static let aggregateSamples = 5

    init(evaluator: Evaluator, inputs: [String: InputRelation], sources: SourceFiles) {
        self.evaluator = evaluator
        self.inputs = inputs
        self.sources = sources
    }

    private struct Found: Error {}

    func derive(_ name: String, _ tuple: [Value], depth: Int = 0) throws -> Derivation {
        let relation = try evaluator.relation(name)
        var raw = tuple.map(\.raw)
        if raw.isEmpty { raw = [0] }
        guard let row = raw.withUnsafeBufferPointer({ relation.find($0.baseAddress!) }) else {
            throw DerivationError.notDerived("\(name)(\(tuple.map(constants.source).joined(separator: ", ")))")
        }
        let round = relation.rounds?[row] ?? 0
        let isInput = evaluator.program.relations[name]?.isInput ?? false
        if round == 0 && isInput {
            return .fact(relation: name, tuple: tuple, source: inputs[name]?.provenance?(tuple))
        }
        budget -= 1
        if budget <= 0 || depth > Self.maxDepth { return .truncated(relation: name, tuple: tuple) }
        for rule in evaluator.program.rules(for: name) {
            if let found = try attempt(rule, tuple: tuple, round: round, depth: depth) { return found }
        }
        // Cannot happen for a tuple the run derived; say so plainly rather than crash.
        throw DerivationError.notDerived("\(name)(\(tuple.map(constants.source).joined(separator: ", "))) (no rule reproduces it)")
    }

    /// Tries one rule; the derivation if it gives the tuple from earlier premises.
    private func attempt(_ rule: AnalyzedRule, tuple: [Value], round: UInt32, depth: Int) throws -> Derivation? {
        // Put the head's values into the body where the head has plain variables.
        var known: [String: Constant] = [:]
        for (argument, value) in zip(rule.head.arguments, tuple) {
            if case .expression(.term(let term)) = argument, let v = term.variable { known[v] = constants.constant(value) }
        }
        let specialised = AnalyzedRule(id: rule.id, head: rule.head, body: rule.body.map { substitute($0, known) }, range: rule.range)
        let plan = Planner(constants: constants, size: { [context] in context.relations[$0]?.count ?? 0 })
            .plan(specialised, recursive: [], delta: nil)
        let sink = WitnessSink(finder: self, plan: plan, round: round, tuple: tuple, known: known, rule: rule)
        let executor = RuleExecutor(plan: plan, context: context, statistics: RuleStatistics(steps: plan.steps.count), sink: sink)
        do {
            try executor.run()
        } catch is Found {}
        let location = "\(sources.name(of: rule.range)):\(rule.range.start.line)"
        let text = ExplainRenderer.ruleText(rule)
        if rule.hasAggregates {
            guard sink.bindings > 0 || rule.body.isEmpty else { return nil }
            let samples = try sink.witnesses.map { Derivation.binding(premises: try premises($0, depth: depth)) }
            return .aggregate(relation: rule.head.name, tuple: tuple, rule: text, location: location, bindings: sink.bindings, samples: samples)
        }
        guard let witness = sink.witnesses.first else { return nil }
        return .rule(relation: rule.head.name, tuple: tuple, rule: text, location: location, premises: try premises(witness, depth: depth))
    }

    private func premises(_ witness: [Witness], depth: Int) throws -> [Derivation] {
        try witness.map { item in
            switch item {
            case .tuple(let relation, let values): return try derive(relation, values, depth: depth + 1)
            case .absent(let relation, let pattern): return .absent(relation: relation, pattern: pattern)
            case .condition(let text): return .condition(text)
            }
        }
    }

    enum Witness {
        case tuple(String, [Value])
        case absent(String, [Value?])
        case condition(String)
    }

    /// Receives body matches of a specialised rule and keeps those that witness the tuple.
    private final class WitnessSink: BindingSink {
        let finder: DerivationFinder
        let plan: RulePlan
        let round: UInt32
        let tuple: [Value]
        let rule: AnalyzedRule
        let known: [String: Constant]
        let arithmetic: Arithmetic
        var witnesses: [[Witness]] = []
        var bindings = 0
        private var seen = Set<[UInt32]>()

        init(finder: DerivationFinder, plan: RulePlan, round: UInt32, tuple: [Value], known: [String: Constant], rule: AnalyzedRule) {
            self.finder = finder
            self.plan = plan
            self.round = round
            self.tuple = tuple
            self.rule = rule
            self.known = known
            arithmetic = Arithmetic(constants: finder.constants, range: rule.range)
        }

        func accept(_ registers: UnsafeMutablePointer<UInt32>, executor: RuleExecutor) throws {
            let context = finder.context
            var witness: [Witness] = []
            // Premises in the order the rule's body is written, not the evaluation order.
            for i in plan.steps.indices.sorted(by: { plan.origins[$0] < plan.origins[$1] }) {
                let step = plan.steps[i]
                switch step {
                case .scan(let name, _, _, _), .lookup(let name, _, _, _, _, _), .exists(let name, _, _):
                    let relation = context.relations[name]!
                    let row = executor.currentRows[i]
                    if let rounds = relation.rounds, rounds[row] >= round { return }
                    witness.append(.tuple(name, relation.tuple(row)))
                case .absent(let name, let columns, let key):
                    let arity = context.relations[name]?.arity ?? columns.count
                    var pattern = [Value?](repeating: nil, count: arity)
                    for (column, operand) in zip(columns, key) { pattern[column] = Value(raw: value(operand, registers)) }
                    witness.append(.absent(name, pattern))
                case .filter(let op, let a, let b):
                    witness.append(.condition("\(try text(a, registers)) \(op.rawValue) \(try text(b, registers))"))
                case .assign(let register, let e):
                    witness.append(.condition("\(plan.registerNames[register]) = \(try text(e, registers)) = \(show(registers[register]))"))
                case .builtin(let builtin, let arguments, let outputs):
                    let shown = zip(arguments, outputs).map { argument, output in
                        show(output.map { registers[$0] } ?? value(argument, registers))
                    }
                    witness.append(.condition("\(builtin.rawValue)(\(shown.joined(separator: ", ")))"))
                }
            }
            if rule.hasAggregates {
                var key = plan.registerNames.indices.map { registers[$0] }
                if key.isEmpty { key = [0] }
                guard seen.insert(key).inserted else { return }
                bindings += 1
                if witnesses.count < DerivationFinder.aggregateSamples { witnesses.append(witness) }
                return
            }
            // The head must give exactly the tuple (it may compute values).
            for (argument, expected) in zip(rule.head.arguments, tuple) {
                guard case .expression(let e) = argument else { continue }
                let compiled = finder.compile(e, plan, known: known)
                guard let got = try arithmetic.evaluate(compiled, registers), got == expected else { return }
            }
            witnesses.append(witness)
            throw Found()
        }

        private func value(_ operand: Operand, _ registers: UnsafeMutablePointer<UInt32>) -> UInt32 {
            operand.isConstant ? operand.constant : registers[Int(operand.register)]
        }

        private func show(_ raw: UInt32) -> String { finder.constants.source(Value(raw: raw)) }

        private func text(_ e: CompiledExpression, _ registers: UnsafeMutablePointer<UInt32>) throws -> String {
            switch e {
            case .operand(let o): return show(value(o, registers))
            case .binary(let op, let a, let b): return "\(try text(a, registers)) \(op.rawValue) \(try text(b, registers))"
            case .negate(let a): return "-\(try text(a, registers))"
            }
        }
    }

    /// A head expression in terms of the plan's registers (head variables are bound by the body).
    fileprivate func compile(_ expression: Expression, _ plan: RulePlan, known: [String: Constant]) -> CompiledExpression {
        switch expression {
        case .term(let t):
            switch t.kind {
            case .variable(let v):
                if let c = known[v] { return .operand(.constant(constants.value(c))) }
                if let r = plan.registerNames.firstIndex(of: v) { return .operand(.register(r)) }
                return .operand(.constant(Value(raw: UInt32.max)))
            case .constant(let c): return .operand(.constant(constants.value(c)))
            default: return .operand(.constant(Value(raw: UInt32.max)))
            }
        case .binary(let op, let a, let b, _): return .binary(op, compile(a, plan, known: known), compile(b, plan, known: known))
        case .negate(let a, _): return .negate(compile(a, plan, known: known))
        }
    }

    private func substitute(_ item: BodyItem, _ known: [String: Constant]) -> BodyItem {
        func term(_ t: Term) -> Term {
            guard let v = t.variable, let c = known[v] else { return t }
            return Term(kind: .constant(c), range: t.range)
        }
        func atom(_ a: Atom) -> Atom {
            var a = a
            a.arguments = a.arguments.map(term)
            return a
        }
        func expression(_ e: Expression) -> Expression {
            switch e {
            case .term(let t): return .term(term(t))
            case .binary(let op, let a, let b, let r): return .binary(op, expression(a), expression(b), r)
            case .negate(let a, let r): return .negate(expression(a), r)
            }
        }
        switch item {
        case .relation(let a): return .relation(atom(a))
        case .negation(let a): return .negation(atom(a))
        case .builtin(let b, let a): return .builtin(b, atom(a))
        case .comparison(let op, let x, let y, let r): return .comparison(op, expression(x), expression(y), r)
        }
    }
}
