import Extraction
import Foundation
import Ingestion
import TestSupport
import WardGraph

/// Extraction throughput (the bundled documents, and those of the development set
/// and blind set A, whose tables, charts and two-column pages take their own paths),
/// and ingesting the documents into a fresh store.
enum ExtractionBenchmark {
    static func run(arguments: [String]) throws {
        let root = arguments.first ?? FileManager.default.currentDirectoryPath
        let sources = root + "/" + ProjectLayout.sources, lexiconDirectory = root + "/" + ProjectLayout.lexicon
        let paths = try ProjectLayout.documents(in: sources)
        let documents = try paths.map { path -> (String, [UInt8]) in
            let document = try Ingestor.readDocument(path: path)
            return (document.fileName, document.bytes)
        }
        let bytes = documents.reduce(0) { $0 + $1.1.count }
        let lexicon = try Lexicon.load(directory: lexiconDirectory)
        let extractor = DocumentExtractor(lexicon: lexicon)

        // Extraction alone: the documents, many times over, best of 5 rounds.
        let best = try bestTime(documents, extractor)
        let megabytes = Double(bytes * repetitions) / 1_000_000
        print(String(format: "extraction: %d documents, %d bytes, ×%d in %.3f s = %.1f MB/s (%.2f ms for the five documents)",
                     documents.count, bytes, repetitions, best, megabytes / best, best / Double(repetitions) * 1000))
        for (label, folder) in [("development set", "devset"), ("blind set A", "blindA"), ("blind set B", "blindB"), ("blind set C", "blindC"), ("blind set D", "blindD")] {
            let set = try fixtureDocuments(root: root, folder: folder)
            guard !set.isEmpty else { continue }
            let setBytes = set.reduce(0) { $0 + $1.1.count }
            let setBest = try bestTime(set, extractor)
            print(String(format: "extraction, %@: %d documents, %d bytes, ×%d in %.3f s = %.1f MB/s",
                         label, set.count, setBytes, repetitions, setBest, Double(setBytes * repetitions) / 1_000_000 / setBest))
        }

        // Ingest into a fresh store: lexicon, extraction, facts, one durable transaction per document.
        var times: [Double] = []
        for _ in 0..<7 {
            let directory = TemporaryDirectory("wardgraph-ingest")
            defer { directory.remove() }
            var clock = Stopwatch()
            let built = try DefaultStore.build(at: directory.file("g.log"), sources: sources, lexiconDirectory: lexiconDirectory)
            times.append(clock.lap())
            precondition(built.reports.count == documents.count && built.failures.isEmpty)
        }
        times.sort()
        print(String(format: "ingest into a fresh store: %d documents in %.1f ms (median of 7; fastest %.1f ms, slowest %.1f ms)",
                     documents.count, times[3] * 1000, times[0] * 1000, times[6] * 1000))
    }

    static let repetitions = 40

    /// The best of 5 rounds of extracting every document `repetitions` times.
    private static func bestTime(_ documents: [(String, [UInt8])], _ extractor: DocumentExtractor) throws -> Double {
        var best = Double.infinity
        for _ in 0..<5 {
            var clock = Stopwatch()
            for _ in 0..<repetitions {
                for (name, content) in documents { _ = try extractor.extract(bytes: content, fileName: name) }
            }
            best = min(best, clock.lap())
        }
        return best
    }

    /// The texts of an annotated set in the test fixtures (devset, blindA … blindD), without
    /// their `# ` header lines.
    private static func fixtureDocuments(root: String, folder: String) throws -> [(String, [UInt8])] {
        let directory = root + "/Tests/ExtractionTests/Fixtures/" + folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return try names.filter { $0.hasSuffix(".txt") }.sorted().map { name in
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let body = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# ") }.joined(separator: "\n")
            return (name, Array(body.utf8))
        }
    }
}
