import Foundation
import Testing
@testable import Extraction

/// Paths to the package's lexicon, source documents and gold fixtures, found from
/// this file's location so that tests run from any working directory.
enum Corpus {
    static let documents = ["asahi-r8.txt", "izumi-r7.txt", "kanazawa-r4.txt", "kohoku-r7.txt", "konan-r7.txt"]

    /// The package root: the nearest ancestor of this file with a Package.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static var lexiconDirectory: String { packageRoot.appendingPathComponent("Graph/lexicon").path }

    /// The package's lexicon, loaded once for all tests.
    static func lexicon() throws -> Lexicon {
        try loadedLexicon.get()
    }

    private static let loadedLexicon = Result { try freshLexicon() }

    /// The lexicon read from its files again, for tests of loading itself.
    static func freshLexicon() throws -> Lexicon {
        try Lexicon.load(directory: lexiconDirectory)
    }

    static func sourceBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: packageRoot.appendingPathComponent("Graph/sources").appendingPathComponent(name)))
    }

    static func gold(_ name: String) throws -> GoldDocument {
        let goldName = name.replacingOccurrences(of: ".txt", with: ".gold.json")
        let url = try #require(Bundle.module.url(forResource: "Fixtures/gold/" + goldName, withExtension: nil)
            ?? Bundle.module.url(forResource: goldName, withExtension: nil, subdirectory: "Fixtures/gold"))
        return try GoldDocument.decode(try Data(contentsOf: url), fileName: goldName)
    }

    static func extract(_ name: String, lexicon: Lexicon) throws -> ExtractedDocument {
        try DocumentExtractor(lexicon: lexicon).extract(bytes: try sourceBytes(name), fileName: name)
    }

    /// The evaluation of all five documents against their gold files.
    static func evaluation() throws -> EvaluationReport {
        let lexicon = try lexicon()
        let pairs = try documents.map { (gold: try gold($0), extracted: try extract($0, lexicon: lexicon)) }
        return GoldEvaluation.evaluate(pairs)
    }
}
