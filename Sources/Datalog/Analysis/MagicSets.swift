/// Restricts evaluation to what a query's constants demand, by the magic-set
/// rewriting (generalised magic sets, left-to-right sideways information passing).
///
/// For `?- path(1, Y).` over `path(X, Z) :- path(X, Y), edge(Y, Z).`, the rewritten
/// program computes `path@bf`, the paths *from 1* only:
///
///     magic@path@bf(1).
///     path@bf(X, Y) :- magic@path@bf(X), edge(X, Y).
///     path@bf(X, Z) :- magic@path@bf(X), path@bf(X, Y), edge(Y, Z).
///     magic@path@bf(X) :- magic@path@bf(X).
///     ?- path@bf(1, Y).
///
/// An adornment (`bf`) says which arguments are bound (b) or free (f). For each rule
/// of an adorned relation, a "magic" relation collects the bound values the rule can
/// be asked about, passed along the body from left to right; every rule only runs
/// for those. Magic relations may over-approximate (a literal that cannot be used
/// is left out of a magic rule), which costs work but never answers.
///
/// Only relations where it is safe are rewritten: derived relations that are not
/// also inputs, whose rules have no aggregates and whose heads are plain variables
/// and constants. Everything else (negated relations included) is computed in full,
/// as before, in its own stratum.
enum MagicSets {
    /// The rewritten program and query, or nil if the query has nothing to restrict.
    /// The new relations' names carry the query's id (`path@bf#12`), so that queries
    /// with other constants in the same run never share them.
    /// Checks `deadline` as it goes: the rewriting is part of the run's time.
    static func rewrite(
        _ program: AnalyzedProgram, _ query: AnalyzedQuery, deadline: Deadline? = nil
    ) throws(EvaluationError) -> (AnalyzedProgram, AnalyzedQuery)? {
        var rewriter = Rewriter(program: program, tag: "#\(query.rule.id)", firstID: query.rule.id)
        return try rewriter.run(query, deadline: deadline)
    }

    private struct Rewriter {
        let program: AnalyzedProgram
        let tag: String
        var newRules: [AnalyzedRule] = []
        var done = Set<String>()
        var worklist: [(String, [Bool])] = []
        var arities: [String: Int] = [:]
        var nextID: Int

        /// New rules get ids of their own, distinct per query, above every rule of the program.
        init(program: AnalyzedProgram, tag: String, firstID: Int) {
            self.program = program
            self.tag = tag
            nextID = (program.rules.map(\.id).max() ?? 0) + 1_000_000 * (firstID + 1)
        }

        /// Whether `name` may be rewritten for an adornment.
        func adornable(_ name: String) -> Bool {
            guard let info = program.relations[name], info.isDerived, !info.isInput else { return false }
            return program.rules(for: name).allSatisfy { rule in
                !rule.hasAggregates && rule.head.arguments.allSatisfy { argument in
                    guard case .expression(.term(let term)) = argument else { return false }
                    if case .anonymous = term.kind { return false }
                    return true
                }
            }
        }

        static func suffix(_ adornment: [Bool]) -> String {
            String(adornment.map { $0 ? "b" : "f" })
        }

        func adorned(_ name: String, _ adornment: [Bool]) -> String { "\(name)@\(Self.suffix(adornment))\(tag)" }
        func magic(_ name: String, _ adornment: [Bool]) -> String { "magic@\(name)@\(Self.suffix(adornment))\(tag)" }

        mutating func makeID() -> Int {
            nextID += 1
            return nextID
        }

        /// Queues an adorned relation; returns its name.
        mutating func request(_ name: String, _ adornment: [Bool]) -> String {
            let key = adorned(name, adornment)
            if !done.contains(key) {
                done.insert(key)
                worklist.append((name, adornment))
                arities[key] = adornment.count
                arities[magic(name, adornment)] = adornment.filter { $0 }.count
            }
            return key
        }

        /// The adornment of an atom given the bound variables: constants and bound variables are b.
        static func adornment(_ atom: Atom, bound: Set<String>) -> [Bool] {
            atom.arguments.map { term in
                switch term.kind {
                case .constant: return true
                case .variable(let v): return bound.contains(v)
                case .anonymous, .parameter: return false
                }
            }
        }

        static func boundArguments(_ terms: [Term], _ adornment: [Bool]) -> [Term] {
            zip(terms, adornment).filter { $0.1 }.map { $0.0 }
        }

