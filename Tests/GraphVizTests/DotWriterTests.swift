import Testing
import TestSupport
@testable import GraphViz

@Suite struct DotWriterTests {
    static func shuffled(_ graph: DotGraph, seed: UInt64) -> DotGraph {
        var generator = SplitMix64(seed: seed)
        var copy = graph
        copy.nodes.shuffle(using: &generator)
        copy.edges.shuffle(using: &generator)
        // Rebuild the dictionaries in another insertion order too.
        copy.clusters = Dictionary(uniqueKeysWithValues: graph.clusters.shuffled(using: &generator).map { ($0.key, $0.value) })
        copy.attributes = Dictionary(uniqueKeysWithValues: graph.attributes.shuffled(using: &generator).map { ($0.key, $0.value) })
        return copy
    }

    static let graphs: [(String, DotGraph)] = SampleGraphs.all.map { ($0.name, $0.graph) } + [("hostile", HostileGraphs.combined)]

    @Test(arguments: graphs.map(\.0))
    func shuffledInputGivesIdenticalBytes(name: String) throws {
        let graph = try #require(Self.graphs.first { $0.0 == name }).1
        let reference = Array(DotWriter().write(graph).utf8)
        for seed in UInt64(1)...25 {
            let bytes = Array(DotWriter().write(Self.shuffled(graph, seed: seed)).utf8)
            #expect(bytes == reference, "seed \(seed) changed the output")
        }
    }

    @Test func duplicateNodesResolveTheSameWayInEitherOrder() {
        let first = DotNode(id: "x", label: "one")
        let second = DotNode(id: "x", label: "two", style: NodeStyle(shape: .box))
        let a = DotWriter().write(DotGraph(nodes: [first, second]))
        let b = DotWriter().write(DotGraph(nodes: [second, first]))
        #expect(Array(a.utf8) == Array(b.utf8))
        #expect(a.components(separatedBy: "\"x\" [").count == 2, "one statement for x")
    }

    @Test func identicalEdgesAreWrittenOnceAndDifferentStylesKept() throws {
        let edge = DotEdge(from: "a", to: "b", label: "l")
        var dashed = edge
        dashed.style.line = .dashed
        let dot = DotWriter().write(DotGraph(edges: [edge, edge, dashed, edge]))
        let parsed = try DotSyntax(parsing: dot)
        #expect(parsed.edges.count == 2)
    }

    @Test func undirectedEdgesAreTheSameEitherWayRound() throws {
        let graph = DotGraph(isDirected: false, edges: [DotEdge(from: "b", to: "a"), DotEdge(from: "a", to: "b")])
        let dot = DotWriter().write(graph)
        let parsed = try DotSyntax(parsing: dot)
        #expect(!parsed.isDirected)
        #expect(parsed.edges.map { "\($0.from)-\($0.to)" } == ["a-b"])
    }

    @Test func composedAndDecomposedIdsStayDistinctAndOrdered() throws {
        let composed = DotNode(id: "\u{E9}", label: "composed")
        let decomposed = DotNode(id: "e\u{301}", label: "decomposed")
        let a = DotWriter().write(DotGraph(nodes: [composed, decomposed]))
        let b = DotWriter().write(DotGraph(nodes: [decomposed, composed]))
        #expect(Array(a.utf8) == Array(b.utf8))
        #expect(try DotSyntax(parsing: a).nodes.count == 2)
    }

    @Test func undeclaredEdgeEndpointsBecomePlainNodes() throws {
        let dot = DotWriter().write(DotGraph(nodes: [DotNode(id: "a", label: "旭区")], edges: [DotEdge(from: "a", to: "missing")]))
        let nodes = try DotSyntax(parsing: dot).nodes
        #expect(nodes.map(\.id) == ["a", "missing"])
        #expect(nodes.last?.attributes["label"] == "missing")
    }

    @Test func legendIdsNeverCollideWithGraphIds() throws {
        var graph = DotGraph(nodes: [DotNode(id: "legend:0"), DotNode(id: "legend::1a")])
        graph.legend = DotLegend(entries: [.node("n", NodeStyle()), .edge("e", EdgeStyle())])
        let parsed = try DotSyntax(parsing: DotWriter().write(graph))
        let legendIDs = Set(parsed.nodes.filter { $0.subgraphs.first == "cluster legend" }.map(\.id))
        #expect(legendIDs == ["legend:::0", "legend:::1a", "legend:::1b"])
        #expect(parsed.nodes.filter { $0.subgraphs.isEmpty }.map(\.id) == ["legend:0", "legend::1a"])
    }

