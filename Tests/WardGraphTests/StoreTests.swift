import Foundation
import Testing
import TestSupport
@testable import WardGraph

@Suite struct StoreTests {
    let ward = try! NodeID(parsing: "ward:泉区")
    let m1 = try! NodeID(parsing: "measure:泉区/R7/1")
    let m2 = try! NodeID(parsing: "measure:泉区/R7/2")
    let partner = try! NodeID(parsing: "partner:社会福祉協議会")

    @Test func commitsReopenAndReadAsOf() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("g.log")
        let store = try GraphStore.open(at: path, create: true, writer: "test")
        let source = Source(document: "izumi-r7.txt", lines: 28...30)
        try store.commit([.assert(Fact(ward, .hasMeasure, m1), source: source), .assert(Fact(m1, "label", .text("にぎわい")))], author: "a")
        try store.commit([.assert(Fact(m1, .partnersWith, partner))], author: "b")
        try store.commit([.retract(Fact(m1, .partnersWith, partner)), .assert(Fact(ward, .hasMeasure, m2))], author: "c")
        store.close()

        let reopened = try GraphStore.open(at: path)
        #expect(reopened.transactions.map(\.id) == [1, 2, 3])
        #expect(reopened.transactions.map(\.author) == ["a", "b", "c"])
        #expect(Set(reopened.current.facts()) == [Fact(ward, .hasMeasure, m1), Fact(m1, "label", .text("にぎわい")), Fact(ward, .hasMeasure, m2)])
        #expect(try reopened.snapshot(asOf: 0).factCount == 0)
        #expect(try reopened.snapshot(asOf: 1).factCount == 2)
        #expect(try reopened.snapshot(asOf: 2).contains(Fact(m1, .partnersWith, partner)))
        #expect(try !reopened.snapshot(asOf: 3).contains(Fact(m1, .partnersWith, partner)))
        #expect(throws: StoreError.self) { try reopened.snapshot(asOf: 4) }

        let provenance = reopened.current.provenance(of: Fact(ward, .hasMeasure, m1))
        #expect(provenance?.source == source)
        #expect(provenance?.transaction == 1)
        #expect(provenance?.author == "a")

        let history = reopened.history(of: partner)
        #expect(history.map(\.transaction) == [2, 3])
        #expect(history.map(\.change.kind) == [.assert, .retract])
    }

    @Test func refusedChangesWriteNothing() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("g.log")
        let store = try GraphStore.open(at: path, create: true, writer: "test")
        try store.commit([.assert(Fact(ward, .hasMeasure, m1))], author: "a")
        let size = store.fileSize
        #expect(throws: StoreError.self) {
            try store.commit([.assert(Fact(ward, .hasMeasure, m2)), .retract(Fact(m1, .partnersWith, partner))], author: "a")
        }
        #expect(throws: StoreError.self) {
            try store.commit([.assert(Fact(ward, .partnersWith, partner))], author: "a")
        }
        #expect(store.fileSize == size)
        #expect(store.lastTransactionID == 1)
        #expect(!store.current.contains(Fact(ward, .hasMeasure, m2)))
        store.close()
        #expect(try GraphStore.open(at: path).transactions.count == 1)
    }

    @Test func retractionWithinOneTransactionSeesEarlierAssertion() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try GraphStore.open(at: dir.file("g.log"), create: true, writer: "test")
        try store.commit([.assert(Fact(ward, .hasMeasure, m1)), .retract(Fact(ward, .hasMeasure, m1))], author: "a")
        #expect(store.factCount == 0)
        #expect(store.operationCount == 2)
    }

    @Test func tracksWhatPeopleAssertedAndRetracted() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try GraphStore.open(at: dir.file("g.log"), create: true, writer: "test")
        let edge = Fact(m1, .partnersWith, partner)
        let other = Fact(ward, .hasMeasure, m1)
        try store.commit([.assert(edge), .assert(other)], author: "ingest", origin: .document(key: "document:泉区/R7"))
        #expect(!store.current.isAssertedByPerson(edge))
        try store.commit([.assert(edge)], author: "planner")
        #expect(store.current.isAssertedByPerson(edge))
        try store.commit([.retract(other)], author: "planner")
        #expect(store.current.isRetractedByPerson(other))
        try store.commit([.assert(other)], author: "ingest", origin: .document(key: "document:泉区/R7"))
        #expect(!store.current.isRetractedByPerson(other))
    }

    @Test func aReaderCatchesUpAndCommitsWithoutHoldingTheLock() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("g.log")
        let reader = try GraphStore.open(at: path, create: true)
        let writer = try GraphStore.open(at: path, writer: "writer")
        try writer.commit([.assert(Fact(ward, .hasMeasure, m1))], author: "w")
        // While the writer holds the lock, the reader's commit is refused with a clear error.
        #expect(throws: StoreError.self) { try reader.commit([.assert(Fact(ward, .hasMeasure, m2))], author: "r") }
        writer.close()
        #expect(try reader.refresh() == 1)
        try reader.commit([.assert(Fact(ward, .hasMeasure, m2))], author: "r")
        #expect(reader.lastTransactionID == 2)
        #expect(try GraphStore.open(at: path).factCount == 2)
    }

    @Test func savedProgramsSurviveReopening() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("g.log")
        let store = try GraphStore.open(at: path, create: true, writer: "test")
        try store.saveProgram(name: "session", text: "a(X) :- b(X).", author: "p")
        try store.saveProgram(name: "session", text: "a(X) :- c(X).", author: "p")
        store.close()
        let reopened = try GraphStore.open(at: path)
        #expect(reopened.programs["session"]?.text == "a(X) :- c(X).")
        #expect(reopened.programs["session"]?.transaction == 2)
    }

    /// Random assertions and retractions against a plain set of facts as the oracle:
    /// the store, reopened, must hold the same facts now and as of every transaction.
    @Test(arguments: [1, 2, 3])
    func matchesASetOracle(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("g.log")
        var random = SplitMix64(seed: seed)
        let universe: [Fact] = (0..<40).map { i in
            let measure = NodeID.derived(.measure, ["泉区", "R7", "\(i % 7)"])
            switch i % 4 {
            case 0: return Fact(ward, .hasMeasure, measure)
            case 1: return Fact(measure, .partnersWith, NodeID.derived(.partner, ["団体\(i)"]))
            case 2: return Fact(measure, "label", .text("施策 \(i)"))
            default: return Fact(measure, "level", .integer(Int64(i) - 20))
            }
        }
        var oracle: Set<Fact> = []
        var history: [Set<Fact>] = [[]]
        let store = try GraphStore.open(at: path, create: true, writer: "test")
        for _ in 0..<60 {
            var changes: [Change] = []
            var pending = oracle
            for _ in 0..<Int(random.next() % 5 + 1) {
                let fact = universe[Int(random.next() % UInt64(universe.count))]
                if pending.contains(fact), random.next() % 2 == 0 {
                    changes.append(.retract(fact))
                    pending.remove(fact)
                } else {
                    changes.append(.assert(fact, source: Source(document: "d.txt", line: Int(random.next() % 100) + 1)))
                    pending.insert(fact)
                }
            }
            try store.commit(changes, author: "p")
            oracle = pending
            history.append(oracle)
        }
        store.close()
        let reopened = try GraphStore.open(at: path)
        #expect(Set(reopened.current.facts()) == oracle)
        for (id, expected) in history.enumerated() {
            #expect(Set(try reopened.snapshot(asOf: UInt64(id)).facts()) == expected, "as of \(id)")
        }
    }
}
