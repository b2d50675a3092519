import Foundation
import Ingestion
import TestSupport
import WardGraph

/// The graph of the five bundled wards, built once from Graph/sources into a
/// temporary store for the tests of this target.
enum DefaultGraph {
    static let directory = TemporaryDirectory("interchange")

    /// The store's path, built on first use.
    static let path: String = {
        let root = Wardgraph.packageRoot.path
        let path = directory.file("wardgraph.log")
        _ = try! DefaultStore.build(at: path, sources: root + "/Graph/sources", lexiconDirectory: root + "/Graph/lexicon")
        return path
    }()

    static func open() throws -> GraphStore {
        try GraphStore.open(at: path)
    }

    static var prelude: String {
        try! String(contentsOfFile: Wardgraph.packageRoot.path + "/Queries/prelude.dl", encoding: .utf8)
    }
}
