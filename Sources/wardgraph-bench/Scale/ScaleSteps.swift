import Datalog
import Foundation
import GraphInterchange
import Ingestion
import Querying
import WardGraph

/// The steps of `scale` that run in a child process of their own, so that the
/// peak resident set the parent reads with `wait4` is that step's alone. Each
/// prints one line of JSON.
enum ScaleSteps {
    struct Ingested: Codable {
        let wardYears: Int, wards: Int, years: Int, transactions: Int, facts: Int
        let ingestSeconds: Double
        let storeBytes: Int
    }

    struct Queried: Codable {
        let openSeconds: Double
        let sharedPartnerSeconds: Double, sharedPartnerRows: Int
        let partnerWardsSeconds: Double, partnerWardsRows: Int
    }

    /// The two questions, over the prelude's relations.
    static let sharedPartner = "?- shared_partner(W1, W2, P)."
    static let partnerWards = "?- partner_wards(P, N)."

    /// `scale-ingest PROJECT SIZE DIR`: generates SIZE ward-years and ingests them into DIR/g.log.
    static func ingest(project: String, wardYears: Int, directory: String) throws {
        let shape = SeedShape(try seedSnapshot(project: project))
        let graph = SyntheticWards(shape: shape, wardYears: wardYears)
        let path = directory + "/g.log"
        try? FileManager.default.removeItem(atPath: path)
        let store = try GraphStore.open(at: path, create: true, writer: "wardgraph-bench scale")
        var transactions = 0
        var seconds = 0.0
        try graph.forEachDocument { key, file, changes in
            // Timed as ingest commits a document: one durable transaction.
            var clock = Stopwatch()
            _ = try store.commit(changes, author: "ingest \(file)", origin: .document(key: key))
            seconds += clock.lap()
            transactions += 1
        }
        let facts = store.factCount
        store.close()
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        try emit(Ingested(
            wardYears: wardYears, wards: graph.wards, years: graph.years, transactions: transactions, facts: facts,
            ingestSeconds: seconds, storeBytes: bytes))
    }

    /// `scale-query PROJECT DIR`: opens DIR/g.log (replaying it) and answers both
    /// questions, each in a fresh session as `wardgraph query` would (the graph's
    /// relations loaded, the prelude analysed, the answer computed and sorted).
    static func query(project: String, directory: String) throws {
        var clock = Stopwatch()
        let store = try GraphStore.open(at: directory + "/g.log")
        let openSeconds = clock.lap()
        let prelude = try String(contentsOfFile: project + "/" + Prelude.relativePath, encoding: .utf8)
        func answer(_ text: String) throws -> (seconds: Double, rows: Int) {
            var times: [Double] = []
            var rows = 0
            repeat {
                var clock = Stopwatch()
                let session = QuerySession(limits: Limits(maxDerivedTuples: 2_000_000_000, timeout: 3600))
                session.use(store.current)
                session.keep(name: Prelude.relativePath, text: prelude)
                let outcome = session.run(name: "<scale>", text: text)
                guard outcome.diagnostics.isEmpty, case .result(let result, _)? = outcome.answers.first else {
                    throw ChildProcess.Failure(description: "\(text) failed: \(outcome.diagnostics) \(outcome.answers)")
                }
                times.append(clock.lap())
                rows = result.totalRows
            } while times.count < 3 && times.reduce(0, +) < 5
            return (times.sorted()[times.count / 2], rows)
        }
        let shared = try answer(sharedPartner)
        let partners = try answer(partnerWards)
        try emit(Queried(
            openSeconds: openSeconds, sharedPartnerSeconds: shared.seconds, sharedPartnerRows: shared.rows,
            partnerWardsSeconds: partners.seconds, partnerWardsRows: partners.rows))
    }

    /// `scale-export PROJECT DIR`: the graph as Soufflé facts in DIR/facts, and the
    /// two questions translated to DIR/shared_partner.dl and DIR/partner_wards.dl.
    static func export(project: String, directory: String) throws {
        let store = try GraphStore.open(at: directory + "/g.log")
        try SouffleExport.write(store.current, to: directory + "/facts")
        let prelude = try String(contentsOfFile: project + "/" + Prelude.relativePath, encoding: .utf8)
        for (name, text) in [("shared_partner", sharedPartner), ("partner_wards", partnerWards)] {
            let session = QuerySession()
            session.use(store.current)
            session.keep(name: Prelude.relativePath, text: prelude)
            switch try session.translateToSouffle(name: name, text: text) {
            case .success(let (program, _)):
                try program.text.write(toFile: "\(directory)/\(name).dl", atomically: true, encoding: .utf8)
            case .failure(let rejected):
                throw ChildProcess.Failure(description: "\(name): \(rejected.diagnostics)")
            }
        }
        print("{}")
    }

    /// The graph of the seed documents: the project's default store, built if absent.
    static func seedSnapshot(project: String) throws -> GraphSnapshot {
        let path = project + "/" + ProjectLayout.defaultStore
        if !FileManager.default.fileExists(atPath: path) {
            _ = try DefaultStore.build(at: path, sources: project + "/" + ProjectLayout.sources, lexiconDirectory: project + "/" + ProjectLayout.lexicon)
        }
        return try GraphStore.open(at: path).current
    }

    private static func emit<T: Encodable>(_ value: T) throws {
        print(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }
}
