import Extraction
import Foundation
import Ingestion
import TestSupport
import WardGraph

/// Extraction throughput, and ingesting the documents into a fresh store.
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

        // Extraction alone: the five documents, many times over, best of 5 rounds.
        let repetitions = 40
        var best = Double.infinity
        for _ in 0..<5 {
            var clock = Stopwatch()
            for _ in 0..<repetitions {
                for (name, content) in documents { _ = try extractor.extract(bytes: content, fileName: name) }
            }
            best = min(best, clock.lap())
        }
        let megabytes = Double(bytes * repetitions) / 1_000_000
        print(String(format: "extraction: %d documents, %d bytes, ×%d in %.3f s = %.1f MB/s (%.2f ms for the five documents)",
                     documents.count, bytes, repetitions, best, megabytes / best, best / Double(repetitions) * 1000))

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
}
