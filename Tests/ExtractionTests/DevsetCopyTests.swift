import Foundation
import Testing
@testable import Extraction

/// Fixtures/devset is a copy of the shared development set (its texts and gold
/// files); where the shared directory is at hand, the copy must be byte-identical,
/// so that the floors are enforced on the set as it stands.
@Suite struct DevsetCopyTests {
    /// The shared devset beside the checkout (`../shared/devset`, or two levels up
    /// for a worktree under `wt/`), or WARDGRAPH_DEVSET; nil where there is none.
    static var sharedDevset: URL? {
        if let path = ProcessInfo.processInfo.environment["WARDGRAPH_DEVSET"] { return URL(fileURLWithPath: path) }
        let parent = Corpus.packageRoot.deletingLastPathComponent()
        return [parent, parent.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("shared/devset") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    @Test(.enabled(if: sharedDevset != nil, "no shared devset beside the checkout (set WARDGRAPH_DEVSET to check the copy)"))
    func theCopyIsByteIdentical() throws {
        let shared = try #require(Self.sharedDevset)
        let names = try FileManager.default.contentsOfDirectory(atPath: shared.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".gold.json") }.sorted()
        let copied = try FileManager.default.contentsOfDirectory(atPath: try Corpus.fixture("devset").path).sorted()
        #expect(copied == names)
        #expect(Set(Corpus.devsetDocuments.flatMap { [$0, $0.replacingOccurrences(of: ".txt", with: ".gold.json")] }) == Set(names))
        for name in names {
            let original = try Data(contentsOf: shared.appendingPathComponent(name))
            let copy = try Data(contentsOf: try Corpus.fixture("devset/" + name))
            #expect(original == copy, "Fixtures/devset/\(name) differs from \(shared.path)/\(name); copy it again")
        }
    }
}
