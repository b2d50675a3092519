import Testing
import TestSupport
@testable import GraphViz

/// A legend drawn as a caption, for layouts that ignore clusters: one HTML-like
/// label of the title and a cell per entry, its text escaped.
@Suite struct LegendCaptionTests {
    static let graph: DotGraph = {
        var graph = DotGraph(name: "g", title: "泉区 <R7> & \"中期計画\"", attributes: ["layout": "sfdp"])
        graph.add(DotNode(id: "a", label: "泉区"))
        graph.legend = DotLegend(title: "凡例", entries: [
            .node("ward", NodeStyle(shape: .box, fill: "#DCE8FA", border: "#1F4E9A")),
            .edge("has_section", EdgeStyle(color: "#777777", line: .dashed)),
        ], placement: .caption)
        return graph
    }()

    @Test func theLegendIsATableUnderTheTitle() {
        let dot = DotWriter().write(Self.graph)
        #expect(dot.contains(##"label=<<TABLE BORDER="0" CELLSPACING="6"><TR><TD COLSPAN="2"><B>泉区 &lt;R7&gt; &amp; &quot;中期計画&quot;</B></TD></TR><TR><TD COLSPAN="2"><FONT COLOR="gray30">凡例</FONT></TD></TR><TR><TD BORDER="1" CELLPADDING="4" BGCOLOR="#DCE8FA" COLOR="#1F4E9A">ward</TD><TD CELLPADDING="4"><FONT COLOR="#777777">┄┄┄▶</FONT> has_section</TD></TR></TABLE>>, labelloc="t""##))
        #expect(!dot.contains("cluster legend"))
        #expect(dot.contains(#""layout"="sfdp""#))
    }

    @Test(.enabled(if: (try? GraphvizRenderer().locateDot()) != nil, "Graphviz's dot renders the caption"))
    func theCaptionRenders() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let report = try GraphvizRenderer().render(dot: DotWriter().write(Self.graph), format: .svg, to: dir.file("g.svg"))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }
}