        mutating func run(_ query: AnalyzedQuery, deadline: Deadline?) throws(EvaluationError) -> (AnalyzedProgram, AnalyzedQuery)? {
            // The query's own atoms: rewrite those with constants.
            var queryBody: [BodyItem] = []
            var seeds: [AnalyzedRule] = []
            var bound = Set<String>()
            for item in query.rule.body {
                guard case .relation(let atom) = item, adornable(atom.name) else {
                    queryBody.append(item)
                    if case .relation(let atom) = item { bound.formUnion(atom.arguments.compactMap(\.variable)) }
                    continue
                }
                // Only constants seed the magic relation (a query has no magic of its own).
                let adornment = atom.arguments.map { term -> Bool in
                    if case .constant = term.kind { return true }
                    return false
                }
                bound.formUnion(atom.arguments.compactMap(\.variable))
                guard adornment.contains(true) else {
                    queryBody.append(item)
                    continue
                }
                var rewritten = atom
                rewritten.name = request(atom.name, adornment)
                queryBody.append(.relation(rewritten))
                let seedHead = Head(
                    name: magic(atom.name, adornment), nameRange: atom.nameRange,
                    arguments: Self.boundArguments(atom.arguments, adornment).map { HeadArgument.expression(.term($0)) },
                    range: atom.range)
                seeds.append(AnalyzedRule(id: makeID(), head: seedHead, body: [], range: query.range))
            }
            guard !seeds.isEmpty else { return nil }
            newRules.append(contentsOf: seeds)
            var processed = 0
            while let (name, adornment) = worklist.popLast() {
                processed += 1
                if processed & 255 == 0 { try deadline?.check() }
                for rule in program.rules(for: name) { rewriteRule(rule, adornment) }
            }

            var relations = program.relations
            for (name, arity) in arities {
                relations[name] = RelationInfo(name: name, arity: arity, isInput: false, isDerived: true, firstUse: query.range)
            }
            let rules = program.rules + newRules
            var stratifier = Stratifier(rules: rules, derived: Set(rules.map(\.head.name)))
            let strata = try stratifier.run(deadline: deadline)
            // The rewriting keeps the program stratified; if it somehow did not, do without it.
            guard stratifier.diagnostics.isEmpty else { return nil }
            let newQuery = AnalyzedQuery(
                columns: query.columns,
                rule: AnalyzedRule(id: query.rule.id, head: query.rule.head, body: queryBody, range: query.rule.range),
                limit: query.limit, range: query.range)
            let rewritten = AnalyzedProgram(relations: relations, rules: rules, strata: strata, queries: program.queries)
            return (rewritten, newQuery)
        }

        /// The adorned version of one rule, and a magic rule for each adorned body atom.
        mutating func rewriteRule(_ rule: AnalyzedRule, _ adornment: [Bool]) {
            let headTerms: [Term] = rule.head.arguments.map { argument in
                if case .expression(.term(let term)) = argument { return term }
                preconditionFailure("only plain heads are adornable")
            }
            let magicHead = Atom(
                name: magic(rule.head.name, adornment), nameRange: rule.head.nameRange,
                arguments: Self.boundArguments(headTerms, adornment), range: rule.head.range)
            var bound = Set(Self.boundArguments(headTerms, adornment).compactMap(\.variable))
            var body: [BodyItem] = [.relation(magicHead)]
            // Positive atoms seen so far (rewritten), for passing bindings to magic rules.
            var passing: [BodyItem] = [.relation(magicHead)]
            for item in rule.body {
                switch item {
                case .relation(let atom) where adornable(atom.name):
                    let bodyAdornment = Self.adornment(atom, bound: bound)
                    if bodyAdornment.contains(true) {
                        var rewritten = atom
                        rewritten.name = request(atom.name, bodyAdornment)
                        let magic = Head(
                            name: magic(atom.name, bodyAdornment), nameRange: atom.nameRange,
                            arguments: Self.boundArguments(atom.arguments, bodyAdornment).map { HeadArgument.expression(.term($0)) },
                            range: atom.range)
                        newRules.append(AnalyzedRule(id: makeID(), head: magic, body: passing, range: rule.range))
                        body.append(.relation(rewritten))
                        passing.append(.relation(rewritten))
                    } else {
                        body.append(item)
                        passing.append(item)
                    }
                    bound.formUnion(atom.arguments.compactMap(\.variable))
                case .relation(let atom):
                    body.append(item)
                    passing.append(item)
                    bound.formUnion(atom.arguments.compactMap(\.variable))
                default:
                    body.append(item)
                    // A filter may restrict the magic values too, once its variables are bound.
                    let variables = Analyzer.namedVariables(of: [item])
                    if variables.allSatisfy(bound.contains) { passing.append(item) }
                }
            }
            let head = Head(
                name: adorned(rule.head.name, adornment), nameRange: rule.head.nameRange,
                arguments: rule.head.arguments, range: rule.head.range)
            newRules.append(AnalyzedRule(id: makeID(), head: head, body: body, range: rule.range))
        }
    }
}
