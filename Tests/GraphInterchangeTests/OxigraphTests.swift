import Datalog
import Foundation
import GraphInterchange
import Querying
import Testing
import TestSupport
import WardGraph

/// The RDF export loaded into Oxigraph (through pyoxigraph): the SPARQL form of
/// each planners' question (`Queries/NAME.rq`) answers exactly as WardGraph
/// answers `Queries/NAME.dl`. Skipped where pyoxigraph is not installed; `.ci/run`
/// installs it into `.build/venv`.
@Suite(.serialized, .enabled(
    if: Oxigraph.python != nil,
    "pyoxigraph was not found: install it with python3 -m venv .build/venv && .build/venv/bin/pip install pyoxigraph (as .ci/run does), or name a Python that has it in WARDGRAPH_PYTHON"))
struct OxigraphTests {
    static let queries = Wardgraph.packageRoot.path + "/Queries"

    /// Each SPARQL query with its program and the parameters the program takes
    /// (the `.rq` holds the same values in its VALUES line).
    static let questions: [(name: String, parameters: [String: Constant])] = [
        ("shared-partners", [:]), ("busy-partners", [:]), ("theme05-measures", [:]), ("common-sections", [:]),
        ("ward-plans", [:]), ("lonely-measures", [:]),
        ("year-changes", ["ward": .string("泉区"), "old": .string("令和6年度"), "new": .string("令和7年度")]),
    ]

    @Test(arguments: RDFSyntax.allCases)
    func oxigraphAnswersThePlannersQuestionsAsWardGraphDoes(syntax: RDFSyntax) throws {
        let store = try DefaultGraph.open()
        let directory = TemporaryDirectory("oxigraph")
        defer { directory.remove() }
        let data = directory.file("graph." + syntax.rawValue)
        try syntax.write(try GraphRDF().triples(of: store.current)).write(toFile: data, atomically: true, encoding: .utf8)
        let rq = Self.questions.map { "\(Self.queries)/\($0.name).rq" }
        let answers = try Oxigraph.run(data: [data], queries: rq)

        for question in Self.questions {
            let session = QuerySession()
            session.use(store.current)
            session.parameters = question.parameters
            session.keep(name: "prelude.dl", text: DefaultGraph.prelude)
            let text = try String(contentsOfFile: "\(Self.queries)/\(question.name).dl", encoding: .utf8)
            let outcome = session.run(name: question.name + ".dl", text: text)
            #expect(outcome.diagnostics.isEmpty, "\(question.name): \(outcome.diagnostics)")
            var expected = Set<[String]>()
            for (offset, answer) in outcome.answers.enumerated() {
                guard case .result(let result, _) = answer else { Issue.record("\(question.name): \(answer)"); continue }
                let constants = session.engine.constants
                for row in result.rows {
                    let cells = row.map(constants.display)
                    // year-changes.rq answers both queries at once, as ("added" | "dropped", Title).
                    expected.insert(outcome.answers.count > 1 ? [offset == 0 ? "added" : "dropped"] + cells : cells)
                }
            }
            let got = answers.queries[question.name + ".rq"] ?? []
            #expect(!expected.isEmpty, "\(question.name): WardGraph has no answer to compare")
            #expect(Set(got) == expected, "\(question.name) (\(syntax.rawValue)): Oxigraph and WardGraph differ")
            #expect(got.count == expected.count, "\(question.name): Oxigraph gave duplicate rows")
        }
    }

    /// N-Triples and Turtle are the same graph, and every `wg:` term the export
    /// uses is declared in Graph/vocabulary.ttl with a Japanese and an English label.
    @Test func bothSyntaxesAreOneGraphInTheVocabulary() throws {
        let store = try DefaultGraph.open()
        let directory = TemporaryDirectory("oxigraph")
        defer { directory.remove() }
        var files: [String] = []
        for syntax in RDFSyntax.allCases {
            let path = directory.file("graph." + syntax.rawValue)
            try syntax.write(try GraphRDF().triples(of: store.current)).write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let answers = try Oxigraph.run(data: files, queries: [], vocabulary: Wardgraph.packageRoot.path + "/Graph/vocabulary.ttl")
        #expect(answers.sameGraph)
        #expect(answers.triples > 5000)
        #expect(answers.undeclared.isEmpty, "used but not in Graph/vocabulary.ttl: \(answers.undeclared)")
        #expect(answers.unlabelled.isEmpty, "declared without both a @ja and an @en label: \(answers.unlabelled)")
    }
}

/// Runs pyoxigraph in a Python found through `WARDGRAPH_PYTHON` or `.build/venv`.
enum Oxigraph {
    static let python: String? = {
        let candidates = [ProcessInfo.processInfo.environment["WARDGRAPH_PYTHON"], Wardgraph.packageRoot.path + "/.build/venv/bin/python3"]
        for case let candidate? in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if (try? Python.run("import pyoxigraph", python: candidate)) != nil { return candidate }
        }
        return nil
    }()

    struct Answers: Decodable {
        let triples: Int
        let sameGraph: Bool
        let queries: [String: [[String]]]
        let undeclared: [String]
        let unlabelled: [String]
    }

    /// Loads each of `data` into its own store, runs `queries` on the first, and
    /// checks the terms used against `vocabulary`.
    static func run(data: [String], queries: [String], vocabulary: String? = nil) throws -> Answers {
        let output = try Python.run(script, [vocabulary ?? ""] + data + ["--"] + queries, python: python)
        return try JSONDecoder().decode(Answers.self, from: Data(output.utf8))
    }

    private static let script = #"""
    import json, os, sys
    import pyoxigraph as ox
    args = sys.argv[1:]
    vocabulary, rest = args[0], args[1:]
    split = rest.index("--")
    data, queries = rest[:split], rest[split + 1:]
    def load(path):
        store = ox.Store()
        fmt = ox.RdfFormat.TURTLE if path.endswith(".ttl") else ox.RdfFormat.N_TRIPLES
        store.load(path=path, format=fmt)
        return store
    stores = [load(p) for p in data]
    graphs = [set((q.subject, q.predicate, q.object) for q in s) for s in stores]
    def text(term):
        return "" if term is None else term.value
    answers = {}
    for q in queries:
        with open(q, encoding="utf-8") as f:
            result = stores[0].query(f.read())
        answers[os.path.basename(q)] = [[text(t) for t in row] for row in result]
    undeclared, unlabelled = [], []
    if vocabulary:
        vocab = load(vocabulary)
        WG = "https://w3id.org/wardgraph/vocab#"
        RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        used = set()
        for (s, p, o) in graphs[0]:
            if p.value.startswith(WG): used.add(p.value)
            if p == RDF_TYPE and isinstance(o, ox.NamedNode) and o.value.startswith(WG): used.add(o.value)
        declared = set(q.subject.value for q in vocab.quads_for_pattern(None, RDF_TYPE, None))
        undeclared = sorted(used - declared)
        for term in sorted(t for t in declared if t.startswith(WG) and t != WG):
            langs = set(q.object.language for q in vocab.quads_for_pattern(ox.NamedNode(term), LABEL, None))
            if not {"ja", "en"} <= langs: unlabelled.append(term)
    print(json.dumps({
        "triples": len(graphs[0]),
        "sameGraph": all(g == graphs[0] for g in graphs),
        "queries": answers, "undeclared": undeclared, "unlabelled": unlabelled,
    }, ensure_ascii=False))
    """#
}
