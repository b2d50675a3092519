import Foundation
import Testing
import TestSupport

/// `wardgraph export --format nt|ttl|souffle` and `wardgraph translate` through the
/// binary: files written, escaping, usage errors, located translation errors.
@Suite struct InterchangeCommandTests {
    /// A small store with texts Soufflé's fact files must quote.
    static func hostileStore(_ dir: TemporaryDirectory) throws -> String {
        let store = dir.file("g.log")
        let facts = """
            ward:泉区\tlabel\t泉区
            ward:泉区\thas_measure\tmeasure:泉区/R7/1
            measure:泉区/R7/1\tlabel\t"\\"引用\\"で始まる\\tタブ入り"
            measure:泉区/R7/1\tlevel\t1
            measure:泉区/R7/1\tnote\t"二行\\nの説明"

            """
        let result = try Wardgraph.run(["assert", "--store", store], input: facts)
        #expect(result.status == 0, "\(result.stderr)")
        return store
    }

    @Test func souffleFactsQuoteWhatTheyMust() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.hostileStore(dir)
        let result = try Wardgraph.run(["export", "--format", "souffle", "-o", dir.file("facts"), "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("schema.dl"))
        let label = try String(contentsOfFile: dir.file("facts/label.facts"), encoding: .utf8)
        #expect(label.contains("measure:泉区/R7/1\t\"\"\"引用\"\"で始まる\tタブ入り\"\n"))
        #expect(label.contains("ward:泉区\t泉区\n"))
        let attr = try String(contentsOfFile: dir.file("facts/attr.facts"), encoding: .utf8)
        #expect(attr.contains("measure:泉区/R7/1\tlevel\t1\n"))
        #expect(attr.contains("measure:泉区/R7/1\tnote\t\"二行\nの説明\"\n"))
        let schema = try String(contentsOfFile: dir.file("facts/schema.dl"), encoding: .utf8)
        #expect(schema.contains(".decl source(c1: symbol, c2: symbol, c3: number)\n.input source(IO=file, filename=\"source.facts\", rfc4180=true, delimiter=\"\\t\")\n"))
    }

    @Test func rdfGoesToAFileOrStandardOutput() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.hostileStore(dir)
        let nt = try Wardgraph.run(["export", "--format", "nt", "--store", store, "--base", "https://data.example.jp/wg/"])
        #expect(nt.status == 0, "\(nt.stderr)")
        #expect(nt.stdout.contains("<https://data.example.jp/wg/measure/%E6%B3%89%E5%8C%BA/R7/1> <http://www.w3.org/2000/01/rdf-schema#label> \"\\\"引用\\\"で始まる\\tタブ入り\"@ja .\n"))
        #expect(nt.stdout.contains("<https://w3id.org/wardgraph/vocab#note> \"二行\\nの説明\" .\n"))
        let ttl = try Wardgraph.run(["export", "-o", dir.file("g.ttl"), "--store", store])
        #expect(ttl.status == 0, "\(ttl.stderr)")
        #expect(ttl.stderr.hasPrefix("wrote \(dir.file("g.ttl"))"))
        #expect(try String(contentsOfFile: dir.file("g.ttl"), encoding: .utf8).hasPrefix("@prefix wg: "))
        let asOf = try Wardgraph.run(["export", "--format", "nt", "--as-of", "0", "--store", store])
        #expect(asOf.status == 0 && asOf.stdout.isEmpty)
    }

    /// Usage errors exit with 2, requests an export cannot answer with 1; both say what to do.
    @Test(arguments: [
        (["export", "--format", "nt", "--ward", "泉区"], 1 as Int32, "nt exports the whole graph with its provenance"),
        (["export", "--format", "ttl", "--base", "example.org/"], 1, "is not a usable base IRI: it does not start with a scheme"),
        (["export", "--format", "souffle"], 2, "give it with -o DIR"),
        (["export", "--format", "souffle", "--ward", "泉区", "-o", "x"], 2, "--ward does not apply to --format souffle"),
        (["export", "--base", "https://x.org/"], 2, "--base applies to RDF"),
        (["export", "--format", "rdf"], 2, "unknown format 'rdf'"),
        (["translate", "-e", "?- ward(W)."], 2, "--to souffle"),
        (["translate", "--to", "clingo", "-e", "?- ward(W)."], 2, "unknown target 'clingo'"),
    ])
    func wrongRequestsSayWhatToDo(arguments: [String], status: Int32, message: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.hostileStore(dir)
        let result = try Wardgraph.run(arguments + ["--store", store])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func whatDoesNotTranslateIsReportedWhereItIs() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.hostileStore(dir)
        let program = dir.file("p.dl")
        try "names(W, collect(P)) :- ward_partner(W, P).\n?- names(W, Ps), length(W, 2).\n".write(toFile: program, atomically: true, encoding: .utf8)
        let result = try Wardgraph.run(["translate", "--to", "souffle", program, "--store", store])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(program):1:10: error: does not translate to Soufflé: collect(…)"))
        #expect(result.stderr.contains("\(program):2:18: error: does not translate to Soufflé: length(…)"))
    }

    @Test func theTranslationNamesItsOutputs() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.hostileStore(dir)
        let result = try Wardgraph.run(["translate", "--to", "souffle", "-e", "?- ward(W).\n?- measure(M).", "-o", dir.file("p.dl"), "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("writes query_1.csv, query_2.csv"))
        let text = try String(contentsOfFile: dir.file("p.dl"), encoding: .utf8)
        #expect(text.contains(".output query_1\n") && text.contains(".output query_2\n"))
    }
}
