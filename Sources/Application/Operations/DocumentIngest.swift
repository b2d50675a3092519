import Extraction
import Ingestion
import WardGraph

/// Policy documents read into the graph, one transaction each: what `wardgraph
/// ingest` and `:ingest` do. A document that cannot be read is reported and skipped;
/// the others still go in. A destructive revision is refused unless `force`.
public enum DocumentIngest {
    public struct Outcome: Sendable {
        public let path: String
        public let result: Result<Ingestor.Report, OperationError>
    }

    public static func ingest(_ paths: [String], force: Bool = false, in workspace: Workspace) throws(OperationError) -> [Outcome] {
        let extractor = DocumentExtractor(lexicon: try workspace.lexicon())
        return workspace.withStore { store in
            let ingestor = Ingestor(store: store, extractor: extractor)
            return paths.map { path in
                do { return Outcome(path: path, result: .success(try ingestor.ingest(path: path, force: force))) } catch {
                    return Outcome(path: path, result: .failure(Curation.writeError(error)))
                }
            }
        }
    }
}

/// What a document yields, without storing it: `wardgraph extract`.
public struct ExtractReport: Sendable {
    public let extracted: ExtractedDocument
    /// The facts an ingest would assert, with their source lines.
    public let facts: DocumentFacts

    public init(path: String, lexicon: Lexicon) throws(OperationError) {
        do {
            let document = try Ingestor.readDocument(path: path)
            extracted = try DocumentExtractor(lexicon: lexicon).extract(bytes: document.bytes, fileName: document.fileName)
            facts = DocumentFacts(extracted, contentHash: SHA256.hex(document.bytes))
        } catch {
            throw OperationError(.badInput, "\(error)")
        }
    }
}
