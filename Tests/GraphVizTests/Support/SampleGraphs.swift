import GraphViz

/// The small graphs whose DOT is kept in `Golden/`, by file name.
enum SampleGraphs {
    static let all: [(name: String, graph: DotGraph)] = [
        ("plain", plain),
        ("clusters-legend", clustersAndLegend),
        ("japanese-wrap", japaneseWrap),
    ]

    /// ASCII ids and labels, default styles: the baseline layout of a DOT file.
    static let plain = DotGraph(
        name: "plain",
        nodes: [
            DotNode(id: "a", label: "Alpha"),
            DotNode(id: "b", label: "Beta"),
            DotNode(id: "c"),
        ],
        edges: [
            DotEdge(from: "a", to: "b"),
            DotEdge(from: "b", to: "c", label: "next"),
            DotEdge(from: "a", to: "c", label: "skip", style: EdgeStyle(line: .dashed)),
        ])

    static let ward = NodeStyle(shape: .box, fill: "#E8F0FE", border: "#1A73E8", options: [.rounded, .bold], penWidth: 1.5)
    static let policy = NodeStyle(shape: .note, fill: "#FFF4D6", border: "#C08A00")
    static let supports = EdgeStyle(color: "#2E7D32", line: .solid, penWidth: 1.25, arrowhead: .normal)
    static let conflicts = EdgeStyle(color: "firebrick", line: .dashed, penWidth: 2, arrowhead: .tee, fontColor: "firebrick")

    /// Two wards as clusters (one declared with a style, one only by key), a node
    /// outside any cluster, and a legend explaining the styles.
    static let clustersAndLegend = DotGraph(
        name: "wards",
        title: "区の施策 (Ward policies)",
        nodes: [
            DotNode(id: "asahi", label: "旭区", style: ward, cluster: "asahi"),
            DotNode(id: "asahi/bousai", label: "防災", style: policy, cluster: "asahi", tooltip: "旭区 防災計画"),
            DotNode(id: "izumi", label: "泉区", style: ward, cluster: "izumi"),
            DotNode(id: "izumi/kosodate", label: "子育て支援", style: policy, cluster: "izumi"),
            DotNode(id: "city", label: "横浜市", style: NodeStyle(shape: .hexagon)),
        ],
        edges: [
            DotEdge(from: "city", to: "asahi"),
            DotEdge(from: "city", to: "izumi"),
            DotEdge(from: "asahi", to: "asahi/bousai", label: "推進", style: supports),
            DotEdge(from: "izumi", to: "izumi/kosodate", label: "推進", style: supports),
            DotEdge(from: "asahi/bousai", to: "izumi/kosodate", label: "予算を競合", style: conflicts),
        ],
        clusters: [
            "asahi": DotCluster(label: "旭区", style: ClusterStyle(fill: "#F5F9FF", border: "#90B4E8", options: [.rounded])),
        ],
        legend: DotLegend(title: "凡例", entries: [
            .node("区", ward),
            .node("施策", policy),
            .edge("推進する", supports),
            .edge("競合する", conflicts),
        ]))

    /// Japanese labels long enough to wrap, laid out left to right, with a tooltip.
    static let japaneseWrap = DotGraph(
        name: "港北区",
        title: "港北区 地域福祉保健計画（第4期）の重点取組",
        rankDirection: .leftToRight,
        attributes: ["nodesep": "0.4"],
        nodes: [
            DotNode(id: "kohoku", label: "港北区", style: ward),
            DotNode(
                id: "goal-1", label: "誰もが安心して暮らせるよう、地域の見守り・支え合いの仕組みをつくる。",
                style: policy, tooltip: "重点取組1\n地域の見守り"),
            DotNode(
                id: "goal-2", label: "子育て世代が孤立しないように、身近な場所で相談できる体制を整えます",
                style: policy),
        ],
        edges: [
            DotEdge(from: "kohoku", to: "goal-1", label: "重点取組として推進する", style: supports),
            DotEdge(from: "kohoku", to: "goal-2", label: "推進", style: supports),
        ])
}
