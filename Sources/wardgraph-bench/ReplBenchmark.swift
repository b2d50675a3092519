import Foundation
import Ingestion
import Querying
import REPL
import TestSupport
import WardGraph

/// The REPL's start-up (opening the store, the prelude, checking the rules) and the
/// round trip of a shared_partner query, measured in the process.
enum ReplBenchmark {
    final class Discard: ReplOutput {
        var bytes = 0
        func write(_ text: String) { bytes += text.utf8.count }
        func error(_ text: String) { bytes += text.utf8.count }
    }

    static func run(arguments: [String]) throws {
        let root = arguments.first ?? FileManager.default.currentDirectoryPath
        let directory = TemporaryDirectory("wardgraph-repl")
        defer { directory.remove() }
        let path = directory.file("g.log")
        _ = try DefaultStore.build(at: path, sources: root + "/" + ProjectLayout.sources, lexiconDirectory: root + "/" + ProjectLayout.lexicon)
        let prelude = try String(contentsOfFile: root + "/" + Prelude.relativePath, encoding: .utf8)

        var startups: [Double] = []
        var roundTrips: [Double] = []
        for _ in 0..<21 {
            let output = Discard()
            var clock = Stopwatch()
            let store = try GraphStore.open(at: path)
            let session = ReplSession(store: store, author: "bench", output: output, prelude: ("prelude.dl", prelude), lexiconDirectory: nil)
            startups.append(clock.lap())
            session.handle("?- shared_partner(泉区, W, P).")
            roundTrips.append(clock.lap())
            precondition(output.bytes > 0)
        }
        startups.sort()
        roundTrips.sort()
        print(String(format: "REPL start-up (open the store, load and check the prelude): median %.1f ms (fastest %.1f, slowest %.1f) over 21",
                     startups[10] * 1000, startups[0] * 1000, startups[20] * 1000))
        print(String(format: "shared_partner query round trip (parse, analyse, evaluate, format): median %.1f ms (fastest %.1f, slowest %.1f) over 21",
                     roundTrips[10] * 1000, roundTrips[0] * 1000, roundTrips[20] * 1000))
    }
}
