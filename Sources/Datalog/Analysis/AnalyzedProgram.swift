/// A program that passed analysis: every name resolved, every rule safe, the
/// derived relations split into strata. The evaluator takes only this.

/// One condition of a rule body, classified.
enum BodyItem: Hashable, Sendable {
    /// A positive condition on a relation.
    case relation(Atom)
    /// `not p(…)`.
    case negation(Atom)
    /// `A op B`.
    case comparison(ComparisonOperator, Expression, Expression, SourceRange)
    /// A built-in predicate.
    case builtin(Builtin, Atom)

    var range: SourceRange {
        switch self {
        case .relation(let a), .negation(let a), .builtin(_, let a): return a.range
        case .comparison(_, _, _, let r): return r
        }
    }
}

/// A rule after analysis. Queries become rules too, with a head of the query's
/// named variables.
struct AnalyzedRule: Sendable {
    /// Position among the program's rules (for `explain` and stable ordering).
    let id: Int
    let head: Head
    let body: [BodyItem]
    let range: SourceRange
    var hasAggregates: Bool { head.hasAggregates }

    /// The relations of positive conditions.
    var positiveRelations: [String] {
        body.compactMap { if case .relation(let a) = $0 { return a.name } else { return nil } }
    }

    /// The relations of negated conditions.
    var negatedRelations: [String] {
        body.compactMap { if case .negation(let a) = $0 { return a.name } else { return nil } }
    }
}

/// What is known of a relation.
public struct RelationInfo: Sendable {
    public let name: String
    public let arity: Int
    /// Provided by the environment (the graph, fact files).
    public let isInput: Bool
    /// Defined (or extended) by the program's rules and facts.
    public var isDerived: Bool
    /// Where it first appears (or `.none` for an input not used).
    public let firstUse: SourceRange
}

/// A set of derived relations evaluated together: one strongly connected component
/// of the dependency graph, after all the strata it depends on.
struct Stratum: Sendable {
    let relations: [String]
    /// The rules whose heads are in this stratum.
    let rules: [Int]
    /// Whether a rule of the stratum uses one of its own relations (needs iteration).
    let isRecursive: Bool
}

/// A query after analysis: its body as a rule whose head lists the output columns.
public struct AnalyzedQuery: Sendable {
    /// The named variables reported, in order of first appearance.
    public let columns: [String]
    let rule: AnalyzedRule
    public let limit: Int?
    public let range: SourceRange
}

public struct AnalyzedProgram: Sendable {
    public let relations: [String: RelationInfo]
    let rules: [AnalyzedRule]
    let strata: [Stratum]
    public let queries: [AnalyzedQuery]
    /// Positions in `rules` of the rules of each head, and of each rule id: so that
    /// looking rules up costs the same in a program of ten rules or ten thousand.
    private let rulesByHead: [String: [Int]]
    private let rulesByID: [Int: Int]

    init(relations: [String: RelationInfo], rules: [AnalyzedRule], strata: [Stratum], queries: [AnalyzedQuery]) {
        self.relations = relations
        self.rules = rules
        self.strata = strata
        self.queries = queries
        var byHead: [String: [Int]] = [:]
        var byID: [Int: Int] = [:]
        for (index, rule) in rules.enumerated() {
            byHead[rule.head.name, default: []].append(index)
            if byID[rule.id] == nil { byID[rule.id] = index }
        }
        rulesByHead = byHead
        rulesByID = byID
    }

    /// The rules defining each derived relation.
    func rules(for relation: String) -> [AnalyzedRule] {
        (rulesByHead[relation] ?? []).map { rules[$0] }
    }

    /// The rule with id `id`.
    func rule(id: Int) -> AnalyzedRule? {
        rulesByID[id].map { rules[$0] }
    }

    /// The input relations a query reads, directly or through the rules it needs:
    /// what its answer depends on (e.g. which documents of the graph were read).
    public func inputs(readBy query: AnalyzedQuery) -> Set<String> {
        // `dependencies` gathers every relation the rules read, inputs included.
        dependencies(of: query.rule.positiveRelations + query.rule.negatedRelations).filter { relations[$0]?.isInput == true }
    }

    /// The derived relations that `roots` need, directly or through others.
    func dependencies(of roots: [String]) -> Set<String> {
        var needed = Set<String>()
        var stack = roots
        while let name = stack.popLast() {
            guard needed.insert(name).inserted else { continue }
            for rule in rules(for: name) {
                stack.append(contentsOf: rule.positiveRelations)
                stack.append(contentsOf: rule.negatedRelations)
            }
        }
        return needed
    }
}
