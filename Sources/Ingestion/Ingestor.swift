import Extraction
import Foundation
import WardGraph

/// Reads policy documents into the store: one transaction per document, authored by
/// the document (its file name and content hash).
///
/// - Ingesting a document whose content is already in the store writes nothing.
/// - A revised document (same ward and fiscal year, new content) is one transaction
///   that asserts everything it says, with the lines it says it on, and retracts what
///   its previous version said and it no longer does: unless another document still
///   says it, or a person asserted it.
/// - A fact a person retracted is not brought back by any ingest.
/// - A revision that would retract more than half of what its document said, or
///   leave its ward and year with no measure, is refused unless forced: a short
///   or wrong file with the same ward and year must not wipe out the real one.
public struct Ingestor {
    public let store: GraphStore
    public let extractor: DocumentExtractor

    public init(store: GraphStore, extractor: DocumentExtractor) {
        self.store = store
        self.extractor = extractor
    }

    /// What ingesting one document did.
    public struct Report: Sendable {
        public let file: String
        public let ward: String
        public let fiscalYear: String
        public let measures: Int
        public let sections: Int
        public let partners: Int
        public let plans: Int
        public let edges: Int
        /// When the title named no fiscal year: the line of the body text it came from.
        public let fiscalYearFromBodyLine: Int?
        /// Nil when the store already had this content.
        public let transaction: TransactionInfo?
        /// For a revised document (a new version of a ward and year already in the
        /// graph), what changed measure by measure; nil for a first ingest.
        public let revision: DocumentDiff?
        /// What extraction did not understand in the document.
        public let understanding: UnderstandingReport
    }

    /// Extracts `bytes` (the file `fileName`) and records it. Nothing is written if
    /// extraction fails, or if the revision is destructive and not `force`d.
    public func ingest(bytes: [UInt8], fileName: String, force: Bool = false) throws -> Report {
        let extracted = try extractor.extract(bytes: bytes, fileName: fileName)
        let hash = SHA256.hex(bytes)
        let content = DocumentFacts(extracted, contentHash: hash)
        let transaction: TransactionInfo?
        let revision: DocumentDiff?
        do {
            (transaction, revision) = try record(content, force: force)
        } catch IngestError.destructiveRevision(let file, let document, let reasons, _) {
            throw IngestError.destructiveRevision(
                file: file, document: document, reasons: reasons, yearFromBodyLine: extracted.fiscalYearFromBodyLine)
        }
        return Report(
            file: fileName, ward: extracted.ward, fiscalYear: extracted.fiscalYear,
            measures: extracted.measures.count, sections: extracted.sections.count, partners: extracted.partners.count,
            plans: extracted.plans.count, edges: extracted.edges.count,
            fiscalYearFromBodyLine: extracted.fiscalYearFromBodyLine, transaction: transaction, revision: revision,
            understanding: UnderstandingReport(extracted, facts: content))
    }

    /// Reads and ingests a file.
    public func ingest(path: String, force: Bool = false) throws -> Report {
        let document = try Self.readDocument(path: path)
        return try ingest(bytes: document.bytes, fileName: document.fileName, force: force)
    }

    /// A document's bytes, and its file name as the graph records it.
    public static func readDocument(path: String) throws -> (bytes: [UInt8], fileName: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError.unreadable(path)
        }
        return ([UInt8](data), URL(fileURLWithPath: path).lastPathComponent)
    }

    /// Writes the changes that bring the store to `content` (nil if there are none),
    /// and says what changed from the version it replaces, if any. A destructive
    /// revision (see `RevisionGuard`) is refused unless `force`.
    func record(_ content: DocumentFacts, force: Bool = false) throws -> (TransactionInfo?, DocumentDiff?) {
        try store.refresh()
        let key = content.document.description
        let now = store.current
        let hashFact = Fact(content.document, "content_hash", .text(content.contentHash))
        let previous = store.documentContent(key: key)
        if !previous.isEmpty && previous.contains(hashFact) && now.contains(hashFact) { return (nil, nil) }
        let revision = previous.isEmpty
            ? nil
            : DocumentDiff(
                from: DocumentOutline(document: content.document, facts: previous),
                to: DocumentOutline(document: content.document, facts: content.facts.map(\.fact)))

        let incoming = Set(content.facts.map(\.fact))
        var changes: [Change] = []
        // What the previous version said and this one does not, unless a person asserted it.
        let dropped = previous.sorted(by: { $0.description < $1.description }).filter { fact in
            !incoming.contains(fact) && now.contains(fact) && !now.isAssertedByPerson(fact)
        }
        if !dropped.isEmpty {
            // Still said by another document: kept. Only needed when something is dropped.
            var elsewhere = Set<Fact>()
            for other in store.documentKeys where other != key { elsewhere.formUnion(store.documentContent(key: other)) }
            for fact in dropped where !elsewhere.contains(fact) { changes.append(.retract(fact)) }
        }
        for (fact, source) in content.facts where !now.isRetractedByPerson(fact) {
            changes.append(.assert(fact, source: source))
        }
        if !force, !previous.isEmpty {
            let reasons = RevisionGuard.reasons(changes, previous: previous, content: content, now: now)
            if !reasons.isEmpty {
                throw IngestError.destructiveRevision(file: content.fileName, document: key, reasons: reasons, yearFromBodyLine: nil)
            }
        }
        let author = "ingest \(content.fileName) sha256:\(content.contentHash.prefix(16))"
        return (try store.commit(changes, author: author, origin: .document(key: key)), revision)
    }
}

public enum IngestError: Error, CustomStringConvertible {
    case unreadable(String)
    /// A revision that would remove most of what its document said; see `RevisionGuard`.
    /// `yearFromBodyLine`: the body line its fiscal year came from, when its title has none.
    case destructiveRevision(file: String, document: String, reasons: [String], yearFromBodyLine: Int?)

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "\(path): cannot be read (does it exist, and may you read it?)"
        case .destructiveRevision(let file, let document, let reasons, let yearLine):
            let year = yearLine.map { " Its title names no fiscal year: the year was taken from the body text (line \($0))." } ?? ""
            return "\(file) would replace \(document), and it \(reasons.joined(separator: ", and it ")).\(year) If it really is the new version of that document, ingest it again with --force"
        }
    }
}
