import WardGraph

/// The ward graph as RDF: the mapping described in `Graph/vocabulary.ttl`.
///
/// - each node is an IRI, `BASE` + its kind + its name's segments percent-encoded
///   (`ward:泉区` → `BASE/ward/%E6%B3%89%E5%8C%BA`), typed by its kind (`wg:Ward` …),
///   with `dcterms:identifier` holding its WardGraph id and `rdfs:label`s in Japanese
///   (its id's last segment when it has no label fact, as the `label` relation does);
/// - each edge is a triple with the edge type as property (`wg:partners_with`);
/// - each other fact is a property of the node (`wg:fiscal_year "令和7年度"`, `wg:level 2`),
///   and a fiscal year also gives `wg:fiscal_year_start` (`"2025"^^xsd:gYear`), for a
///   document the year WardGraph reads it as (so SPARQL can pick each ward's latest);
/// - provenance in PROV-O: see `GraphRDF+Provenance.swift`.
///
/// The result is deterministic: the writers sort it.
public struct GraphRDF: Sendable {
    /// Where node IRIs start: an absolute IRI ending with `/` or `#`.
    public let base: String

    public init(base: String = Namespace.defaultBase) throws(RDFExportError) {
        try Self.validate(base: base)
        self.base = base
    }

    /// The triples of `snapshot`.
    public func triples(of snapshot: GraphSnapshot) -> [RDFTriple] {
        let facts = snapshot.factsWithProvenance()
        var triples: [RDFTriple] = []
        triples.reserveCapacity(facts.count * 3)
        var provenance = ProvenanceTriples(rdf: self, documents: Self.documentsByFile(facts.map(\.fact)))
        var nodes = Set<NodeID>()
        var labelled = Set<NodeID>()
        var nodeProvenance: [NodeID: FactProvenance] = [:]

        for (fact, origin) in facts {
            let subject = RDFTerm.iri(nodeIRI(fact.entity))
            nodes.insert(fact.entity)
            // A node's provenance is its kind fact's, else its first fact's (sorted order).
            if fact.attribute == "kind" || nodeProvenance[fact.entity] == nil { nodeProvenance[fact.entity] = origin }
            switch fact.value {
            case .node(let target):
                nodes.insert(target)
                let property = propertyIRI(fact.attribute)
                let object = RDFTerm.iri(nodeIRI(target))
                triples.append(RDFTriple(subject, property, object))
                provenance.edge(subject, property, object, statement: statementIRI(fact.entity, fact.attribute, target), origin, into: &triples)
            case .text(let text):
                switch fact.attribute {
                case "kind" where text == fact.entity.kind.rawValue:
                    break  // the rdf:type says it
                case "label":
                    labelled.insert(fact.entity)
                    triples.append(RDFTriple(subject, RDF.label, .japanese(text)))
                case "alias":
                    triples.append(RDFTriple(subject, propertyIRI(fact.attribute), .japanese(text)))
                case "fiscal_year":
                    triples.append(RDFTriple(subject, propertyIRI(fact.attribute), .string(text)))
                    if fact.entity.kind != .document, let year = FiscalYear(text) { triples.append(Self.fiscalYearStart(subject, year)) }
                default:
                    triples.append(RDFTriple(subject, propertyIRI(fact.attribute), .string(text)))
                }
            case .integer(let n):
                if fact.attribute == "label" {
                    labelled.insert(fact.entity)
                    triples.append(RDFTriple(subject, RDF.label, .japanese(String(n))))
                } else {
                    triples.append(RDFTriple(subject, propertyIRI(fact.attribute), .integer(n)))
                }
            }
        }
        for node in nodes {
            let subject = RDFTerm.iri(nodeIRI(node))
            triples.append(RDFTriple(subject, RDF.type, .iri(Vocabulary.class(of: node.kind))))
            triples.append(RDFTriple(subject, DCTerms.identifier, .string(node.description)))
            if !labelled.contains(node) { triples.append(RDFTriple(subject, RDF.label, .japanese(String(node.lastSegment)))) }
            if let origin = nodeProvenance[node] { provenance.node(subject, origin, into: &triples) }
        }
        for document in snapshot.wardDocuments() {
            triples.append(Self.fiscalYearStart(.iri(nodeIRI(document.document)), document.year))
        }
        provenance.finish(into: &triples)
        return triples
    }

    private static func fiscalYearStart(_ subject: RDFTerm, _ year: FiscalYear) -> RDFTriple {
        RDFTriple(subject, Vocabulary.fiscalYearStart, .literal(String(year.western), datatype: XSD.gYear))
    }

    /// `BASE` + kind + `/` + the name's segments, each percent-encoded.
    public func nodeIRI(_ id: NodeID) -> String {
        base + id.kind.rawValue + "/" + IRIEncoding.path(id.name)
    }

    /// The property of an edge type or attribute: `wg:NAME`.
    public func propertyIRI(_ attribute: String) -> String {
        Namespace.wardGraph + (IRIEncoding.isPlainLocalName(attribute) ? attribute : IRIEncoding.segment(attribute))
    }

    /// The resource standing for one edge, to carry its provenance: the source
    /// node's IRI with a fragment naming the edge type and the target
    /// (`…/measure/%E6…/R7/2.4#partners_with/partner/%E5%95%86…`).
    public func statementIRI(_ from: NodeID, _ attribute: String, _ to: NodeID) -> String {
        nodeIRI(from) + "#" + IRIEncoding.segment(attribute) + "/" + to.kind.rawValue + "/" + IRIEncoding.path(to.name)
    }

    /// Each source file's document node, from the documents' `file` facts.
    static func documentsByFile(_ facts: [Fact]) -> [String: NodeID] {
        var documents: [String: NodeID] = [:]
        for fact in facts where fact.attribute == "file" && fact.entity.kind == .document {
            if case .text(let file) = fact.value, documents[file] == nil { documents[file] = fact.entity }
        }
        return documents
    }

    private static func validate(base: String) throws(RDFExportError) {
        let scalars = Array(base.unicodeScalars)
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, isLetter(scalars[0]),
              scalars[..<colon].allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { throw .badBase(base, "it does not start with a scheme such as https:") }
        if let bad = scalars.first(where: { $0.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains($0) }) {
            throw .badBase(base, bad == " " ? "it contains a space" : "it contains '\(bad)'")
        }
        guard base.hasSuffix("/") || base.hasSuffix("#") else { throw .badBase(base, "it must end with / or #") }
    }
}

/// What stops an RDF export.
public enum RDFExportError: Error, Equatable, Sendable, CustomStringConvertible {
    case badBase(String, String)

    public var description: String {
        switch self {
        case .badBase(let base, let why):
            return "--base '\(base)' is not a usable base IRI: \(why); give an absolute IRI ending with / or #, e.g. https://data.city.example.jp/wardgraph/"
        }
    }
}