    @Test func legendIsAMarkedClusterAndCanBeTurnedOff() throws {
        let graph = SampleGraphs.clustersAndLegend
        let dot = DotWriter().write(graph)
        #expect(dot.contains("// Legend:"))
        let parsed = try DotSyntax(parsing: dot)
        let frame = parsed.statements.first { $0.subgraphs == ["cluster legend"] && $0.kind == .attributes("graph") }
        #expect(frame?.attributes["label"] == "凡例")
        #expect(frame?.attributes["style"] == "dashed,rounded")

        let without = DotWriter(options: .init(drawsLegend: false)).write(graph)
        #expect(!without.contains("cluster legend"))
        #expect(!without.contains("凡例"))
    }

    @Test func clustersWithoutDeclarationAreLabelledWithTheirKey() throws {
        let graph = DotGraph(nodes: [DotNode(id: "n", cluster: "港北区")])
        let parsed = try DotSyntax(parsing: DotWriter().write(graph))
        let frame = parsed.statements.first { $0.subgraphs == ["cluster:港北区"] && $0.kind == .attributes("graph") }
        #expect(frame?.attributes["label"] == "港北区")
        #expect(parsed.nodes.first?.subgraphs == ["cluster:港北区"])
    }

    @Test func reservedGraphAttributesCannotBeOverriddenAndOthersAreSorted() throws {
        let graph = DotGraph(attributes: ["charset": "latin1", "splines": "ortho", "fontname": "Arial", "nodesep": "0.5"])
        let dot = DotWriter().write(graph)
        #expect(dot.contains(#"graph [charset="UTF-8", fontname="Noto Sans CJK JP", rankdir="TB", "nodesep"="0.5", "splines"="ortho"];"#))
    }

    @Test func writerRankDirectionOverridesTheGraphs() {
        let graph = DotGraph(rankDirection: .leftToRight)
        #expect(DotWriter().write(graph).contains(#"rankdir="LR""#))
        #expect(DotWriter(options: .init(rankDirection: .bottomToTop)).write(graph).contains(#"rankdir="BT""#))
        #expect(DotWriter().write(DotGraph()).contains(#"rankdir="TB""#))
    }

    @Test func fontNameIsSetOnGraphNodesAndEdges() throws {
        let dot = DotWriter(options: .init(fontName: "IPAexGothic")).write(DotGraph())
        let parsed = try DotSyntax(parsing: dot)
        for kind in ["graph", "node", "edge"] {
            #expect(parsed.statements.first { $0.kind == .attributes(kind) }?.attributes["fontname"] == "IPAexGothic")
        }
        #expect(DotWriter(options: .init(fontName: "  ")).write(DotGraph()).contains(#"fontname="Noto Sans CJK JP""#))
    }

    @Test func fillColourImpliesFilledStyle() {
        let dot = DotWriter().write(DotGraph(nodes: [DotNode(id: "n", style: NodeStyle(fill: "#FFEEDD", options: [.rounded]))]))
        #expect(dot.contains(##""n" [label="n", style="filled,rounded", fillcolor="#FFEEDD"];"##))
    }

    @Test(arguments: [(1.0, "1"), (1.5, "1.5"), (0.25, "0.25"), (2.005, "2.01"), (0.04, "0.04"), (-3, "0"), (1e9, "100")])
    func penWidthsAreWrittenPlainly(value: Double, expected: String) {
        var attributes = DotAttributes()
        attributes.add("penwidth", points: value)
        #expect(attributes.bracketed == " [penwidth=\"\(expected)\"]")
    }

    @Test func nonFinitePenWidthIsLeftOut() {
        var attributes = DotAttributes()
        attributes.add("penwidth", points: .nan)
        attributes.add("penwidth", points: .infinity)
        #expect(attributes.isEmpty)
    }

    @Test func emptyGraphIsValidDOT() throws {
        let dot = DotWriter().write(DotGraph())
        #expect(dot.hasPrefix("digraph {\n"))
        #expect(dot.hasSuffix("}\n"))
        _ = try DotSyntax(parsing: dot)
    }

    @Test func longLabelsAreCutWhenAskedTo() throws {
        let graph = DotGraph(nodes: [DotNode(id: "n", label: HostileText.longJapanese)])
        let dot = DotWriter(options: .init(wrapWidth: 20, maxLabelLines: 3)).write(graph)
        let label = try #require(try DotSyntax(parsing: dot).nodes.first?.attributes["label"])
        let lines = DotSyntax.displayLines(label)
        #expect(lines.count == 3)
        #expect(lines.last?.hasSuffix("…") == true)
    }
}
