import Datalog
import Querying

/// Why an atom holds: one derivation tree down to the graph's facts, and the
/// documents' lines those facts were read from. What `--why`, `:why` and
/// `POST /api/why` show.
public struct Explanation: Sendable {
    public let atom: String
    public let derivation: Derivation
    public let constants: ConstantTable
    /// The text of each document line a leaf cites, by `document:line`.
    public let lineTexts: [String: String]
    public let asOf: UInt64?

    /// Derives `atom` in `session` (its kept rules over its graph).
    public init(_ atom: String, session: QuerySession, documents: DocumentLibrary?) throws(WhyError) {
        self.atom = atom
        derivation = try session.why(atom)
        constants = session.engine.constants
        asOf = session.snapshot?.asOf
        var texts: [String: String] = [:]
        if let documents {
            for reference in Self.references(in: derivation) {
                let key = "\(reference.document):\(reference.line)"
                if texts[key] == nil, let text = documents.line(reference.line, of: reference.document) { texts[key] = text }
            }
        }
        lineTexts = texts
    }

    /// The document lines the leaves of `derivation` cite.
    static func references(in derivation: Derivation) -> [SourceReference] {
        switch derivation {
        case .fact(_, _, let source): return source.flatMap(SourceReference.init(parsing:)).map { [$0] } ?? []
        case .rule(_, _, _, _, let premises), .binding(let premises): return premises.flatMap(references)
        case .aggregate(_, _, _, _, _, let samples): return samples.flatMap(references)
        case .absent, .condition, .truncated: return []
        }
    }
}

/// A fact's provenance as the graph relations give it, `izumi-r7.txt:248-256`, read back
/// into the document and the first line; nil for "asserted by …" and other provenance.
public struct SourceReference: Sendable, Equatable {
    public let document: String
    public let line: Int
    public let lastLine: Int

    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let document = String(text[..<colon])
        let numbers = text[text.index(after: colon)...].split(separator: "-", omittingEmptySubsequences: false)
        guard !document.isEmpty, !document.contains(" "), (1...2).contains(numbers.count),
              let first = Int(numbers[0]), let last = Int(numbers.last!), first >= 1, last >= first else { return nil }
        self.document = document
        line = first
        lastLine = last
    }
}
