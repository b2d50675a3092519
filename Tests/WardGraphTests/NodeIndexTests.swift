import Dispatch
import Foundation
import Testing
import TestSupport
@testable import WardGraph

/// The node index against the scans it replaces: for random logs of assertions and
/// retractions (edges both ways, self-loops, several labels, people's and documents'
/// changes), every node's facts, edges in, labels and history, at every transaction.
@Suite struct NodeIndexTests {
    @Test(arguments: [1, 2, 3, 4])
    func agreesWithTheScans(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var random = SplitMix64(seed: seed)
        let measures = (0..<6).map { NodeID.derived(.measure, ["泉区", "R7", "\($0)"]) }
        let partners = (0..<4).map { NodeID.derived(.partner, ["団体\($0)"]) }
        let ward = NodeID.derived(.ward, ["泉区"])
        func anyMeasure(_ random: inout SplitMix64) -> NodeID { measures[random.next(below: measures.count)] }
        let store = try GraphStore.open(at: directory.file("g.log"), create: true, writer: "test")
        for round in 0..<50 {
            var changes: [Change] = []
            for _ in 0..<(random.next(below: 5) + 1) {
                let measure = anyMeasure(&random)
                let fact: Fact
                switch random.next(below: 6) {
                case 0: fact = Fact(ward, .hasMeasure, measure)
                case 1: fact = Fact(measure, .partnersWith, partners[random.next(below: partners.count)])
                case 2: fact = Fact(measure, .subMeasure, anyMeasure(&random))  // self-loops too
                case 3: fact = Fact(measure, "label", .text(["施策", "見守り", String(measure.lastSegment)][random.next(below: 3)]))
                case 4: fact = Fact(partners[random.next(below: partners.count)], "label", .text("団体 \(random.next(below: 3))"))
                default: fact = Fact(measure, "level", .integer(Int64(random.next(below: 3))))
                }
                let current = store.current
                if current.contains(fact) && random.next(below: 2) == 0 {
                    changes.append(.retract(fact))
                } else {
                    changes.append(.assert(fact, source: Source(document: "d.txt", line: random.next(below: 90) + 1)))
                }
            }
            try store.commit(changes, author: round % 3 == 0 ? "山田" : "ingest")
        }
        let nodes = [ward] + measures + partners + [NodeID.derived(.partner, ["どこにもない"])]
        for tx in 0...store.lastTransactionID {
            // The scans, on a copy without the index (with it, they read the index).
            let snapshot = try store.snapshot(asOf: tx).withoutMemo
            let index = try store.snapshot(asOf: tx).nodeIndex
            let facts = snapshot.facts()
            for id in nodes {
                let about = index.facts(about: id)
                #expect(Set(about.map { Fact(id, $0.attribute, $0.value) }) == Set(snapshot.facts(about: id)), "facts about \(id) at \(tx)")
                for fact in about {
                    #expect(fact.provenance == snapshot.provenance(of: Fact(id, fact.attribute, fact.value)), "provenance at \(tx)")
                }
                let into = index.edges(into: id).map { Fact($0.from, $0.edge, .node(id)) }
                #expect(Set(into) == Set(facts.filter { $0.value == .node(id) }), "edges into \(id) at \(tx)")
                #expect(index.history(of: id) == snapshot.history(of: id), "history of \(id) at \(tx)")
                #expect(index.contains(id) == (!about.isEmpty || !into.isEmpty))
            }
            #expect(index.labels(of: nodes) == snapshot.labels(of: nodes), "labels at \(tx)")
        }
    }

    /// Once a snapshot has its index, its scans answer from it, and the same.
    @Test func snapshotsReadTheirIndexOnceMade() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try GraphStore.open(at: directory.file("g.log"), create: true, writer: "test")
        let ward = NodeID.derived(.ward, ["泉区"]), measure = NodeID.derived(.measure, ["泉区", "R7", "1"])
        try store.commit([.assert(Fact(ward, "label", .text("泉区"))), .assert(Fact(ward, .hasMeasure, measure))], author: "test")
        try store.commit([.assert(Fact(measure, "label", .text("見守り"))), .retract(Fact(ward, .hasMeasure, measure))], author: "test")
        let snapshot = store.current
        let before = (snapshot.labels(of: [ward, measure]), snapshot.history(of: measure), snapshot.facts(about: ward))
        _ = snapshot.nodeIndex
        #expect(snapshot.labels(of: [ward, measure]) == before.0)
        #expect(snapshot.history(of: measure) == before.1)
        #expect(snapshot.facts(about: ward) == before.2)
        #expect(before.0 == [measure: "見守り"] && before.1.count == 3 && before.2.count == 1)
    }

    /// Threads that ask a snapshot for its index at once get one index, made once.
    @Test func isMadeOncePerSnapshot() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try GraphStore.open(at: directory.file("g.log"), create: true, writer: "test")
        try store.commit([.assert(Fact(NodeID.derived(.ward, ["泉区"]), "label", .text("泉区")), source: nil)], author: "test")
        let snapshot = store.current
        let copy = snapshot
        let seen = NSLock()
        nonisolated(unsafe) var indexes: [ObjectIdentifier] = []
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let index = copy.nodeIndex
            seen.lock()
            indexes.append(ObjectIdentifier(index))
            seen.unlock()
        }
        #expect(Set(indexes) == [ObjectIdentifier(snapshot.nodeIndex)])
        #expect(ObjectIdentifier(store.current.nodeIndex) != ObjectIdentifier(snapshot.nodeIndex), "a snapshot taken anew has its own")
    }
}
