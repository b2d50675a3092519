import Foundation
import Testing
import TestSupport
@testable import GraphViz

/// Every generated DOT file renders with the real `dot`, and the SVG shows the
/// labels as text. Skipped when `dot` is not installed.
@Suite(.serialized, .enabled(if: Installed.hasDot, "Graphviz's dot was not found (PATH, WARDGRAPH_DOT); install it with apt-get install graphviz fonts-noto-cjk"))
struct RenderingTests {
    /// Renders `graph` to SVG and returns the SVG's text lines.
    static func renderSVG(_ graph: DotGraph, writer: DotWriter = DotWriter()) throws -> (svg: String, lines: Set<String>, warnings: String) {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.file("graph.svg")
        let report = try GraphvizRenderer().render(dot: writer.write(graph), format: .svg, to: output)
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        return (svg, Set(SVGText.lines(svg)), report.warnings)
    }

    /// Every label line of every node and edge of `graph`, as the SVG should show it.
    static func expectedLines(_ graph: DotGraph, writer: DotWriter = DotWriter()) -> [String] {
        let labels = graph.nodes.map(\.label) + graph.edges.compactMap(\.label)
        return labels.flatMap { writer.labelWrapper.lines(DotText.clean($0)) }
            .map(SVGText.normalise)
            .filter { !$0.isEmpty }
    }

    @Test(arguments: SampleGraphs.all.map(\.name))
    func goldenFilesRenderWithTheirLabels(name: String) throws {
        let url = try GoldenTests.goldenURL(name)
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let report = try GraphvizRenderer().render(dotFile: url.path, format: .svg, to: directory.file("\(name).svg"))
        let svg = try String(contentsOfFile: report.outputPath, encoding: .utf8)
        let shown = Set(SVGText.lines(svg))
        let graph = try #require(SampleGraphs.all.first { $0.name == name }).graph
        for line in Self.expectedLines(graph) {
            #expect(shown.contains(line), "\(name).svg does not show \(line.debugDescription)")
        }
        #expect(svg.contains("Noto Sans CJK JP"))
    }

    @Test(arguments: HostileText.printable)
    func hostileGraphRendersWithItsLabels(_ sample: Printable) throws {
        let text = sample.text
        let graph = HostileGraphs.single(text)
        let (_, shown, _) = try Self.renderSVG(graph)
        for line in Self.expectedLines(graph) {
            #expect(shown.contains(line), "SVG does not show \(line.debugDescription)")
        }
    }

    @Test func allHostileTextsRenderTogether() throws {
        let graph = HostileGraphs.combined
        let (svg, shown, _) = try Self.renderSVG(graph)
        for line in Self.expectedLines(graph) {
            #expect(shown.contains(line), "SVG does not show \(line.debugDescription)")
        }
        #expect(svg.contains("&lt;b&gt;bold&lt;/b&gt;"), "markup in labels is XML-escaped text, not markup")
        #expect(svg.contains("&amp;lt;not a tag&amp;gt; AT&amp;T"), "entities in labels stay literal")
    }

    /// Each shape, arrowhead, line and style option is one Graphviz knows: no warnings.
    @Test func everyStyleValueIsKnownToGraphviz() throws {
        var graph = DotGraph(name: "styles")
        for shape in NodeShape.allCases {
            graph.add(DotNode(id: shape.rawValue, style: NodeStyle(shape: shape, fill: "#EEEEEE", border: "gray50", fontColor: "black", penWidth: 1.5)))
        }
        for (option, name) in NodeStyle.Options.all where option != .invisible {
            graph.add(DotNode(id: "style-\(name)", style: NodeStyle(shape: .box, options: option), cluster: name))
            graph.clusters[name] = DotCluster(label: name, style: ClusterStyle(fill: .lightGray, options: option))
        }
        for arrowhead in EdgeStyle.Arrowhead.allCases {
            for line in EdgeStyle.Line.allCases {
                graph.add(DotEdge(from: "box", to: "arrow-\(arrowhead.rawValue)", label: line.rawValue,
                                  style: EdgeStyle(color: .rgb(0x33, 0x66, 0x99), line: line, penWidth: 2, arrowhead: arrowhead, fontColor: "gray30")))
            }
        }
        graph.legend = DotLegend(entries: [.node("n", SampleGraphs.ward), .edge("e", SampleGraphs.conflicts)])
        for direction in RankDirection.allCases {
            let (_, _, warnings) = try Self.renderSVG(graph, writer: DotWriter(options: .init(rankDirection: direction)))
            #expect(!warnings.contains("Warning"), "\(direction): \(warnings)")
        }
    }

    @Test func rendersPNG() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.file("wards.png")
        try GraphvizRenderer().render(dot: DotWriter().write(SampleGraphs.japaneseWrap), format: .png, to: output)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func syntaxErrorIsReportedWithDotsMessageAndKeepsTheOldOutput() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.file("graph.svg")
        try Data("previous".utf8).write(to: URL(fileURLWithPath: output))
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer().render(dot: "digraph { a -> }", format: .svg, to: output)
        }
        guard case .renderFailed(_, "svg", output, let status, false, let standardError) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(status != 0)
        #expect(standardError.contains("syntax error"))
        #expect(error?.description.contains("syntax error") == true)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["graph.svg"], "no partial file left")
    }
}
