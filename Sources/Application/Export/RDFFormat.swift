import GraphInterchange

/// The whole graph as RDF, N-Triples or Turtle, in the vocabulary of
/// `Graph/vocabulary.ttl`, with each node's and edge's provenance in PROV-O (see
/// `GraphRDF`). Node IRIs start with the request's `base`.
public struct RDFFormat: ExportFormat {
    public let name: String
    public let fileExtension: String
    public let mediaType: String
    let syntax: RDFSyntax

    public static let nTriples = RDFFormat(name: "nt", fileExtension: "nt", mediaType: "application/n-triples", syntax: .nTriples)
    public static let turtle = RDFFormat(name: "ttl", fileExtension: "ttl", mediaType: "text/turtle; charset=utf-8", syntax: .turtle)

    public func render(_ request: ExportRequest, from source: ExportSource) throws(OperationError) -> ExportedDiagram {
        guard request.subject == .wholeGraph else {
            throw OperationError(.badInput, "\(name) exports the whole graph with its provenance; a ward, shared partners, a query or a derivation is drawn as dot, svg or png")
        }
        let rdf: GraphRDF
        do { rdf = try GraphRDF(base: request.base ?? Namespace.defaultBase) } catch { throw OperationError(.badInput, error.description) }
        return ExportedDiagram(bytes: Array(syntax.write(rdf.triples(of: source.snapshot)).utf8), notes: [], widthPixels: nil)
    }
}
