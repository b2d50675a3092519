import Foundation
import TextLayout

/// A relation the environment provides before any program runs: the graph's
/// relations, or a fact file's.
public struct InputSignature: Sendable, Hashable {
    public let name: String
    public let arity: Int
    /// One line for `:schema` and "did you mean".
    public let description: String
    /// The arguments' names, for the schema (empty when unnamed).
    public let arguments: [String]
    /// What each column holds, when the provider knows it beforehand (the graph);
    /// nil when only the data can tell (fact files). Typed engines need it (Soufflé).
    public let columnTypes: [ColumnType]?
    /// The file the tuples are read from, if any (a fact file), so that a
    /// translation can read the same file.
    public let file: String?

    public init(
        name: String, arity: Int, description: String = "", arguments: [String] = [], columnTypes: [ColumnType]? = nil,
        file: String? = nil
    ) {
        precondition(columnTypes.map { $0.count == arity } ?? true, "\(name): \(columnTypes!.count) column types for arity \(arity)")
        self.name = name
        self.arity = arity
        self.description = description
        self.arguments = arguments
        self.columnTypes = columnTypes
        self.file = file
    }
}

/// What the values of a column are: texts, whole numbers, or both (a relation may
/// mix them, as `attr` does with `label` texts and `level` numbers).
public enum ColumnType: String, Sendable, Hashable {
    case text, integer, mixed

    /// The type of a column holding `values`: text when empty.
    public static func of<S: Sequence>(_ values: S) -> ColumnType where S.Element == Value {
        var sawText = false, sawInteger = false
        for value in values {
            if value.isString { sawText = true } else { sawInteger = true }
            if sawText && sawInteger { return .mixed }
        }
        return sawInteger ? .integer : .text
    }
}

/// Checks a parsed program and turns it into an `AnalyzedProgram`: parameters
/// substituted, relations and built-ins resolved with their arities, rules and
/// queries checked for safety, built-in arguments checked for type, and derived
/// relations stratified. Every problem found is reported, not only the first.
///
/// Analysis is linear in the program's size (rules are looked up by head, never by
/// scanning), and it checks `deadline` as it goes: a program of ten thousand rules
/// is analysed in milliseconds, and one that is not stops at the time limit.
struct Analyzer {
    private var diagnostics = DiagnosticCollector()
    private var relations: [String: RelationInfo] = [:]
    private let inputs: [String: InputSignature]
    private let parameters: [String: Constant]
    private let deadline: Deadline
    /// Work since the deadline was last checked.
    private var work = 0

    /// "Did you mean" compares a name with every relation: only for the first errors.
    private static let suggestionLimit = 100

    static func analyze(
        _ program: Program, inputs: [String: InputSignature], parameters: [String: Constant] = [:],
        deadline: Deadline = Deadline(limits: .standard, cancellation: nil)
    ) -> Result<AnalyzedProgram, DiagnosticList> {
        var analyzer = Analyzer(inputs: inputs, parameters: parameters, deadline: deadline)
        do {
            return try analyzer.run(program)
        } catch {
            return .failure(DiagnosticList([Diagnostic(error.message, range: analyzer.reached)], stoppedBy: error))
        }
    }

    /// The statement analysis had reached, for an error that stops it.
    private var reached = SourceRange.none

    private init(inputs: [String: InputSignature], parameters: [String: Constant], deadline: Deadline) {
        self.inputs = inputs
        self.parameters = parameters
        self.deadline = deadline
        for input in inputs.values {
            relations[input.name] = RelationInfo(name: input.name, arity: input.arity, isInput: true, isDerived: false, firstUse: .none)
        }
    }

    private mutating func error(_ message: String, _ range: SourceRange, notes: [String] = []) {
        diagnostics.add(Diagnostic(message, range: range, notes: notes))
    }

    /// Counts a unit of work at `range`, and every so often checks the deadline.
    private mutating func step(at range: SourceRange) throws(EvaluationError) {
        reached = range
        work += 1
        if work & 255 == 0 { try deadline.check() }
    }

