import Foundation
import TestSupport
import WardGraph

/// Measures the log store: durable single-fact commits, a bulk transaction of a
/// million facts, replaying it, and its size on disk.
enum StoreBenchmark {
    static func run(arguments: [String]) throws {
        let factCount = arguments.first.flatMap(Int.init) ?? 1_000_000
        let singleCommits = arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
        let directory = TemporaryDirectory("wardgraph-bench")
        defer { directory.remove() }

        // 1. Durable single-fact transactions: one fdatasync each.
        let singlePath = directory.file("single.log")
        let single = try GraphStore.open(at: singlePath, create: true, writer: "bench")
        var clock = Stopwatch()
        for i in 0..<singleCommits {
            try single.commit([.assert(Fact(NodeID.derived(.measure, ["泉区", "R7", "\(i)"]), "level", .integer(Int64(i))))], author: "bench")
        }
        let singleSeconds = clock.lap()
        single.close()
        report("durable single-fact transactions", "\(singleCommits) commits in \(format(singleSeconds)) s = \(Int(Double(singleCommits) / singleSeconds)) transactions/s")

        // 1b. Replaying many small transactions: per-record costs must stay constant.
        clock = Stopwatch()
        let reopenedSingle = try GraphStore.open(at: singlePath)
        let reopenSeconds = clock.lap()
        precondition(reopenedSingle.factCount == singleCommits, "replay lost facts")
        report("replay of small transactions (open)", "\(singleCommits) transactions in \(format(reopenSeconds)) s = \(Int(Double(singleCommits) / reopenSeconds)) transactions/s")

        // 2. Bulk: one transaction of `factCount` facts with document provenance.
        clock = Stopwatch()
        let changes = SyntheticGraph.changes(count: factCount)
        let buildSeconds = clock.lap()
        let bulkPath = directory.file("bulk.log")
        let bulk = try GraphStore.open(at: bulkPath, create: true, writer: "bench")
        clock = Stopwatch()
        try bulk.commit(changes, author: "bench", origin: .document(key: "document:bench"))
        let commitSeconds = clock.lap()
        bulk.close()
        report("bulk ingest, one transaction", "\(factCount) facts committed durably in \(format(commitSeconds)) s = \(Int(Double(factCount) / commitSeconds)) facts/s (building the Change values took another \(format(buildSeconds)) s)")

        // 3. Replay: open the log, decode every record, rebuild the graph in memory.
        var best = Double.infinity
        for _ in 0..<3 {
            clock = Stopwatch()
            let reopened = try GraphStore.open(at: bulkPath)
            let seconds = clock.lap()
            precondition(reopened.factCount == factCount, "replay lost facts")
            best = min(best, seconds)
        }
        report("replay (open)", "\(factCount) facts in \(format(best)) s = \(Int(Double(factCount) / best)) facts/s (best of 3)")

        // 4. Size on disk.
        let size = (try FileManager.default.attributesOfItem(atPath: bulkPath)[.size] as? NSNumber)?.intValue ?? 0
        report("bytes per fact on disk", String(format: "%.1f (%d bytes for %d facts, with provenance)", Double(size) / Double(factCount), size, factCount))
    }

    static func report(_ what: String, _ figure: String) {
        print("\(what): \(figure)")
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}

/// A realistic synthetic graph: wards with measures that have labels, levels,
/// partners (drawn from a skewed pool), plans and source lines.
enum SyntheticGraph {
    static func changes(count: Int) -> [Change] {
        var changes: [Change] = []
        changes.reserveCapacity(count)
        var generator = SplitMix64(seed: 20_240_601)
        let partners = (0..<5_000).map { NodeID.derived(.partner, ["団体\($0)"]) }
        let plans = (1...5).flatMap { theme in (1...9).map { NodeID.derived(.plan, ["横浜市中期計画", String(format: "テーマ%02d", theme), "戦略\($0)"]) } }
        var measure = 0
        while changes.count < count {
            let wardIndex = measure / 100
            let ward = NodeID.derived(.ward, ["区\(wardIndex)"])
            let id = NodeID.derived(.measure, ["区\(wardIndex)", "R7", "\(measure % 100 / 10 + 1).\(measure % 10 + 1)"])
            let line = Int(generator.next() % 900) + 1
            let source = Source(document: "ward-\(wardIndex).txt", lines: line...(line + 3))
            let partner = partners[Int(min(generator.next() % 5_000, generator.next() % 5_000))]
            let plan = plans[Int(generator.next() % UInt64(plans.count))]
            let facts: [Fact] = [
                Fact(ward, .hasMeasure, id),
                Fact(id, "label", .text("施策\(measure) 地域の魅力づくりと発信")),
                Fact(id, "level", .integer(2)),
                Fact(id, .partnersWith, partner),
                Fact(id, .implements, plan),
                Fact(id, "line", .integer(Int64(line))),
                Fact(id, .fromDocument, NodeID.derived(.document, ["区\(wardIndex)", "R7"])),
            ]
            for fact in facts where changes.count < count {
                changes.append(.assert(fact, source: source))
            }
            measure += 1
        }
        return changes
    }
}


struct Stopwatch {
    private var start = DispatchTime.now().uptimeNanoseconds
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { start = now }
        return Double(now - start) / 1e9
    }
}
