import Foundation
import Testing
import TestSupport

/// `export -o FILE`: the extension decides the format, and an extension that names
/// no format is refused instead of getting DOT text under a misleading name.
@Suite struct ExportFileTests {
    @Test func unknownAndContradictingExtensionsAreRefused() throws {
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        let jpeg = try Wardgraph.run(["export", "--ward", "泉区", "-o", "x.jpg"], directory: dir.path)
        #expect(jpeg.status == 2)
        #expect(jpeg.stderr.contains("its extension .jpg names no format"))
        #expect(jpeg.stderr.contains(".dot, .gv, .svg, .png, .pdf"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("x.jpg")))

        let contradiction = try Wardgraph.run(["export", "--ward", "泉区", "--format", "svg", "-o", "x.png"], directory: dir.path)
        #expect(contradiction.status == 2)
        #expect(contradiction.stderr.contains("--format svg contradicts the extension of 'x.png'"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("x.png")))

        let gv = try Wardgraph.run(["export", "--ward", "泉区", "-o", "x.gv"], directory: dir.path)
        #expect(gv.status == 0, "\(gv.stderr)")
        #expect(try String(contentsOfFile: dir.file("x.gv"), encoding: .utf8).hasPrefix("digraph"))
    }

    @Test func pdfIsRenderedAsPDF() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }) else {
            print("skipped: Graphviz's dot is not installed (apt-get install graphviz)")
            return
        }
        let dir = try ScratchProject.make()
        defer { dir.remove() }
        let result = try Wardgraph.run(["export", "--ward", "泉区", "-o", "izumi.pdf"], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileDamage.bytes(dir.file("izumi.pdf")).starts(with: Array("%PDF".utf8)))
    }
}