    private mutating func run(_ program: Program) throws(EvaluationError) -> Result<AnalyzedProgram, DiagnosticList> {
        var statements: [Statement] = []
        for statement in program.statements { statements.append(substituteParameters(statement)) }
        let rules = statements.compactMap { if case .rule(let r) = $0 { return r } else { return nil } }
        let queries = statements.compactMap { if case .query(let q) = $0 { return q } else { return nil } }

        // Heads first: a relation defined anywhere may be used anywhere.
        for rule in rules {
            try step(at: rule.range)
            declareHead(rule.head)
        }
        var analyzedRules: [AnalyzedRule] = []
        for (id, rule) in rules.enumerated() {
            try step(at: rule.range)
            let body = classify(rule.body)
            checkHead(rule.head, hasBody: !rule.body.isEmpty)
            checkSafety(head: rule.head, body: body, rangeForFact: rule.range)
            analyzedRules.append(AnalyzedRule(id: id, head: rule.head, body: body, range: rule.range))
        }
        var analyzedQueries: [AnalyzedQuery] = []
        for (offset, query) in queries.enumerated() {
            try step(at: query.range)
            let body = classify(query.body)
            checkSafety(head: nil, body: body, rangeForFact: query.range)
            let columns = Analyzer.namedVariables(of: body).filter { !$0.hasPrefix("_") }
            let head = Head(
                name: "?query\(offset)", nameRange: query.range,
                arguments: columns.map { HeadArgument.expression(.term(Term(kind: .variable($0), range: query.range))) },
                range: query.range)
            let rule = AnalyzedRule(id: rules.count + offset, head: head, body: body, range: query.range)
            analyzedQueries.append(AnalyzedQuery(columns: columns, rule: rule, limit: query.limit, range: query.range))
        }
        try deadline.check()
        var stratifier = Stratifier(rules: analyzedRules, derived: Set(analyzedRules.map(\.head.name)))
        let strata = try stratifier.run(deadline: deadline)
        for diagnostic in stratifier.diagnostics { diagnostics.add(diagnostic) }
        guard diagnostics.isEmpty else {
            return .failure(DiagnosticList(
                diagnostics.kept.sorted { ($0.range.file, $0.range.start) < ($1.range.file, $1.range.start) },
                omitted: diagnostics.omitted))
        }
        return .success(AnalyzedProgram(relations: relations, rules: analyzedRules, strata: strata, queries: analyzedQueries))
    }

    // MARK: - Parameters

    private mutating func substituteParameters(_ statement: Statement) -> Statement {
        func term(_ t: Term) -> Term {
            guard case .parameter(let name) = t.kind else { return t }
            guard let value = parameters[name] else {
                let known = parameters.keys.sorted()
                error(
                    "parameter $\(name) has no value; pass it with --param \(name)=VALUE",
                    t.range, notes: known.isEmpty ? [] : ["parameters given: " + known.map { "$" + $0 }.joined(separator: ", ")])
                return Term(kind: .constant(.string("")), range: t.range)
            }
            return Term(kind: .constant(value), range: t.range)
        }
        func expression(_ e: Expression) -> Expression {
            switch e {
            case .term(let t): return .term(term(t))
            case .binary(let op, let a, let b, let r): return .binary(op, expression(a), expression(b), r)
            case .negate(let a, let r): return .negate(expression(a), r)
            }
        }
        func atom(_ a: Atom) -> Atom {
            var a = a
            a.arguments = a.arguments.map(term)
            return a
        }
        func literal(_ l: Literal) -> Literal {
            switch l {
            case .atom(let a): return .atom(atom(a))
            case .negated(let a, let r): return .negated(atom(a), r)
            case .comparison(let op, let x, let y, let r): return .comparison(op, expression(x), expression(y), r)
            }
        }
        switch statement {
        case .rule(var rule):
            rule.head.arguments = rule.head.arguments.map { argument in
                switch argument {
                case .expression(let e): return .expression(expression(e))
                case .aggregate(let kind, let terms, let r): return .aggregate(kind, terms.map(term), r)
                }
            }
            rule.body = rule.body.map(literal)
            return .rule(rule)
        case .query(var query):
            query.body = query.body.map(literal)
            return .query(query)
        case .directive:
            return statement
        }
    }

    // MARK: - Relations and arities

    private mutating func declareHead(_ head: Head) {
        if Builtin(rawValue: head.name) != nil {
            error("'\(head.name)' is a built-in and cannot be defined by rules; choose another name", head.nameRange)
            return
        }
        use(head.name, arity: head.arguments.count, at: head.nameRange, defining: true)
    }

