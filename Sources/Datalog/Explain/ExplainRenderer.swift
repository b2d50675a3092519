/// Writes the plan of an evaluation for people: strata in order, each rule with its
/// join order, the index each step uses, and how many bindings passed each step.
///
///     stratum 1: ward_partner (1 rule, 1 iteration)
///       rule ward_partner(W, P) :- …            prelude.dl:12
///         1. scan has_measure [all] → Wid, M                     412 rows
///         2. lookup partners_with on (0) [all] → Pid             188 rows
///         …
///         matches 188, new tuples 61
struct ExplainRenderer {
    let constants: ConstantTable
    let sources: SourceFiles

    func render(trace: [Evaluator.StratumTrace], query: (plan: RulePlan, statistics: RuleStatistics)) -> String {
        var lines: [String] = []
        for (number, stratum) in trace.enumerated() {
            let kind = stratum.stratum.isRecursive ? "recursive, \(stratum.iterations) iteration\(stratum.iterations == 1 ? "" : "s")" : "not recursive"
            lines.append("stratum \(number + 1): \(stratum.stratum.relations.joined(separator: ", ")) (\(kind))")
            for (plan, statistics) in stratum.plans {
                lines.append(contentsOf: describe(plan, statistics, indent: "  "))
            }
        }
        lines.append("query:")
        lines.append(contentsOf: describe(query.plan, query.statistics, indent: "  "))
        return lines.joined(separator: "\n")
    }

    private func describe(_ plan: RulePlan, _ statistics: RuleStatistics, indent: String) -> [String] {
        let place = "\(sources.name(of: plan.rule.range)):\(plan.rule.range.start.line)"
        var header = "\(indent)rule \(Self.ruleText(plan.rule))"
        if let delta = plan.deltaRelation { header += "   [delta: \(delta)]" }
        var lines = [header + "   (\(place))"]
        for (i, step) in plan.steps.enumerated() {
            let rows = i < statistics.stepCount ? statistics.stepRows[i] : 0
            lines.append("\(indent)  \(i + 1). \(describe(step, plan))   → \(rows) row\(rows == 1 ? "" : "s")")
        }
        lines.append("\(indent)  matches \(statistics.matches), new tuples \(statistics.derived), runs \(statistics.executions)")
        return lines
    }

    private func operand(_ operand: Operand, _ plan: RulePlan) -> String {
        operand.isConstant ? constants.source(Value(raw: operand.constant)) : plan.registerNames[Int(operand.register)]
    }

    private func expression(_ e: CompiledExpression, _ plan: RulePlan) -> String {
        switch e {
        case .operand(let o): return operand(o, plan)
        case .binary(let op, let a, let b): return "(\(expression(a, plan)) \(op.rawValue) \(expression(b, plan)))"
        case .negate(let a): return "-\(expression(a, plan))"
        }
    }

    private func bindings(_ binds: [ColumnBinding], _ plan: RulePlan) -> String {
        binds.isEmpty ? "" : " → " + binds.map { plan.registerNames[$0.register] }.joined(separator: ", ")
    }

    private func describe(_ step: PlanStep, _ plan: RulePlan) -> String {
        switch step {
        case .scan(let relation, let range, let binds, let checks):
            return "scan \(relation) [\(range.rawValue)]\(bindings(binds, plan))" + (checks.isEmpty ? "" : " (with repeated variables checked)")
        case .lookup(let relation, let columns, let key, let range, let binds, _):
            let keyText = zip(columns, key).map { "#\($0.0 + 1)=\(operand($0.1, plan))" }.joined(separator: ", ")
            return "lookup \(relation) by index on (\(keyText)) [\(range.rawValue)]\(bindings(binds, plan))"
        case .exists(let relation, let tuple, let range):
            return "check \(relation)(\(tuple.map { operand($0, plan) }.joined(separator: ", "))) [\(range.rawValue)]"
        case .absent(let relation, let columns, let key):
            let keyText = zip(columns, key).map { "#\($0.0 + 1)=\(operand($0.1, plan))" }.joined(separator: ", ")
            return "not \(relation) (\(keyText.isEmpty ? "any row" : keyText))"
        case .filter(let op, let a, let b):
            return "filter \(expression(a, plan)) \(op.rawValue) \(expression(b, plan))"
        case .assign(let register, let e):
            return "let \(plan.registerNames[register]) = \(expression(e, plan))"
        case .builtin(let builtin, let arguments, let outputs):
            let shown = zip(arguments, outputs).map { argument, output in
                output.map { plan.registerNames[$0] + "?" } ?? operand(argument, plan)
            }
            return "\(builtin.rawValue)(\(shown.joined(separator: ", ")))"
        }
    }

    /// A rule as source text, from its syntax tree.
    static func ruleText(_ rule: AnalyzedRule) -> String {
        let head = rule.head.name.hasPrefix("?query") ? "?-" : headText(rule.head) + (rule.body.isEmpty ? "." : " :-")
        let body = rule.body.map(itemText).joined(separator: ", ")
        return body.isEmpty ? head : "\(head) \(body)."
    }

    static func headText(_ head: Head) -> String {
        guard !head.arguments.isEmpty else { return head.name }
        let arguments = head.arguments.map { argument -> String in
            switch argument {
            case .expression(let e): return expressionText(e)
            case .aggregate(let kind, let terms, _): return "\(kind.rawValue)(\(terms.map(termText).joined(separator: ", ")))"
            }
        }
        return "\(head.name)(\(arguments.joined(separator: ", ")))"
    }

    static func termText(_ term: Term) -> String {
        switch term.kind {
        case .variable(let v): return v
        case .anonymous: return "_"
        case .constant(let c): return c.description
        case .parameter(let p): return "$" + p
        }
    }

    static func expressionText(_ e: Expression) -> String {
        switch e {
        case .term(let t): return termText(t)
        case .binary(let op, let a, let b, _): return "\(expressionText(a)) \(op.rawValue) \(expressionText(b))"
        case .negate(let a, _): return "-\(expressionText(a))"
        }
    }

    static func atomText(_ atom: Atom) -> String {
        atom.arguments.isEmpty ? atom.name : "\(atom.name)(\(atom.arguments.map(termText).joined(separator: ", ")))"
    }

    static func itemText(_ item: BodyItem) -> String {
        switch item {
        case .relation(let a), .builtin(_, let a): return atomText(a)
        case .negation(let a): return "not " + atomText(a)
        case .comparison(let op, let a, let b, _): return "\(expressionText(a)) \(op.rawValue) \(expressionText(b))"
        }
    }
}
