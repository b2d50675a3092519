import Foundation
import GraphInterchange
import Testing
import TestSupport
import WardGraph

/// The RDF export's IRIs, escaping, determinism and provenance, without a triple store.
@Suite struct RDFExportTests {
    @Test(arguments: [
        ("泉区", "%E6%B3%89%E5%8C%BA"),
        ("R7", "R7"),
        ("2.1", "2.1"),
        ("GREEN×EXPO2027", "GREEN%C3%97EXPO2027"),
        ("a b/c?d#e%f", "a%20b%2Fc%3Fd%23e%25f"),
        (".", "%2E"),
        ("..", "%2E%2E"),
        ("-._~", "-._~"),
        ("𠮷", "%F0%A0%AE%B7"),
    ])
    func segmentsArePercentEncodedUTF8(text: String, encoded: String) {
        #expect(IRIEncoding.segment(text) == encoded)
        #expect(IRIEncoding.decode(encoded) == text)
    }

    @Test func nodeIRIsKeepTheIdsSegments() throws {
        let rdf = try GraphRDF(base: "https://data.example.jp/wg/")
        #expect(rdf.nodeIRI(try NodeID(parsing: "ward:泉区")) == "https://data.example.jp/wg/ward/%E6%B3%89%E5%8C%BA")
        #expect(rdf.nodeIRI(try NodeID(parsing: "measure:泉区/R7/2.1")) == "https://data.example.jp/wg/measure/%E6%B3%89%E5%8C%BA/R7/2.1")
        #expect(rdf.nodeIRI(try NodeID(parsing: "plan:横浜市中期計画/テーマ05"))
            == "https://data.example.jp/wg/plan/%E6%A8%AA%E6%B5%9C%E5%B8%82%E4%B8%AD%E6%9C%9F%E8%A8%88%E7%94%BB/%E3%83%86%E3%83%BC%E3%83%9E05")
        // NFKC: full-width and half-width spellings of an id are one node, one IRI.
        #expect(rdf.nodeIRI(try NodeID(parsing: "partner:ＮＰＯ法人")) == rdf.nodeIRI(try NodeID(parsing: "partner:NPO法人")))
    }

    @Test(arguments: [
        ("example.org/", "scheme"),
        ("https://example.org/a b/", "space"),
        ("https://example.org/<x>/", "'<'"),
        ("https://example.org/x", "end with / or #"),
        ("1https://example.org/", "scheme"),
    ])
    func aBadBaseIsRefusedWithTheReason(base: String, reason: String) {
        #expect(throws: RDFExportError.self) { try GraphRDF(base: base) }
        do { _ = try GraphRDF(base: base) } catch { #expect(error.description.contains(reason), "\(error.description)") }
    }

    @Test func literalsAreEscapedForNTriples() {
        #expect(RDFTerm.string("a\"b\\c\nd\te\r\u{1}").nTriples == #""a\"b\\c\nd\te\r\u0001""#)
        #expect(RDFTerm.japanese("泉区").nTriples == "\"泉区\"@ja")
        #expect(RDFTerm.integer(-3).nTriples == "\"-3\"^^<http://www.w3.org/2001/XMLSchema#integer>")
    }

    @Test func fiscalYearsAlsoGiveTheCalendarYearTheyStartIn() throws {
        let store = try DefaultGraph.open()
        let text = RDFSyntax.nTriples.write(try GraphRDF().triples(of: store.current))
        let start = "<\(Vocabulary.fiscalYearStart)> \"2025\"^^<\(XSD.gYear)> ."
        #expect(text.contains("<https://w3id.org/wardgraph/id/document/%E6%B3%89%E5%8C%BA/R7> " + start))
        #expect(text.contains("<https://w3id.org/wardgraph/id/measure/%E6%B3%89%E5%8C%BA/R7/2.4> " + start))
        #expect(text.contains("<https://w3id.org/wardgraph/id/document/%E9%87%91%E6%B2%A2%E5%8C%BA/R4> <\(Vocabulary.fiscalYearStart)> \"2022\"^^<\(XSD.gYear)> ."))
    }

    @Test func theExportIsDeterministicInBothSyntaxes() throws {
        let store = try DefaultGraph.open()
        let triples = try GraphRDF().triples(of: store.current)
        for syntax in RDFSyntax.allCases {
            let first = syntax.write(triples)
            #expect(syntax.write(triples.shuffled()) == first, "\(syntax)")
            #expect(syntax.write(try GraphRDF().triples(of: store.current)) == first, "\(syntax)")
        }
        let lines = RDFSyntax.nTriples.write(triples).split(separator: "\n")
        #expect(lines == lines.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(Set(lines).count == lines.count)
    }

    /// Every node has a type, an identifier, a Japanese label and provenance; every
    /// edge has a reified statement with provenance that points at a line of a document.
    @Test func everyNodeAndEdgeCarriesItsProvenance() throws {
        let store = try DefaultGraph.open()
        let snapshot = store.current
        let rdf = try GraphRDF()
        let triples = rdf.triples(of: snapshot)
        var bySubject: [RDFTerm: [RDFTriple]] = [:]
        for t in triples { bySubject[t.subject, default: []].append(t) }
        for node in snapshot.nodes() {
            let about = bySubject[.iri(rdf.nodeIRI(node))] ?? []
            #expect(about.contains { $0.predicate == RDF.type && $0.object == .iri(Vocabulary.class(of: node.kind)) }, "\(node)")
            #expect(about.contains { $0.predicate == DCTerms.identifier && $0.object == .string(node.description) }, "\(node)")
            #expect(about.contains { if case .literal(_, "ja", nil) = $0.object { return $0.predicate == RDF.label } else { return false } }, "\(node)")
            #expect(about.contains { $0.predicate == PROV.wasDerivedFrom }, "\(node)")
        }
        for fact in snapshot.facts() {
            guard case .node(let target) = fact.value else { continue }
            let statement = bySubject[.iri(rdf.statementIRI(fact.entity, fact.attribute, target))] ?? []
            #expect(statement.contains { $0.predicate == RDF.subject && $0.object == .iri(rdf.nodeIRI(fact.entity)) })
            #expect(statement.contains { $0.predicate == RDF.object && $0.object == .iri(rdf.nodeIRI(target)) })
            let excerpt = try #require(statement.first { $0.predicate == PROV.wasDerivedFrom }?.object, "\(fact)")
            let source = try #require(snapshot.provenance(of: fact)?.source)
            let lines = bySubject[excerpt] ?? []
            #expect(lines.contains { $0.predicate == Vocabulary.firstLine && $0.object == .integer(Int64(source.firstLine)) }, "\(fact)")
            #expect(lines.contains { $0.predicate == DCTerms.isPartOf })
        }
    }

    @Test func aFactEnteredByHandIsAttributedToItsAuthor() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try GraphStore.open(at: directory.file("g.log"), create: true, writer: "test")
        store.clock = { 1_733_450_000_123 }
        let partner = try NodeID(parsing: "partner:泉区社会福祉協議会")
        let measure = try NodeID(parsing: "measure:泉区/R7/1")
        _ = try store.commit([.assert(Fact(measure, .partnersWith, partner))], author: "山田 花子")
        let rdf = try GraphRDF(base: "https://data.example.jp/wg/")
        let text = RDFSyntax.nTriples.write(rdf.triples(of: store.current))
        let agent = "<https://data.example.jp/wg/agent/%E5%B1%B1%E7%94%B0%20%E8%8A%B1%E5%AD%90>"
        #expect(text.contains("<\(rdf.statementIRI(measure, "partners_with", partner))> <\(PROV.wasAttributedTo)> \(agent) ."))
        #expect(text.contains("\(agent) <\(RDF.label)> \"山田 花子\" ."))
        #expect(text.contains("<https://data.example.jp/wg/transaction/1> <\(PROV.endedAtTime)> \"2024-12-06T01:53:20.123Z\"^^<\(XSD.dateTime)> ."))
        // Nodes with no label fact are labelled with their id's last segment, as the `label` relation does.
        #expect(text.contains("<\(rdf.nodeIRI(partner))> <\(RDF.label)> \"泉区社会福祉協議会\"@ja ."))
    }

    @Test func turtleUsesPrefixesAndGroupsBySubject() throws {
        let store = try DefaultGraph.open()
        let text = RDFSyntax.turtle.write(try GraphRDF().triples(of: store.current))
        #expect(text.hasPrefix("@prefix wg: <https://w3id.org/wardgraph/vocab#> .\n"))
        #expect(text.contains("\n<https://w3id.org/wardgraph/id/ward/%E6%B3%89%E5%8C%BA> a wg:Ward ;\n    dcterms:identifier \"ward:泉区\" ;"))
        #expect(text.contains("wg:level 2 ;"))
    }

    /// The SPARQL questions run by OxigraphTests, which is skipped without pyoxigraph.
    @Test func everySPARQLFileHasItsProgramAndATest() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: OxigraphTests.queries)
        let sparql = Set(files.filter { $0.hasSuffix(".rq") }.map { String($0.dropLast(3)) })
        #expect(sparql == Set(OxigraphTests.questions.map(\.name)))
        for name in sparql { #expect(files.contains(name + ".dl"), "\(name).rq has no \(name).dl") }
    }
}
