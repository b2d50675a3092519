import Foundation
import Testing
import TestSupport
@testable import GraphViz

/// The DOT for each sample graph, byte for byte, against `Golden/<name>.dot`.
///
/// After an intended change to the output, regenerate the files with
/// `WARDGRAPH_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: SampleGraphs.all.map(\.name))
    func writerOutputMatchesGoldenFile(name: String) throws {
        let graph = try #require(SampleGraphs.all.first { $0.name == name }).graph
        let written = Data(DotWriter().write(graph).utf8)
        let golden = try GoldenFile.expected(
            written, updating: Self.sourceDirectory.appendingPathComponent("\(name).dot"), readingFrom: { try Self.goldenURL(name) })
        let identical = written == golden
        #expect(identical, "\(name).dot differs: \(GoldenFile.firstDifference(written, golden))")
    }

    @Test(arguments: SampleGraphs.all.map(\.name))
    func goldenFileIsWellFormedDOT(name: String) throws {
        let text = try String(contentsOf: try Self.goldenURL(name), encoding: .utf8)
        let parsed = try DotSyntax(parsing: text)
        let graphAttributes = parsed.statements.first { $0.kind == .attributes("graph") }?.attributes
        #expect(graphAttributes?["charset"] == "UTF-8")
        #expect(graphAttributes?["fontname"] == "Noto Sans CJK JP")
        for kind in ["node", "edge"] {
            #expect(parsed.statements.contains { $0.kind == .attributes(kind) && $0.attributes["fontname"] == "Noto Sans CJK JP" })
        }
    }

    static func goldenURL(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: "dot", subdirectory: "Golden"))
    }
}