    /// Records a use of a relation, checking its arity against earlier uses.
    private mutating func use(_ name: String, arity: Int, at range: SourceRange, defining: Bool) {
        if let known = relations[name] {
            if known.arity != arity {
                let first = known.isInput
                    ? "the input relation \(name) has \(known.arity)"
                    : "\(name) has \(known.arity) at its first use (line \(known.firstUse.start.line), column \(known.firstUse.start.column))"
                error("\(name) is used with \(arity) argument\(arity == 1 ? "" : "s") here, but \(first)", range)
                return
            }
            if defining && !known.isDerived {
                relations[name] = RelationInfo(
                    name: name, arity: arity, isInput: known.isInput, isDerived: true,
                    firstUse: known.firstUse == .none ? range : known.firstUse)
            } else if known.firstUse == .none {
                relations[name] = RelationInfo(name: name, arity: arity, isInput: known.isInput, isDerived: known.isDerived, firstUse: range)
            }
        } else {
            relations[name] = RelationInfo(name: name, arity: arity, isInput: false, isDerived: defining, firstUse: range)
        }
    }

    /// Sorts a body's literals into relations, negations, comparisons and built-ins.
    private mutating func classify(_ literals: [Literal]) -> [BodyItem] {
        literals.compactMap { literal -> BodyItem? in
            switch literal {
            case .atom(let atom):
                if let builtin = Builtin(rawValue: atom.name) {
                    guard checkBuiltin(builtin, atom) else { return nil }
                    return .builtin(builtin, atom)
                }
                guard resolve(atom) else { return nil }
                return .relation(atom)
            case .negated(let atom, _):
                if Builtin(rawValue: atom.name) != nil {
                    error("a built-in cannot be negated; use the opposite comparison or a helper relation", atom.nameRange)
                    return nil
                }
                guard resolve(atom) else { return nil }
                return .negation(atom)
            case .comparison(let op, let a, let b, let range):
                checkArithmetic(a)
                checkArithmetic(b)
                return .comparison(op, a, b, range)
            }
        }
    }

    /// Checks that a body atom names a known relation with the right arity.
    private mutating func resolve(_ atom: Atom) -> Bool {
        guard relations[atom.name] != nil else {
            var suggestion: String?
            if diagnostics.count < Self.suggestionLimit {
                suggestion = Suggestion.closest(to: atom.name, in: relations.keys.sorted() + Builtin.allCases.map(\.rawValue))
            }
            error(
                "unknown relation '\(atom.name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), atom.nameRange,
                notes: suggestion == nil ? ["no rule defines it and no input provides it; ':schema' in the REPL lists the relations"] : [])
            return false
        }
        use(atom.name, arity: atom.arguments.count, at: atom.nameRange, defining: false)
        return true
    }

    private mutating func checkHead(_ head: Head, hasBody: Bool) {
        for argument in head.arguments {
            switch argument {
            case .expression(let e):
                if case .term(let t) = e, case .anonymous = t.kind {
                    error("'_' cannot appear in a head: every head argument needs a value", t.range)
                }
                checkArithmetic(e)
            case .aggregate(let kind, let terms, let range):
                if !hasBody { error("an aggregate such as \(kind.rawValue)(…) needs a rule body to range over", range) }
                if kind != .count && terms.count != 1 {
                    error("\(kind.rawValue)(…) takes one variable; only count(…) takes several", range)
                }
                for t in terms where t.variable == nil {
                    error("the arguments of \(kind.rawValue)(…) must be variables of the body", t.range)
                }
            }
        }
    }

    // MARK: - Types of built-ins and arithmetic

    /// Checks a built-in's arity and constant argument types; false if it cannot be used.
    private mutating func checkBuiltin(_ builtin: Builtin, _ atom: Atom) -> Bool {
        guard atom.arguments.count == builtin.arity else {
            error("\(builtin.rawValue) takes \(builtin.arity) arguments, \(builtin.signature), not \(atom.arguments.count)", atom.nameRange)
            return false
        }
        for (term, type) in zip(atom.arguments, builtin.argumentTypes) {
            switch (term.kind, type) {
            case (.constant(.integer(let n)), .string):
                error("type error: \(builtin.signature) expects text here, not the number \(n) (write \"\(n)\" for the text)", term.range)
            case (.constant(.string(let s)), .integer):
                error("type error: \(builtin.signature) expects a whole number here, not the text \(Constant.quoted(s))", term.range)
            case (.anonymous, _):
                error("'_' cannot be an argument of a built-in; use a variable", term.range)
            default:
                break
            }
        }
        if builtin == .matches, case .constant(.string(let pattern)) = atom.arguments[1].kind {
            do { _ = try NSRegularExpression(pattern: pattern) } catch {
                self.error("invalid regular expression \(Constant.quoted(pattern)): \(RegexCache.explain(error))", atom.arguments[1].range)
            }
        }
        return true
    }

