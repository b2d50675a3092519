/// Aggregates in Soufflé.
///
/// WardGraph aggregates over the distinct bindings of a rule's body: `count(V…)`
/// counts distinct combinations of V… per group, and `sum`, `min`, `max` range
/// over the distinct bindings of all the body's variables. Soufflé's aggregates
/// range over the tuples of a relation, so each aggregate gets a helper relation
/// holding exactly what WardGraph ranges over, the group's values first:
///
///     partner_wards(P, count(W)) :- ward_partner(W, P).
///
/// becomes
///
///     _agg_partner_wards_3(P, W) :- ward_partner(W, P).
///     partner_wards(G, A) :- _agg_partner_wards_3(G, _), A = count : { _agg_partner_wards_3(G, _) }.
///
/// A set of tuples counts each combination once. With no group, an empty helper
/// gives count 0 and sum 0, and min or max no tuple, as in WardGraph.
extension Translation {
    mutating func aggregateRules(_ rule: AnalyzedRule, declarations: inout [String]) -> String {
        let head = rule.head
        let arity = head.arguments.count
        let bodyVariables = Analyzer.namedVariables(of: rule.body)
        let nodes = variables[rule.id] ?? [:]
        var groups: [(index: Int, expression: Expression)] = []
        var aggregates: [(index: Int, kind: AggregateKind, variables: [String])] = []
        for (index, argument) in head.arguments.enumerated() {
            switch argument {
            case .expression(let e): groups.append((index, e))
            case .aggregate(let kind, let terms, _): aggregates.append((index, kind, terms.compactMap(\.variable)))
            }
        }
        let groupTypes = groups.map { types.type(of: types.column(head.name, $0.index, arity: arity)).rawValue }

        for aggregate in aggregates where aggregate.kind == .min || aggregate.kind == .max {
            if types.type(of: types.column(head.name, aggregate.index, arity: arity)) == .symbol {
                error("\(aggregate.kind.rawValue)(…) of texts: Soufflé's min and max compare numbers only", head.arguments[aggregate.index].range)
            }
        }
        var out = ""
        var helpers: [[String]: String] = [:]
        for aggregate in aggregates {
            let projected = aggregate.kind == .count ? aggregate.variables : bodyVariables
            guard helpers[projected] == nil else { continue }
            let helper = freshRelation("_agg_\(names[head.name]!)_\(rule.id)")
            helpers[projected] = helper
            var columnTypes = groupTypes
            for v in projected { columnTypes.append(nodes[v].map { types.type(of: $0) }?.rawValue ?? "symbol") }
            declarations.append(".decl \(helper)(" + columnTypes.enumerated().map { "c\($0.offset + 1): \($0.element)" }.joined(separator: ", ") + ")")
            let uses = groups.flatMap(\.expression.variables) + projected
            var w = SouffleRuleWriter(variables: uses + SouffleRuleWriter.variableUses(head: [], body: rule.body))
            let helperHead = groups.map { w.expression($0.expression) } + projected.map { w.name($0) }
            out += clause(helper, helperHead, rule.body, &w)
        }

        var w = SouffleRuleWriter(variables: [])
        let groupNames = groups.map { _ in w.fresh("G") }
        var conditions: [String] = []
        if let first = aggregates.first, !groups.isEmpty {
            let helper = helpers[first.kind == .count ? first.variables : bodyVariables]!
            let width = first.kind == .count ? first.variables.count : bodyVariables.count
            conditions.append("\(helper)(" + (groupNames + Array(repeating: "_", count: width)).joined(separator: ", ") + ")")
        }
        var headTexts = Array(repeating: "", count: arity)
        for (offset, group) in groups.enumerated() { headTexts[group.index] = groupNames[offset] }
        for aggregate in aggregates {
            let projected = aggregate.kind == .count ? aggregate.variables : bodyVariables
            let helper = helpers[projected]!
            let result = w.fresh("A")
            headTexts[aggregate.index] = result
            if aggregate.kind == .count {
                let atom = helper + "(" + (groupNames + projected.map { _ in "_" }).joined(separator: ", ") + ")"
                conditions.append("\(result) = count : { \(atom) }")
            } else {
                let target = aggregate.variables[0]
                let x = w.fresh("X")
                let atom = helper + "(" + (groupNames + projected.map { $0 == target ? x : "_" }).joined(separator: ", ") + ")"
                conditions.append("\(result) = \(aggregate.kind.rawValue) \(x) : { \(atom) }")
            }
        }
        out += names[head.name]! + "(" + headTexts.joined(separator: ", ") + ") :-\n    " + conditions.joined(separator: ",\n    ") + ".\n"
        return out
    }
}
