import WardGraph

/// Provenance in PROV-O, for every node and every edge:
///
/// - read from a document: `prov:wasDerivedFrom` an excerpt, `DOCUMENT#L248-L256`, a
///   `wg:Excerpt` that is `dcterms:isPartOf` the document node, with `wg:first_line`
///   and `wg:last_line`;
/// - entered by a person: `prov:wasAttributedTo` the person, `BASE/agent/NAME`;
/// - either way, `prov:wasGeneratedBy` the transaction, `BASE/transaction/N`, a
///   `prov:Activity` with its time (`prov:endedAtTime`) and author (`prov:wasAssociatedWith`).
///
/// An edge carries it through standard RDF reification, which every store reads:
/// a resource named by `GraphRDF.statementIRI`, an `rdf:Statement` with the edge's
/// `rdf:subject`, `rdf:predicate` and `rdf:object`. A node carries it itself (its
/// `kind` fact's provenance, else that of its first fact).
struct ProvenanceTriples {
    let rdf: GraphRDF
    /// Each source file's document node.
    let documents: [String: NodeID]
    private var excerpts: [String: Source] = [:]
    private var transactions: [UInt64: FactProvenance] = [:]
    private var agents = Set<String>()

    init(rdf: GraphRDF, documents: [String: NodeID]) {
        self.rdf = rdf
        self.documents = documents
    }

    mutating func node(_ subject: RDFTerm, _ origin: FactProvenance, into triples: inout [RDFTriple]) {
        link(subject, origin, into: &triples)
    }

    mutating func edge(_ subject: RDFTerm, _ predicate: String, _ object: RDFTerm, statement: String, _ origin: FactProvenance, into triples: inout [RDFTriple]) {
        let resource = RDFTerm.iri(statement)
        triples.append(RDFTriple(resource, RDF.type, .iri(RDF.statement)))
        triples.append(RDFTriple(resource, RDF.subject, subject))
        triples.append(RDFTriple(resource, RDF.predicate, .iri(predicate)))
        triples.append(RDFTriple(resource, RDF.object, object))
        link(resource, origin, into: &triples)
    }

    /// The excerpts, transactions and people that the links named.
    mutating func finish(into triples: inout [RDFTriple]) {
        var fileResources = Set<String>()
        for (iri, source) in excerpts {
            let excerpt = RDFTerm.iri(iri)
            let document = documentIRI(source.document)
            triples.append(RDFTriple(excerpt, RDF.type, .iri(Vocabulary.excerpt)))
            triples.append(RDFTriple(excerpt, DCTerms.isPartOf, .iri(document)))
            triples.append(RDFTriple(excerpt, Vocabulary.firstLine, .integer(Int64(source.firstLine))))
            triples.append(RDFTriple(excerpt, Vocabulary.lastLine, .integer(Int64(source.lastLine))))
            if documents[source.document] == nil && fileResources.insert(document).inserted {
                // A file with no document node in the graph (e.g. facts kept after its node was retracted).
                triples.append(RDFTriple(.iri(document), RDF.type, .iri(PROV.entity)))
                triples.append(RDFTriple(.iri(document), RDF.label, .string(source.document)))
            }
        }
        for (id, origin) in transactions {
            let activity = RDFTerm.iri(transactionIRI(id))
            triples.append(RDFTriple(activity, RDF.type, .iri(PROV.activity)))
            triples.append(RDFTriple(activity, RDF.label, .english("transaction \(id)")))
            triples.append(RDFTriple(activity, PROV.endedAtTime, .literal(Self.dateTime(millis: origin.timestampMillis), datatype: XSD.dateTime)))
            triples.append(RDFTriple(activity, PROV.wasAssociatedWith, .iri(agentIRI(origin.author))))
            agents.insert(origin.author)
        }
        for author in agents {
            triples.append(RDFTriple(.iri(agentIRI(author)), RDF.type, .iri(PROV.agent)))
            triples.append(RDFTriple(.iri(agentIRI(author)), RDF.label, .string(author)))
        }
    }

    private mutating func link(_ resource: RDFTerm, _ origin: FactProvenance, into triples: inout [RDFTriple]) {
        if let source = origin.source {
            let excerpt = excerptIRI(source)
            excerpts[excerpt] = source
            triples.append(RDFTriple(resource, PROV.wasDerivedFrom, .iri(excerpt)))
        } else {
            agents.insert(origin.author)
            triples.append(RDFTriple(resource, PROV.wasAttributedTo, .iri(agentIRI(origin.author))))
        }
        transactions[origin.transaction] = origin
        triples.append(RDFTriple(resource, PROV.wasGeneratedBy, .iri(transactionIRI(origin.transaction))))
    }

    /// The document node read from `file`, or `BASE/source/FILE` if the graph has none.
    private func documentIRI(_ file: String) -> String {
        documents[file].map(rdf.nodeIRI) ?? rdf.base + "source/" + IRIEncoding.segment(file)
    }

    private func excerptIRI(_ source: Source) -> String {
        documentIRI(source.document) + "#L\(source.firstLine)" + (source.lastLine == source.firstLine ? "" : "-L\(source.lastLine)")
    }

    private func transactionIRI(_ id: UInt64) -> String { rdf.base + "transaction/\(id)" }

    private func agentIRI(_ author: String) -> String { rdf.base + "agent/" + IRIEncoding.segment(author) }

    /// `2025-12-06T02:31:07.123Z` for milliseconds since 1970 (proleptic Gregorian, UTC).
    static func dateTime(millis: Int64) -> String {
        let seconds = millis.floorDivided(by: 1000), fraction = millis - seconds * 1000
        let days = seconds.floorDivided(by: 86_400), secondOfDay = seconds - days * 86_400
        // Days to civil date (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millisText = String(fraction + 1000).dropFirst()
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(millisText)Z"
    }
}

extension Int64 {
    /// Division rounding towards minus infinity (for dates before 1970).
    fileprivate func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
