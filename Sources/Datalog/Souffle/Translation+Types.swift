/// The types pass of a translation: every input column, head, body literal and
/// aggregate constrains `SouffleTypes`; constants that Soufflé cannot hold are
/// reported here too.
extension Translation {
    mutating func inferTypes(_ columnTypes: (String) throws -> [ColumnType]) throws {
        for name in relations where program.relations[name]?.isInput == true {
            let declared = try columnTypes(name)
            for (index, type) in declared.enumerated() { types.declareInput(name, index, arity: declared.count, type) }
        }
        for rule in rules { constrain(rule) }
        for query in program.queries { constrain(query.rule) }
        diagnostics.append(contentsOf: types.diagnostics)
    }

    private mutating func constrain(_ rule: AnalyzedRule) {
        ruleVariables = [:]
        let isQuery = rule.head.name.hasPrefix("?query")
        for item in rule.body {
            switch item {
            case .relation(let atom), .negation(let atom):
                for (index, term) in atom.arguments.enumerated() {
                    let column = types.column(atom.name, index, arity: atom.arguments.count)
                    constrain(term, to: column, what: "column \(index + 1) of \(atom.name)")
                }
            case .comparison(_, let a, let b, let range):
                let x = expression(a), y = expression(b)
                types.unify(x, y, at: range, "the comparison")
            case .builtin(let builtin, let atom):
                for (term, expected) in zip(atom.arguments, builtin.argumentTypes) {
                    let type: SouffleType = expected == .integer ? .number : .symbol
                    let node: Int
                    if let name = term.variable { node = variable(name) } else { node = constant(term) }
                    let what = describe(term)
                    types.require(node, type, because: "\(builtin.signature) at \(Self.position(term.range))", at: term.range, what)
                }
            }
        }
        if !isQuery {
            for (index, argument) in rule.head.arguments.enumerated() {
                let column = types.column(rule.head.name, index, arity: rule.head.arguments.count)
                switch argument {
                case .expression(let e):
                    let node = expression(e)
                    types.unify(column, node, at: e.range, "column \(index + 1) of \(rule.head.name)")
                case .aggregate(let kind, let terms, let range):
                    let what = "column \(index + 1) of \(rule.head.name)"
                    let reason = "\(kind.rawValue)(…) at \(Self.position(range))"
                    switch kind {
                    case .count:
                        types.require(column, .number, because: reason, at: range, what)
                    case .sum:
                        types.require(column, .number, because: reason, at: range, what)
                        for t in terms {
                            let node = variable(t.variable!), what = describe(t)
                            types.require(node, .number, because: reason, at: t.range, what)
                        }
                    case .min, .max:
                        for t in terms {
                            let node = variable(t.variable!)
                            types.unify(column, node, at: t.range, what)
                        }
                    case .collect:
                        error("collect(…) joins texts in order, which Soufflé's aggregates cannot do", range,
                              notes: ["count, sum, min and max translate"])
                    }
                }
            }
        }
        variables[rule.id] = ruleVariables
    }

    /// The node of a variable of the rule being constrained.
    private mutating func variable(_ name: String) -> Int {
        if let n = ruleVariables[name] { return n }
        let n = types.node()
        ruleVariables[name] = n
        return n
    }

    private mutating func constrain(_ term: Term, to column: Int, what: String) {
        switch term.kind {
        case .variable(let name):
            let node = variable(name)
            types.unify(column, node, at: term.range, what)
        case .constant:
            let node = constant(term)
            types.unify(column, node, at: term.range, what)
        case .anonymous, .parameter: break
        }
    }

    /// The type node of an expression: arithmetic is a number, and so are its operands.
    private mutating func expression(_ e: Expression) -> Int {
        switch e {
        case .term(let t):
            if let name = t.variable { return variable(name) }
            return constant(t)
        case .binary(let op, let a, let b, let range):
            for side in [a, b] {
                let node = expression(side)
                types.require(node, .number, because: "'\(op.rawValue)' at \(Self.position(range))", at: side.range, "an operand of '\(op.rawValue)'")
            }
            return types.node(.number, because: "'\(op.rawValue)' at \(Self.position(range))")
        case .negate(let a, let range):
            let node = expression(a)
            types.require(node, .number, because: "'-' at \(Self.position(range))", at: a.range, "the operand of '-'")
            return types.node(.number, because: "'-' at \(Self.position(range))")
        }
    }

    /// A constant's node, reporting a constant Soufflé cannot hold.
    private mutating func constant(_ term: Term) -> Int {
        guard case .constant(let c) = term.kind else { return types.node() }
        switch c {
        case .integer(let n):
            if !SouffleSyntax.numberRange.contains(n) {
                error("the number \(n) does not fit Soufflé's 32-bit number", term.range,
                      notes: ["a Soufflé built with -DSOUFFLE_DOMAIN_64BIT=ON holds 64-bit numbers, but this translation targets the default 32-bit one"])
            }
            return types.node(.number, because: "the number \(n) at \(Self.position(term.range))")
        case .string(let s):
            if SouffleSyntax.string(s) == nil { error("a text with a NUL character", term.range) }
            return types.node(.symbol, because: "the text \(Constant.quoted(s)) at \(Self.position(term.range))")
        }
    }

    private func describe(_ term: Term) -> String {
        switch term.kind {
        case .variable(let name): return name
        case .constant(let c): return c.description
        case .anonymous: return "_"
        case .parameter(let name): return "$" + name
        }
    }

    static func position(_ range: SourceRange) -> String { "\(range.start.line):\(range.start.column)" }
}
