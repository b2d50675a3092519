/// A `DotGraph` put in one canonical order, with duplicates resolved: the step that
/// makes the DOT text independent of insertion order.
///
/// Everything is compared by UTF-8 bytes, not with `String`'s `<` and `==`: those
/// treat "é" composed and decomposed as equal, while `dot` sees two different
/// names, and an order between "equal" strings would depend on insertion order.
///
/// - Nodes are keyed by cleaned id. When one id is added twice with different
///   contents, the one whose (cluster, statement) sorts first wins, whatever came
///   last, so the choice does not depend on order either.
/// - Edge endpoints that no node declares get a plain node labelled with the id.
/// - Edges sort by (from, to, label, whole statement); identical edges are written
///   once. In an undirected graph `b -- a` is the same edge as `a -- b`.
///
/// O(n log n) in nodes plus edges.
struct CanonicalGraph {
    struct Node {
        let id: String
        let cluster: String?
        let statement: String
    }

    struct Edge {
        let from: String
        let to: String
        let label: String
        let statement: String
    }

    /// Nodes outside any cluster, by id.
    let unclustered: [Node]
    /// Clusters by key, each with its nodes by id.
    let clusters: [(key: String, nodes: [Node])]
    let edges: [Edge]
    /// Every node id written, to keep the legend's ids apart from them.
    let ids: Set<[UInt8]>

    init(
        _ graph: DotGraph,
        node statement: (DotNode, String) -> String,
        edge edgeStatement: (String, String, DotEdge) -> String
    ) {
        var chosen: [[UInt8]: Node] = [:]
        func offer(_ node: DotNode) {
            let id = DotText.clean(node.id)
            let candidate = Node(id: id, cluster: node.cluster.map(DotText.clean), statement: statement(node, id))
            let key = Array(id.utf8)
            if let existing = chosen[key], !Self.precedes(candidate, existing) { return }
            chosen[key] = candidate
        }
        graph.nodes.forEach(offer)

        var edges: [Edge] = []
        for edge in graph.edges {
            var from = DotText.clean(edge.from)
            var to = DotText.clean(edge.to)
            if !graph.isDirected, Self.less(to, from) { swap(&from, &to) }
            for end in [from, to] where chosen[Array(end.utf8)] == nil {
                offer(DotNode(id: end))
            }
            let label = DotText.clean(edge.label ?? "")
            edges.append(Edge(from: from, to: to, label: label, statement: edgeStatement(from, to, edge)))
        }
        edges.sort { a, b in
            for (x, y) in [(a.from, b.from), (a.to, b.to), (a.label, b.label)] where !x.utf8.elementsEqual(y.utf8) {
                return Self.less(x, y)
            }
            return Self.less(a.statement, b.statement)
        }
        var unique: [Edge] = []
        for edge in edges where unique.last.map({ !$0.statement.utf8.elementsEqual(edge.statement.utf8) }) ?? true {
            unique.append(edge)
        }
        self.edges = unique

        let nodes = chosen.values.sorted { Self.less($0.id, $1.id) }
        unclustered = nodes.filter { $0.cluster == nil }
        var byCluster: [[UInt8]: (key: String, nodes: [Node])] = [:]
        for node in nodes {
            guard let key = node.cluster else { continue }
            byCluster[Array(key.utf8), default: (key, [])].nodes.append(node)
        }
        clusters = byCluster.values.sorted { Self.less($0.key, $1.key) }
        ids = Set(chosen.keys)
    }

    /// Byte-wise order of two strings' UTF-8.
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Which of two nodes with the same id is kept: no cluster first, then by
    /// cluster key, then by statement.
    private static func precedes(_ a: Node, _ b: Node) -> Bool {
        switch (a.cluster, b.cluster) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let x), .some(let y)) where !x.utf8.elementsEqual(y.utf8): return less(x, y)
        default: return less(a.statement, b.statement)
        }
    }
}
