/// Splits derived relations into strata: the strongly connected components of the
/// dependency graph (Tarjan's algorithm), ordered so that every relation is
/// computed after the ones it depends on.
///
/// A dependency through negation or aggregation inside a component is a recursion
/// that cannot be given a meaning; it is reported with the cycle it closes.
struct Stratifier {
    private enum EdgeKind { case positive, negative, aggregate }

    private struct Edge {
        let to: String
        let kind: EdgeKind
        let range: SourceRange
    }

    private let rules: [AnalyzedRule]
    private let derived: Set<String>
    private var edges: [String: [Edge]] = [:]
    /// Positions in `rules` of each head's rules.
    private var rulesByHead: [String: [Int]] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(rules: [AnalyzedRule], derived: Set<String>) {
        self.rules = rules
        self.derived = derived
        for (index, rule) in rules.enumerated() {
            let head = rule.head.name
            rulesByHead[head, default: []].append(index)
            for item in rule.body {
                switch item {
                case .relation(let atom) where derived.contains(atom.name):
                    edges[head, default: []].append(Edge(to: atom.name, kind: rule.hasAggregates ? .aggregate : .positive, range: atom.range))
                case .negation(let atom) where derived.contains(atom.name):
                    edges[head, default: []].append(Edge(to: atom.name, kind: .negative, range: item.range))
                default:
                    break
                }
            }
        }
    }

    mutating func run(deadline: Deadline? = nil) throws(EvaluationError) -> [Stratum] {
        let components = stronglyConnectedComponents()
        var strata: [Stratum] = []
        for (count, component) in components.enumerated() {
            if count & 255 == 255 { try deadline?.check() }
            let members = Set(component)
            var recursive = component.count > 1
            for name in component {
                for edge in edges[name, default: []] where members.contains(edge.to) {
                    if edge.to == name { recursive = true }
                    if edge.kind != .positive { report(edge, from: name, members: members) }
                }
            }
            let ruleIDs = component.flatMap { rulesByHead[$0, default: []] }.sorted().map { rules[$0].id }
            strata.append(Stratum(relations: component.sorted(), rules: ruleIDs, isRecursive: recursive))
        }
        return strata
    }

    private mutating func report(_ edge: Edge, from name: String, members: Set<String>) {
        let how = edge.kind == .negative ? "negatively (through 'not')" : "through an aggregate"
        let cycle = path(from: edge.to, to: name, within: members).map { [name] + $0 } ?? [name, edge.to]
        diagnostics.append(Diagnostic(
            "cannot stratify {\(members.sorted().joined(separator: ", "))}: \(name) depends \(how) on \(edge.to), which depends on \(name) again (\(cycle.joined(separator: " → ")))",
            range: edge.range,
            notes: ["negation and aggregation must not be part of a recursion; compute the negated or aggregated relation first, without it depending back"]))
    }

    /// A shortest path of relation names from `start` to `goal`, inside `members`.
    private func path(from start: String, to goal: String, within members: Set<String>) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start]
        var seen: Set<String> = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == goal {
                var path = [node]
                var current = node
                while let p = previous[current] {
                    path.append(p)
                    current = p
                }
                return path.reversed()
            }
            for edge in edges[node, default: []] where members.contains(edge.to) && seen.insert(edge.to).inserted {
                previous[edge.to] = node
                queue.append(edge.to)
            }
        }
        return nil
    }

    /// Tarjan's algorithm, iterative; components come out dependencies first.
    private func stronglyConnectedComponents() -> [[String]] {
        var index = 0
        var indices: [String: Int] = [:]
        var lowlinks: [String: Int] = [:]
        var onStack = Set<String>()
        var stack: [String] = []
        var components: [[String]] = []
        // Visit relations in the order their first rule appears, for stable output.
        var order: [String] = []
        var listed = Set<String>()
        for rule in rules where listed.insert(rule.head.name).inserted { order.append(rule.head.name) }

        for root in order where indices[root] == nil {
            var work: [(node: String, edge: Int)] = [(root, 0)]
            indices[root] = index
            lowlinks[root] = index
            index += 1
            stack.append(root)
            onStack.insert(root)
            while !work.isEmpty {
                let (node, edgeIndex) = work[work.count - 1]
                let out = edges[node, default: []]
                if edgeIndex < out.count {
                    work[work.count - 1].edge += 1
                    let next = out[edgeIndex].to
                    if indices[next] == nil {
                        indices[next] = index
                        lowlinks[next] = index
                        index += 1
                        stack.append(next)
                        onStack.insert(next)
                        work.append((next, 0))
                    } else if onStack.contains(next) {
                        lowlinks[node] = min(lowlinks[node]!, indices[next]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node {
                    lowlinks[parent] = min(lowlinks[parent]!, lowlinks[node]!)
                }
                if lowlinks[node] == indices[node] {
                    var component: [String] = []
                    while true {
                        let member = stack.removeLast()
                        onStack.remove(member)
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
