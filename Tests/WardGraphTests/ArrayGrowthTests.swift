import Testing
@testable import WardGraph

/// Replay reserves room before each record; exact reservations would copy the
/// whole history once per transaction.
@Suite struct ArrayGrowthTests {
    @Test func reservingForEachSmallBatchGrowsGeometrically() {
        var values: [Int] = []
        var reallocations = 0
        for i in 0..<100_000 {
            let before = values.capacity
            values.reserveGrowing(values.count + 1)
            if values.capacity != before { reallocations += 1 }
            values.append(i)
        }
        #expect(reallocations <= 20, "grew \(reallocations) times for 100,000 one-element batches")
    }

    @Test func aLargeReservationIsTakenWhole() {
        var values = [1, 2, 3]
        values.reserveGrowing(1_000)
        #expect(values.capacity >= 1_000)
        #expect(values == [1, 2, 3])
    }

    @Test func replayingManySmallTransactionsKeepsTheFactTableGrowingGeometrically() {
        var table = FactTable()
        var reallocations = 0
        for i in 0..<20_000 {
            let before = table.facts.capacity
            table.reserveCapacity(table.count + 1)
            if table.facts.capacity != before { reallocations += 1 }
            table.set(StoredFact(entity: UInt32(i), attribute: 1, value: .integer(Int64(i))),
                      GraphState.Support(assertion: UInt32(i), byPerson: false))
        }
        #expect(reallocations <= 20)
        #expect(table.count == 20_000)
    }
}
