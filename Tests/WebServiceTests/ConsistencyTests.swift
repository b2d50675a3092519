import Foundation
import Testing
import TestSupport
import WardGraph
import WebService

/// Readers while the log grows: each response reads one transaction's graph, and a
/// transaction appended by another process is served within a second.
@Suite struct ConsistencyTests {
    /// The facts at each transaction, as the store itself counts them.
    static func facts(_ storePath: String) throws -> [Int: Int] {
        let store = try GraphStore.open(at: storePath)
        var facts: [Int: Int] = [:]
        for tx in 0...store.lastTransactionID { facts[Int(tx)] = try store.snapshot(asOf: tx).factCount }
        return facts
    }

    @Test func readersDuringAnIngestSeeOneTransactionEach() throws {
        // Four documents now; the fifth arrives through `wardgraph ingest`, another process.
        let service = try TestService(documents: ["asahi-r8.txt", "izumi-r7.txt", "kanazawa-r4.txt", "konan-r7.txt"])
        let before = try Self.facts(service.storePath)
        #expect(try service.get("/healthz").json?["tx"] as? Int == 4)

        let stop = Flag()
        let problems = Problems()
        let seen = Problems()
        let port = service.port
        let readers = (0..<4).map { reader in
            Thread {
                while !stop.isSet {
                    do {
                        if reader % 2 == 0 {
                            // Stats: the facts counted must be those of the transaction named.
                            let response = try RawHTTP.request(port: port, "GET", "/api/stats")
                            let json = response.json ?? [:]
                            guard let tx = json["tx"] as? Int, let facts = json["facts"] as? Int,
                                  response.headers["x-wardgraph-transaction"] == String(tx) else {
                                problems.add("stats without its transaction: \(response.text)")
                                continue
                            }
                            seen.add("\(tx)")
                            if tx == 4, facts != before[4] { problems.add("tx 4 with \(facts) facts") }
                            if tx == 5, facts != 1412 { problems.add("tx 5 with \(facts) facts") }
                        } else {
                            // A query: 港北区 is in the answer only from transaction 5 on.
                            let response = try RawHTTP.request(port: port, "POST", "/api/query", body: #"{"program": "?- shared_partner(泉区, W, P)."}"#)
                            let json = response.json ?? [:]
                            guard let tx = json["tx"] as? Int, let total = json["total_rows"] as? Int else {
                                problems.add("query without its transaction: \(response.text)")
                                continue
                            }
                            let hasKohoku = response.text.contains("港北区")
                            if (tx == 5) != hasKohoku || (tx == 5 && total != 10) { problems.add("tx \(tx): \(total) rows, 港北区 \(hasKohoku)") }
                        }
                    } catch {
                        problems.add("\(error)")
                    }
                }
            }
        }
        readers.forEach { $0.start() }
        usleep(200_000)
        let ingest = try Wardgraph.run(
            ["ingest", "--store", service.storePath, "--lexicon", Wardgraph.packageRoot.path + "/Graph/lexicon",
             Wardgraph.packageRoot.path + "/Graph/sources/kohoku-r7.txt"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let ingested = Date()
        var servedAfter: Double?
        while Date().timeIntervalSince(ingested) < 3 {
            if try service.get("/healthz").json?["tx"] as? Int == 5 {
                servedAfter = Date().timeIntervalSince(ingested)
                break
            }
            usleep(20_000)
        }
        usleep(300_000)
        stop.set()
        usleep(200_000)
        #expect(problems.all.isEmpty, "\(problems.all.prefix(5))")
        #expect(Set(seen.all) == ["4", "5"])
        let seconds = try #require(servedAfter)
        #expect(seconds < 1, "served \(seconds) s after the ingest")
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
        func set() { lock.lock(); value = true; lock.unlock() }
    }

    final class Problems: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
        func add(_ problem: String) { lock.lock(); items.append(problem); lock.unlock() }
    }
}
