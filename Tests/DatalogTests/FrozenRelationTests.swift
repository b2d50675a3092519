import Testing
import TestSupport
@testable import Datalog

/// A frozen relation (an input, loaded) gives its set back and sorts its rows for
/// its first index: lookups, membership and a second index must still find exactly
/// what a relation that was never frozen finds, whatever the arity.
@Suite struct FrozenRelationTests {
    /// Random rows of `arity` small values, with repeats.
    static func rows(arity: Int, count: Int, seed: UInt64) -> [[UInt32]] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<arity).map { _ in UInt32(g.next(below: 12)) } }
    }

    static func relation(_ rows: [[UInt32]], arity: Int) -> Relation {
        let relation = Relation(name: "r", arity: arity)
        for row in rows { _ = row.withUnsafeBufferPointer { relation.insert($0.baseAddress!) } }
        return relation
    }

    /// The rows an index finds for `key`, walking it as the rule executor does.
    static func lookup(_ relation: Relation, _ columns: [Int], _ key: [UInt32]) -> Set<[UInt32]> {
        let index = relation.index(on: columns)
        var found = Set<[UInt32]>()
        var row = key.withUnsafeBufferPointer { index.newest($0.baseAddress!) }
        while row >= 0 {
            found.insert(relation.tuple(row).map(\.raw))
            row = index.previous(row)
        }
        return found
    }

    @Test(arguments: [1, 2, 3, 4])
    func frozenRelationsFindWhatOthersFind(arity: Int) {
        let rows = Self.rows(arity: arity, count: 400, seed: UInt64(arity))
        let plain = Self.relation(rows, arity: arity)
        let frozen = Self.relation(rows, arity: arity)
        frozen.freeze()
        #expect(frozen.isFrozen)
        #expect(frozen.count == Set(rows).count)
        let first = arity > 1 ? [arity - 1] : [0]
        let second = arity > 2 ? [0, 2] : [0]
        // The first index asked for sorts the rows: a range index.
        #expect(frozen.index(on: first).isRange)
        #expect(frozen.index(on: first).byteCount < plain.index(on: first).byteCount)
        var g = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let probe = (0..<arity).map { _ in UInt32(g.next(below: 14)) }
            let inPlain = probe.withUnsafeBufferPointer { plain.find($0.baseAddress!) != nil }
            let inFrozen = probe.withUnsafeBufferPointer { frozen.find($0.baseAddress!) != nil }
            #expect(inPlain == inFrozen, "\(probe)")
            for columns in [first, second] {
                let key = columns.map { probe[$0] }
                #expect(Self.lookup(plain, columns, key) == Self.lookup(frozen, columns, key), "\(columns) \(key)")
            }
        }
    }

    @Test func aFrozenRelationThatGrowsAgainKeepsItsIndexesRight() {
        let rows = Self.rows(arity: 2, count: 300, seed: 99)
        let relation = Self.relation(rows, arity: 2)
        relation.freeze()
        _ = Self.lookup(relation, [1], [3])
        let added: [UInt32] = [40, 3]
        #expect(added.withUnsafeBufferPointer { relation.insert($0.baseAddress!) })
        #expect(!relation.isFrozen)
        #expect(!added.withUnsafeBufferPointer { relation.insert($0.baseAddress!) })
        let expected = Set(rows.filter { $0[1] == 3 }).union([added])
        #expect(Self.lookup(relation, [1], [3]) == expected)
        #expect(!relation.index(on: [1]).isRange)
    }

    /// An input is loaded in bulk: rows appended with no set, then sorted and made
    /// distinct. Frozen, or extended by rules afterwards, it must hold and find what
    /// a relation filled one insert at a time holds.
    @Test(arguments: [1, 2, 3])
    func bulkLoadsHoldWhatInsertsHold(arity: Int) {
        let rows = Self.rows(arity: arity, count: 500, seed: UInt64(10 + arity))
        let plain = Self.relation(rows, arity: arity)
        for frozen in [true, false] {
            let loaded = Relation(name: "r", arity: arity)
            loaded.beginLoading()
            for row in rows { row.withUnsafeBufferPointer { loaded.load($0.baseAddress!, count: 1) } }
            #expect(loaded.count == rows.count)
            loaded.endLoading(frozen: frozen)
            #expect(loaded.count == plain.count && loaded.isFrozen == frozen)
            #expect(Set((0..<loaded.count).map { loaded.tuple($0).map(\.raw) }) == Set(rows))
            // An index on other leading columns than the sort's sorts the rows again, while no index depends on them.
            let columns = [arity - 1]
            var g = SplitMix64(seed: 5)
            for _ in 0..<50 {
                let key = [UInt32(g.next(below: 12))]
                #expect(Self.lookup(loaded, columns, key) == Self.lookup(plain, columns, key))
            }
            if frozen { #expect(loaded.index(on: columns).isRange) }
            for row in rows.prefix(50) {
                #expect(row.withUnsafeBufferPointer { loaded.find($0.baseAddress!) != nil })
                if !frozen { #expect(!row.withUnsafeBufferPointer { loaded.insert($0.baseAddress!) }) }
            }
        }
    }
}
