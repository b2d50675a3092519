/// The statement for each node, edge and cluster, with attributes in a fixed order.
extension DotWriter {
    /// `"id" [label="…", shape="box", …];` — label wrapped, then the style.
    func nodeStatement(_ node: DotNode, id: String) -> String {
        var attributes = DotAttributes()
        attributes.add("label", quoted: DotText.quotedLabel(node.label, wrappedBy: labelWrapper))
        addStyle(node.style, to: &attributes)
        if let tooltip = node.tooltip {
            attributes.add("tooltip", quoted: DotText.quotedLabel(tooltip))
        }
        return DotText.quoted(id) + attributes.bracketed + ";"
    }

    /// `"from" -> "to" [label="…", color="…", …];` (or `--` in undirected graphs).
    func edgeStatement(from: String, to: String, _ edge: DotEdge, directed: Bool) -> String {
        var attributes = DotAttributes()
        if let label = edge.label {
            attributes.add("label", quoted: DotText.quotedLabel(label, wrappedBy: labelWrapper))
        }
        addStyle(edge.style, to: &attributes)
        return DotText.quoted(from) + (directed ? " -> " : " -- ") + DotText.quoted(to) + attributes.bracketed + ";"
    }

    /// `subgraph "cluster:key" { graph [label=…]; nodes… }`.
    ///
    /// Graphviz draws a subgraph as a box only when its name starts with `cluster`.
    /// The `cluster:` prefix cannot equal the legend's `cluster legend`, whatever the key.
    func clusterLines(key: String, nodes: [CanonicalGraph.Node], declared: [[UInt8]: DotCluster]) -> [String] {
        let cluster = declared[Array(key.utf8)] ?? DotCluster(label: key)
        var attributes = DotAttributes()
        attributes.add("label", quoted: DotText.quotedLabel(cluster.label, wrappedBy: titleWrapper))
        addStyle(cluster.style, to: &attributes)
        return ["  subgraph " + DotText.quoted("cluster:" + key) + " {", "    graph" + attributes.bracketed + ";"]
            + nodes.map { "    " + $0.statement }
            + ["  }"]
    }

    /// Declared clusters by cleaned key. Keys that clean to the same text (differing
    /// only in control characters) resolve to the one whose raw key sorts first.
    static func clustersByKey(_ clusters: [String: DotCluster]) -> [[UInt8]: DotCluster] {
        var result: [[UInt8]: (raw: String, cluster: DotCluster)] = [:]
        for (raw, cluster) in clusters {
            let key = Array(DotText.clean(raw).utf8)
            if let existing = result[key], !CanonicalGraph.less(raw, existing.raw) { continue }
            result[key] = (raw, cluster)
        }
        return result.mapValues(\.cluster)
    }

    /// A fill colour implies `filled`: without it Graphviz would ignore the colour.
    func addStyle(_ style: NodeStyle, to attributes: inout DotAttributes) {
        attributes.add("shape", style.shape?.rawValue)
        attributes.add("style", style.fill == nil ? style.options : style.options.union(.filled))
        attributes.add("fillcolor", style.fill)
        attributes.add("color", style.border)
        attributes.add("fontcolor", style.fontColor)
        attributes.add("penwidth", points: style.penWidth)
    }

    func addStyle(_ style: EdgeStyle, to attributes: inout DotAttributes) {
        attributes.add("color", style.color)
        attributes.add("style", style.line?.rawValue)
        attributes.add("penwidth", points: style.penWidth)
        attributes.add("arrowhead", style.arrowhead?.rawValue)
        attributes.add("fontcolor", style.fontColor)
    }

    /// `diagonals` is left out: Graphviz draws it only on nodes and warns on clusters.
    func addStyle(_ style: ClusterStyle, to attributes: inout DotAttributes) {
        let options = style.options.subtracting(.diagonals)
        attributes.add("style", style.fill == nil ? options : options.union(.filled))
        attributes.add("fillcolor", style.fill)
        attributes.add("color", style.border)
        attributes.add("fontcolor", style.fontColor)
        attributes.add("penwidth", points: style.penWidth)
    }
}
