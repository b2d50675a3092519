import Testing
import TestSupport
@testable import Datalog

/// The deduplicating set of a relation's rows (`TupleSet`) must answer "is this
/// tuple new?" exactly as a set of arrays does, from its first row to many
/// thousands, after `release` and `rebuild`, and with most of its segments never
/// touched; and an empty set must cost only its segment headers, so that programs
/// of thousands of small relations fit in memory.
@Suite struct TupleSetTests {
    static func tuples(arity: Int, count: Int, seed: UInt64) -> [[UInt32]] {
        var g = SplitMix64(seed: seed)
        // Few distinct first values for some, so that segments fill unevenly; repeats.
        return (0..<count).map { _ in (0..<arity).map { column in UInt32(g.next(below: column == 0 ? 50 : 400)) } }
    }

    @Test(arguments: [1, 2, 3], [0, 1, 7, 3_000, 40_000])
    func answersAsASetDoes(arity: Int, count: Int) {
        let rows = TupleBuffer(arity: arity)
        let set = TupleSet(rows: rows)
        var oracle = Set<[UInt32]>()
        let tuples = Self.tuples(arity: arity, count: count, seed: UInt64(arity * 100_003 + count))
        for tuple in tuples {
            let row = tuple.withUnsafeBufferPointer { set.insert($0.baseAddress!) }
            #expect((row != nil) == oracle.insert(tuple).inserted, "\(tuple)")
        }
        #expect(rows.count == oracle.count)
        for tuple in tuples.prefix(500) + Self.tuples(arity: arity, count: 500, seed: 99) {
            let found = tuple.withUnsafeBufferPointer { set.find($0.baseAddress!) }
            #expect((found != nil) == oracle.contains(tuple), "\(tuple)")
            if let found { #expect(Array(UnsafeBufferPointer(start: rows.row(found), count: arity)) == tuple) }
        }

        // Given back and made again from the rows, it answers the same.
        set.release()
        #expect(set.byteCount == TupleSetTests.emptyBytes)
        set.rebuild()
        for tuple in tuples.prefix(500) {
            let found = tuple.withUnsafeBufferPointer { set.find($0.baseAddress!) }
            #expect(found != nil, "\(tuple) lost by release and rebuild")
        }
        let again = tuples.first.map { tuple in tuple.withUnsafeBufferPointer { set.insert($0.baseAddress!) } }
        #expect(again == nil || again! == nil, "a row held before release is new again after rebuild")
    }

    static let emptyBytes = TupleSet(rows: TupleBuffer(arity: 2)).byteCount

    @Test func anEmptySetCostsOnlyItsSegmentHeaders() {
        // 1,024 headers of 16 bytes; no slots until a segment takes its first row.
        #expect(Self.emptyBytes <= 16 * 1_024)
        let rows = TupleBuffer(arity: 2)
        let set = TupleSet(rows: rows)
        _ = [UInt32(1), 2].withUnsafeBufferPointer { set.insert($0.baseAddress!) }
        #expect(set.byteCount < Self.emptyBytes + 64, "one row took one small segment, not all of them")
    }

    /// A set of one row has one segment with slots of its own; the other 1,023 share
    /// the empty slot (before, each had 4 slots of its own from the start: 57 KiB and
    /// 1,024 allocations per set, 600 MB for a chain of 10,000 rules).
    @Test func oneRowTakesOneSegment() {
        let set = TupleSet(rows: TupleBuffer(arity: 1, capacity: 1))
        #expect(set.segmentsWithSlots == 0)
        _ = [UInt32(7)].withUnsafeBufferPointer { set.insert($0.baseAddress!) }
        #expect(set.segmentsWithSlots == 1)
        set.release()
        #expect(set.segmentsWithSlots == 0)
    }
}
