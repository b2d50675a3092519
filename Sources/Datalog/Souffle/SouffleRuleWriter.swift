/// Writes the terms and expressions of one Soufflé rule: each WardGraph variable
/// gets a Soufflé name unique in the rule, and a variable used only once in the
/// rule's atoms is written `_` (Soufflé warns about such variables).
struct SouffleRuleWriter {
    private var names: [String: String] = [:]
    private var used = Set<String>()
    private let occurrences: [String: Int]

    /// `variables` lists every use of every variable of the rule (head and body).
    init(variables: [String]) {
        var counts: [String: Int] = [:]
        for v in variables { counts[v, default: 0] += 1 }
        occurrences = counts
    }

    /// The Soufflé name of a WardGraph variable.
    mutating func name(_ variable: String) -> String {
        if let known = names[variable] { return known }
        let chosen = fresh(SouffleSyntax.variable(variable))
        names[variable] = chosen
        return chosen
    }

    /// A variable name of the translation's own, unique in the rule.
    mutating func fresh(_ stem: String) -> String {
        SouffleSyntax.unique(stem, in: &used)
    }

    /// A term as an argument of an atom.
    mutating func atomArgument(_ term: Term) -> String {
        switch term.kind {
        case .variable(let v): return occurrences[v, default: 0] <= 1 ? "_" : name(v)
        default: return self.term(term)
        }
    }

    /// A term where its value is needed (comparisons, heads, functors).
    mutating func term(_ term: Term) -> String {
        switch term.kind {
        case .variable(let v): return name(v)
        case .anonymous: return "_"
        case .constant(.integer(let n)): return String(n)
        case .constant(.string(let s)): return SouffleSyntax.string(s) ?? "\"\""
        case .parameter(let p): return "$" + p  // substituted by the analysis before translation
        }
    }

    mutating func expression(_ e: Expression) -> String {
        switch e {
        case .term(let t): return term(t)
        case .binary(let op, let a, let b, _): return "(\(expression(a)) \(op.rawValue) \(expression(b)))"
        case .negate(let a, _): return "-(\(expression(a)))"
        }
    }

    mutating func atom(_ atom: Atom, relation: String) -> String {
        relation + "(" + atom.arguments.map { atomArgument($0) }.joined(separator: ", ") + ")"
    }

    /// Every use of every variable in a rule: its head arguments and its body.
    static func variableUses(head: [HeadArgument], body: [BodyItem]) -> [String] {
        var uses: [String] = []
        for argument in head {
            switch argument {
            case .expression(let e): uses += e.variables
            case .aggregate(_, let terms, _): uses += terms.compactMap(\.variable)
            }
        }
        for item in body {
            switch item {
            case .relation(let a), .negation(let a), .builtin(_, let a): uses += a.arguments.compactMap(\.variable)
            case .comparison(_, let x, let y, _): uses += x.variables + y.variables
            }
        }
        return uses
    }
}
