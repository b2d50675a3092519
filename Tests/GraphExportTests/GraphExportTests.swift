import Foundation
import GraphViz
import Testing
import TestSupport
import WardGraph
@testable import GraphExport

/// Diagrams of small graphs against golden DOT files; every DOT renders with `dot`
/// (where installed) and the SVG carries the Japanese labels as text.
@Suite struct GraphExportTests {
    static let golden = Wardgraph.packageRoot.path + "/Tests/GraphExportTests/Golden"

    /// Three wards, four measures, three partners (two shared), a plan and its parent,
    /// and labels that would break a careless DOT writer.
    static func store(_ dir: TemporaryDirectory) throws -> GraphStore {
        let store = try GraphStore.open(at: dir.file("g.log"), create: true, writer: "test")
        func id(_ text: String) -> NodeID { try! NodeID(parsing: text) }
        let wards = ["泉区", "港北区", "旭区"]
        var changes: [Change] = []
        for (i, ward) in wards.enumerated() {
            let w = id("ward:\(ward)")
            let m = id("measure:\(ward)/R7/1")
            changes += [
                .assert(Fact(w, "label", .text(ward))),
                .assert(Fact(w, .hasMeasure, m)),
                .assert(Fact(m, "label", .text(i == 0 ? "「地域」の\"魅力\" <b>発信</b> {a|b} \\ 改行\nあり" : "防災の取組 \(i)"))),
                .assert(Fact(m, .partnersWith, id("partner:自治会町内会"))),
            ]
        }
        changes += [
            .assert(Fact(id("measure:泉区/R7/1"), .partnersWith, id("partner:フェリス女学院大学"))),
            .assert(Fact(id("measure:港北区/R7/1"), .partnersWith, id("partner:企業"))),
            .assert(Fact(id("measure:旭区/R7/1"), .partnersWith, id("partner:企業"))),
            .assert(Fact(id("measure:泉区/R7/1"), .implements, id("plan:横浜市中期計画/テーマ05"))),
            .assert(Fact(id("plan:横浜市中期計画/テーマ05"), .within, id("plan:横浜市中期計画"))),
            .assert(Fact(id("ward:泉区"), .hasSection, id("section:泉区/総務課"))),
        ]
        try store.commit(changes, author: "test")
        return store
    }

    func dot(_ selection: ExportSelection, cluster: Bool = false) throws -> String {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        var exporter = GraphExporter(snapshot: try Self.store(dir).current)
        exporter.clusterByWard = cluster
        return DotWriter().write(try exporter.graph(selection, maxNodes: 100))
    }

    func compare(_ text: String, golden name: String) throws {
        let expected = try GoldenFile.expected(text, updating: URL(fileURLWithPath: "\(Self.golden)/\(name).dot"))
        #expect(text == expected, "\(name).dot differs; rerun with WARDGRAPH_UPDATE_GOLDEN=1 after checking the change")
    }

    @Test func sharedPartnersDiagram() throws {
        let text = try dot(.sharedPartners)
        try compare(text, golden: "shared-partners")
        #expect(text.contains("\"partner:自治会町内会\""))
        #expect(text.contains("(3区)"))
        #expect(!text.contains("フェリス女学院大学"), "a partner of one ward is not in the shared diagram")
    }

    @Test func oneWardWithClusters() throws {
        let text = try dot(.ward("泉区"), cluster: true)
        try compare(text, golden: "ward-izumi")
        #expect(text.contains("plan:横浜市中期計画"))
        #expect(text.contains("section:泉区/総務課"))
        #expect(!text.contains("ward:港北区"))
    }

    @Test func wholeGraphIsDeterministic() throws {
        let first = try dot(.wholeGraph)
        let second = try dot(.wholeGraph)
        #expect(first == second)
        try compare(first, golden: "whole")
    }

    @Test func unknownWardAndTooLargeAreRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let exporter = GraphExporter(snapshot: try Self.store(dir).current)
        #expect(throws: GraphExporter.SelectionError.self) { try exporter.graph(.ward("港区"), maxNodes: 100) }
        do {
            _ = try exporter.graph(.wholeGraph, maxNodes: 3)
            Issue.record("a selection above the ceiling was drawn")
        } catch let error as GraphExporter.TooLarge {
            #expect(error.description.contains("more than --max-nodes 3"))
            #expect(error.description.contains("--ward"))
        }
    }

    @Test func diagramFileWritesTheDOTOnceMade() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let graph = try GraphExporter(snapshot: try Self.store(dir).current).graph(.sharedPartners, maxNodes: GraphExporter.defaultMaxNodes)
        let expected = DotWriter().write(graph)
        #expect(try DiagramFile.write(graph, format: .dot, to: nil) == expected)
        let path = dir.file("shared.dot")
        #expect(try DiagramFile.write(graph, format: .dot, to: path) == "wrote \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    @Test func everyDiagramRendersWithItsJapaneseLabels() throws {
        guard let dotPath = try? GraphvizRenderer().locateDot() else { return }  // no Graphviz here: DOT is still checked above
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        for name in ["shared-partners", "ward-izumi", "whole"] {
            let output = dir.file("\(name).svg")
            let report = try GraphvizRenderer(dotPath: dotPath).render(dotFile: "\(Self.golden)/\(name).dot", format: .svg, to: output)
            #expect(report.warnings.isEmpty, "\(name): \(report.warnings)")
            let svg = try String(contentsOfFile: output, encoding: .utf8)
            #expect(svg.contains("自治会町内会"), "\(name)")
        }
        let whole = try String(contentsOfFile: dir.file("whole.svg"), encoding: .utf8)
        #expect(whole.contains("&lt;b&gt;発信&lt;/b&gt;"), "markup in a label is text in the SVG")
    }
}
