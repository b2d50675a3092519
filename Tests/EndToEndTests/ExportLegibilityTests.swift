import Foundation
import Testing
import TestSupport

/// Diagrams a person can read, through the real binary on the five wards: the
/// layout chosen for the size and said, a warning above 10,000 px, a query export
/// that connects its answers, PDF that is PDF, one page per ward.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") || ProcessInfo.processInfo.environment["WARDGRAPH_DOT"] != nil,
                "Graphviz's dot renders the diagrams (apt-get install graphviz fonts-noto-cjk)"))
struct ExportLegibilityTests {
    /// The width of a PNG, from its IHDR chunk.
    static func pngWidth(_ path: String) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return bytes[16...19].reduce(0) { $0 << 8 | Int($1) }
    }

    @Test func theWholeGraphIsAnOverviewThatSaysSo() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let result = try Wardgraph.run(["export", "-o", project.file("whole.png")], directory: project.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wardgraph: note: the whole graph has 233 nodes, too many for a layered drawing: drawn as an overview with sfdp (overlap=prism)"))
        #expect(!result.stderr.contains("warning"))
        #expect(try Self.pngWidth(project.file("whole.png")) <= 10_000)
        // The layered drawing asked for by name is too wide, and the warning says so before writing.
        let layered = try Wardgraph.run(["export", "--layout", "dot", "-o", project.file("layered.png")], directory: project.path)
        #expect(layered.status == 0)
        #expect(layered.stderr.contains("wardgraph: warning: the diagram is 32,767 px wide, more than 10,000"))
        #expect(layered.stderr.contains("(clusters by ward)"))
    }

    @Test func oneWardIsATallPageNotAWideBand() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let result = try Wardgraph.run(["export", "--ward", "泉区", "-o", project.file("izumi.png")], directory: project.path)
        #expect(result.status == 0 && !result.stderr.contains("warning"), "\(result.stderr)")
        #expect(try Self.pngWidth(project.file("izumi.png")) < 5_000)
    }

    @Test func aQueryExportConnectsItsAnswersAndTheirWards() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let result = try Wardgraph.run(["export", "--query", "?- shares_partner_with(泉区, W, P)."], directory: project.path)
        #expect(result.status == 0)
        let dot = result.stdout
        let nodes = dot.split(separator: "\n").filter { $0.hasPrefix("  \"") && !$0.contains("->") }.map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        #expect(nodes.contains("ward:泉区") && nodes.contains("partner:商店街"))
        for node in nodes {
            #expect(dot.contains("\"\(node)\" ->") || dot.contains("-> \"\(node)\""), "\(node) has no edge")
        }
        #expect(dot.contains(#""ward:泉区" -> "partner:商店街" [label="施策2件""#))
    }

    @Test func pdfIsPDFAndPerWardIsOnePageEach() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        #expect(try Wardgraph.run(["export", "--shared-partners", "-o", project.file("shared.pdf")], directory: project.path).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: project.file("shared.pdf"))).prefix(5) == Data("%PDF-".utf8))
        let pages = try Wardgraph.run(["export", "--per-ward", "-o", project.file("wards.svg")], directory: project.path)
        #expect(pages.status == 0, "\(pages.stderr)")
        for ward in ["旭区", "泉区", "港北区", "港南区", "金沢区"] {
            let page = try String(contentsOfFile: project.file("wards-\(ward).svg"), encoding: .utf8)
            #expect(page.contains("\(ward) R"))
        }
    }
}
