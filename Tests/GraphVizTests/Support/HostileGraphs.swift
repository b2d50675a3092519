import GraphViz

/// Graphs built from `HostileText`, for the writer and rendering tests.
enum HostileGraphs {
    /// One graph for one hostile text, used everywhere text can go.
    static func single(_ text: String) -> DotGraph {
        var graph = DotGraph(name: text, title: text)
        graph.add(DotNode(id: text, label: text, cluster: text, tooltip: text))
        graph.add(DotNode(id: "plain", label: "旭区"))
        graph.add(DotEdge(from: "plain", to: text, label: text))
        graph.clusters[text] = DotCluster(label: text)
        graph.legend = DotLegend(title: text, entries: [.node(text, NodeStyle()), .edge(text, EdgeStyle())])
        return graph
    }

    /// Every hostile text as a node (id and label), chained by edges labelled with them.
    static var combined: DotGraph {
        var graph = DotGraph(name: "hostile", title: "悪意のある入力 <b>\"}")
        let texts = HostileText.all
        for (index, text) in texts.enumerated() {
            graph.add(DotNode(id: text, label: text, style: SampleGraphs.policy, cluster: index % 3 == 0 ? text : nil, tooltip: text))
            graph.clusters[text] = DotCluster(label: text)
        }
        for (from, to) in zip(texts, texts.dropFirst()) {
            graph.add(DotEdge(from: from, to: to, label: to))
        }
        graph.legend = DotLegend(title: "凡例 </table>", entries: texts.prefix(6).map { .node($0, NodeStyle()) } + [.edge("->", EdgeStyle())])
        return graph
    }
}