    private mutating func checkArithmetic(_ expression: Expression) {
        switch expression {
        case .term(let t):
            if case .anonymous = t.kind { error("'_' cannot appear in a comparison or arithmetic; use a variable", t.range) }
        case .binary(let op, let a, let b, _):
            for side in [a, b] {
                if case .term(let t) = side, case .constant(.string(let s)) = t.kind {
                    error("type error: '\(op.rawValue)' works on whole numbers, not the text \(Constant.quoted(s))", t.range)
                }
            }
            checkArithmetic(a)
            checkArithmetic(b)
        case .negate(let a, _):
            if case .term(let t) = a, case .constant(.string(let s)) = t.kind {
                error("type error: '-' works on whole numbers, not the text \(Constant.quoted(s))", t.range)
            }
            checkArithmetic(a)
        }
    }

    // MARK: - Safety

    /// The body's variables that its positive conditions bind, directly or through
    /// `=` and built-ins whose inputs are bound.
    static func boundVariables(_ body: [BodyItem]) -> Set<String> {
        binding(of: body).bound
    }

    /// What a body binds: its positive conditions' variables first, then, until
    /// nothing changes, those of `=` with a bound side and of built-ins whose inputs
    /// are bound; and, for each built-in (by position), the arguments it computes
    /// when it first can.
    static func binding(of body: [BodyItem]) -> (bound: Set<String>, builtinOutputs: [Int: [Int]]) {
        var bound = Set<String>()
        for case .relation(let atom) in body {
            for term in atom.arguments { if let v = term.variable { bound.insert(v) } }
        }
        var outputs: [Int: [Int]] = [:]
        var changed = true
        while changed {
            changed = false
            for (index, item) in body.enumerated() {
                switch item {
                case .comparison(.equal, let a, let b, _):
                    for (target, source) in [(a, b), (b, a)] {
                        if let v = target.plainTerm?.variable, !bound.contains(v), source.variables.allSatisfy(bound.contains) {
                            bound.insert(v)
                            changed = true
                        }
                    }
                case .builtin(let builtin, let atom) where outputs[index] == nil:
                    let pattern = atom.arguments.map { term in term.variable.map(bound.contains) ?? true }
                    guard let computed = builtin.binds(bound: pattern) else { continue }
                    outputs[index] = computed
                    for i in computed { if let v = atom.arguments[i].variable { bound.insert(v) } }
                    changed = true
                default:
                    break
                }
            }
        }
        return (bound, outputs)
    }

    static func namedVariables(of body: [BodyItem]) -> [String] {
        var seen = Set<String>()
        var ordered: [String] = []
        func add(_ v: String?) {
            if let v, seen.insert(v).inserted { ordered.append(v) }
        }
        for item in body {
            switch item {
            case .relation(let a), .negation(let a), .builtin(_, let a): a.arguments.forEach { add($0.variable) }
            case .comparison(_, let x, let y, _): (x.variables + y.variables).forEach(add)
            }
        }
        return ordered
    }

    private mutating func checkSafety(head: Head?, body: [BodyItem], rangeForFact: SourceRange) {
        let bound = Analyzer.boundVariables(body)
        var reported = Set<String>()
        func require(_ term: Term, _ place: String) {
            guard let v = term.variable, !bound.contains(v), reported.insert(v).inserted else { return }
            error("unsafe variable \(v): it appears \(place) but no positive condition of the body binds it", term.range,
                  notes: ["bind \(v) with a condition such as p(\(v), …), or with \(v) = … from bound variables"])
        }
        func require(_ expression: Expression, _ place: String) {
            switch expression {
            case .term(let t): require(t, place)
            case .binary(_, let a, let b, _):
                require(a, place)
                require(b, place)
            case .negate(let a, _): require(a, place)
            }
        }
        for item in body {
            switch item {
            case .negation(let atom):
                atom.arguments.forEach { require($0, "in a negated condition") }
            case .comparison(_, let a, let b, _):
                require(a, "in a comparison")
                require(b, "in a comparison")
            case .builtin(let builtin, let atom):
                let pattern = atom.arguments.map { term in term.variable.map(bound.contains) ?? true }
                if builtin.binds(bound: pattern) == nil {
                    atom.arguments.forEach { require($0, "in \(builtin.signature)") }
                }
            case .relation:
                break
            }
        }
        guard let head else { return }
        for argument in head.arguments {
            switch argument {
            case .expression(let e): require(e, "in the head")
            case .aggregate(let kind, let terms, _): terms.forEach { require($0, "in \(kind.rawValue)(…)") }
            }
        }
    }
}
