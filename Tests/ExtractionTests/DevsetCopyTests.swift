import Foundation
import Testing
@testable import Extraction

/// Fixtures/devset, Fixtures/blindA, blindB, blindC and blindD are copies of the shared
/// development set and of blind sets A, B and C (their texts and gold files); where the
/// shared directory is at hand, each copy must be byte-identical, so that the floors
/// are enforced on the sets as they stand.
@Suite struct DevsetCopyTests {
    struct Copy: Sendable {
        /// The folder under Fixtures.
        var fixture: String
        /// Where the shared set may lie relative to the checkout's parent (or, for a
        /// worktree under `wt/`, its grandparent), the first found counting.
        var shared: [String]
        /// The variable that names the shared directory elsewhere.
        var variable: String
        var documents: [String]

        /// The shared directory, or nil where there is none.
        var sharedDirectory: URL? {
            if let path = ProcessInfo.processInfo.environment[variable] { return URL(fileURLWithPath: path) }
            let parent = Corpus.packageRoot.deletingLastPathComponent()
            return shared.flatMap { path in [parent, parent.deletingLastPathComponent()].map { $0.appendingPathComponent(path) } }
                .first { FileManager.default.fileExists(atPath: $0.path) }
        }
    }

    static let devset = Copy(fixture: "devset", shared: ["shared/devset"], variable: "WARDGRAPH_DEVSET", documents: Corpus.devsetDocuments)
    static let blindA = Copy(fixture: "blindA", shared: ["blind/A", "blindA"], variable: "WARDGRAPH_BLINDA", documents: Corpus.blindADocuments)
    static let blindB = Copy(fixture: "blindB", shared: ["blind/B"], variable: "WARDGRAPH_BLINDB", documents: Corpus.blindBDocuments)
    static let blindC = Copy(fixture: "blindC", shared: ["blindC", "blind/C"], variable: "WARDGRAPH_BLINDC", documents: Corpus.blindCDocuments)
    static let blindD = Copy(fixture: "blindD", shared: ["blindD", "blind/D"], variable: "WARDGRAPH_BLINDD", documents: Corpus.blindDDocuments)

    @Test(.enabled(if: devset.sharedDirectory != nil, "no shared devset beside the checkout (set WARDGRAPH_DEVSET to check the copy)"))
    func theDevsetCopyIsByteIdentical() throws {
        try Self.check(Self.devset)
    }

    @Test(.enabled(if: blindA.sharedDirectory != nil, "no blind set A beside the checkout (set WARDGRAPH_BLINDA to check the copy)"))
    func theBlindSetACopyIsByteIdentical() throws {
        try Self.check(Self.blindA)
    }

    @Test(.enabled(if: blindB.sharedDirectory != nil, "no blind set B beside the checkout (set WARDGRAPH_BLINDB to check the copy)"))
    func theBlindSetBCopyIsByteIdentical() throws {
        try Self.check(Self.blindB)
    }

    @Test(.enabled(if: blindC.sharedDirectory != nil, "no blind set C beside the checkout (set WARDGRAPH_BLINDC to check the copy)"))
    func theBlindSetCCopyIsByteIdentical() throws {
        try Self.check(Self.blindC)
    }

    @Test(.enabled(if: blindD.sharedDirectory != nil, "no blind set D beside the checkout (set WARDGRAPH_BLINDD to check the copy)"))
    func theBlindSetDCopyIsByteIdentical() throws {
        try Self.check(Self.blindD)
    }

    static func check(_ copy: Copy, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let shared = try #require(copy.sharedDirectory)
        let names = try FileManager.default.contentsOfDirectory(atPath: shared.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".gold.json") }.sorted()
        let copied = try FileManager.default.contentsOfDirectory(atPath: try Corpus.fixture(copy.fixture).path).sorted()
        #expect(copied == names, sourceLocation: sourceLocation)
        #expect(Set(copy.documents.flatMap { [$0, $0.replacingOccurrences(of: ".txt", with: ".gold.json")] }) == Set(names),
                sourceLocation: sourceLocation)
        for name in names {
            let original = try Data(contentsOf: shared.appendingPathComponent(name))
            let copyData = try Data(contentsOf: try Corpus.fixture(copy.fixture + "/" + name))
            #expect(original == copyData, "Fixtures/\(copy.fixture)/\(name) differs from \(shared.path)/\(name); copy it again",
                    sourceLocation: sourceLocation)
        }
    }
}
