import Dispatch
import Extraction
import Foundation
import WardGraph

/// Builds a store from a directory of documents, for a new user's first run:
/// `swift run wardgraph` finds no `Graph/wardgraph.log` and makes it from
/// `Graph/sources` before anything else, so the five wards are there at once.
public enum DefaultStore {
    public struct Built {
        public let reports: [Ingestor.Report]
        /// Documents that could not be read, with why.
        public let failures: [(file: String, error: Error)]
        public let seconds: Double
    }

    public static func build(at path: String, sources: String, lexiconDirectory: String) throws -> Built {
        let start = DispatchTime.now().uptimeNanoseconds
        let lexicon = try Lexicon.load(directory: lexiconDirectory)
        let store = try GraphStore.open(at: path, create: true, writer: "wardgraph (building the default store)")
        defer { store.close() }
        let ingestor = Ingestor(store: store, extractor: DocumentExtractor(lexicon: lexicon))
        var reports: [Ingestor.Report] = []
        var failures: [(String, Error)] = []
        for document in try ProjectLayout.documents(in: sources) {
            do { reports.append(try ingestor.ingest(path: document)) } catch { failures.append((document, error)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Built(reports: reports, failures: failures, seconds: seconds)
    }
}
