import Testing
import TestSupport
@testable import Datalog

/// Tuples grouped by their first value (`GroupedTuples`, `Relation.group`) must hold
/// and find exactly what a set of arrays holds, whatever the arity and however the
/// groups are shaped: one tuple, two (held inline), or thousands (a large group
/// that grows again and again).
@Suite struct GroupedTuplesTests {
    /// Random tuples whose first value is skewed: a few keys with many tuples, many with one or two.
    static func tuples(arity: Int, count: Int, seed: UInt64) -> [[UInt32]] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let key = g.next(below: 4) == 0 ? UInt32(g.next(below: 3)) : UInt32(3 + g.next(below: 2_000))
            return [key] + (1..<arity).map { _ in UInt32(g.next(below: key < 3 ? 3_000 : 3)) }
        }
    }

    @Test(arguments: [2, 3, 4])
    func holdsExactlyWhatASetHolds(arity: Int) {
        let grouped = GroupedTuples(arity: arity)
        var oracle = Set<[UInt32]>()
        for tuple in Self.tuples(arity: arity, count: 20_000, seed: UInt64(arity)) {
            let isNew = tuple.withUnsafeBufferPointer { grouped.insert($0.baseAddress!) }
            #expect(isNew == oracle.insert(tuple).inserted, "\(tuple)")
        }
        #expect(grouped.count == oracle.count)
        #expect(grouped.groupCount == Set(oracle.map { $0[0] }).count)

        var seen = Set<[UInt32]>()
        grouped.forEach { tuple in seen.insert(Array(UnsafeBufferPointer(start: tuple, count: arity))) }
        #expect(seen == oracle)

        var g = SplitMix64(seed: 99)
        for probe in Self.tuples(arity: arity, count: 2_000, seed: 7) + oracle.prefix(500) {
            #expect(probe.withUnsafeBufferPointer { grouped.contains($0.baseAddress!) } == oracle.contains(probe), "\(probe)")
        }
        for key in (0..<40).map({ _ in UInt32(g.next(below: 2_010)) }) + [0, 1, 2] {
            var found = Set<[UInt32]>()
            if let (entries, slots) = grouped.group(key) {
                for s in 0..<slots where entries[s * (arity - 1)] != GroupedTuples.empty {
                    found.insert([key] + Array(UnsafeBufferPointer(start: entries + s * (arity - 1), count: arity - 1)))
                }
            }
            #expect(found == oracle.filter { $0[0] == key }, "key \(key)")
        }
    }

    @Test func aLargeGroupCostsLessThanRowsAndASet() {
        let grouped = Relation(name: "g", arity: 2)
        grouped.group(keepingRecentRows: false)
        let flat = Relation(name: "f", arity: 2)
        for x in 0..<100 {
            for y in 0..<1_000 {
                let tuple: [UInt32] = [UInt32(x), UInt32(y)]
                tuple.withUnsafeBufferPointer {
                    _ = grouped.insert($0.baseAddress!)
                    _ = flat.insert($0.baseAddress!)
                }
            }
        }
        #expect(grouped.count == 100_000 && flat.count == 100_000)
        // About 6 bytes a tuple against 8 of row and about 6 of set.
        #expect(grouped.byteCount * 2 < flat.byteCount, "\(grouped.byteCount) against \(flat.byteCount)")
    }

    /// While its stratum runs, a grouped relation keeps only the recent rows; once
    /// complete, an index on another column than the first turns it into rows.
    @Test func recentRowsAndFlattening() {
        let relation = Relation(name: "r", arity: 2)
        relation.group(keepingRecentRows: true)
        func add(_ x: UInt32, _ y: UInt32) -> Bool { [x, y].withUnsafeBufferPointer { relation.insert($0.baseAddress!) } }
        #expect(add(1, 2) && add(1, 3) && !add(1, 2))
        relation.beginIterations()
        #expect(relation.deltaEnd == 2)
        #expect(add(2, 3) && !add(1, 3))
        #expect(relation.advance())
        // The first delta is dropped from the rows; the new row is the delta.
        #expect(relation.rows.count == 1 && relation.stableEnd == 0 && relation.deltaEnd == 1)
        #expect(relation.tuple(0).map(\.raw) == [2, 3])
        #expect(!relation.advance())
        relation.markComplete()
        #expect(relation.rows.count == 0 && relation.count == 3)

        let index = relation.index(on: [1])
        #expect(relation.grouped == nil && relation.isFrozen && relation.count == 3)
        var row = ([3] as [UInt32]).withUnsafeBufferPointer { index.newest($0.baseAddress!) }
        var found = Set<[UInt32]>()
        while row >= 0 {
            found.insert(relation.tuple(row).map(\.raw))
            row = index.previous(row)
        }
        #expect(found == [[1, 3], [2, 3]])
    }
}

/// The evaluator groups a relation derived by rules that read it only through the
/// delta, and every way of reading it afterwards (whole, by its first column, by
/// another, by membership, negated) answers as the same program over rows does
/// (a run that records derivations keeps every relation as rows).
@Suite struct GroupedEvaluationTests {
    static let program = """
        edge(1, 2). edge(2, 3). edge(3, 4). edge(4, 2). edge(5, 6). edge(2, 7).
        path(X, Y) :- edge(X, Y).
        path(X, Z) :- path(X, Y), edge(Y, Z).
        % The delta read by constants: a lookup on its second column, and a membership test.
        reach(X, Y) :- edge(X, Y).
        reach(X, Z) :- reach(X, Y), edge(Y, Z).
        reach(X, 9) :- reach(X, 7).
        reach(X, 8) :- edge(X, _), reach(2, 9).
        % reach is read later only by its first column: it stays grouped.
        from1(Y) :- reach(1, Y).
        leaves(Y) :- edge(_, Y), not reach(Y, _).
        into7(X) :- path(X, 7).
        marked(X, Y) :- edge(X, Y), path(2, 7).
        % Read whole, by its first column, by its second (rows, frozen), by membership, negated.
        count_paths(count(X, Y)) :- path(X, Y).
        from2(Y) :- path(2, Y).
        to4(X) :- path(X, 4).
        both(X, Y) :- edge(X, Y), path(Y, X).
        acyclic(X, Y) :- edge(X, Y), not path(Y, X).
        no_out(Y) :- edge(_, Y), not path(Y, _).
        no_in(X) :- edge(X, _), not path(_, X).
        ?- reach(X, Y).
        ?- into7(X).
        ?- marked(X, Y).
        ?- count_paths(N).
        ?- from2(Y).
        ?- to4(X).
        ?- both(X, Y).
        ?- acyclic(X, Y).
        ?- no_out(Y).
        ?- no_in(X).
        ?- from1(Y).
        ?- leaves(Y).
        """

    func answers(recordingDerivations record: Bool) throws -> (answers: [[String]], grouped: [String]) {
        let engine = DatalogEngine()
        var sources = SourceSet()
        sources.add(name: "test.dl", text: Self.program)
        let program = try engine.analyze(sources).get()
        let run = engine.start(program, recordDerivations: record)
        let answers = try program.queries.map { query in
            try run.answer(query).rows.map { $0.map(engine.constants.display).joined(separator: " | ") }
        }
        let grouped = run.context.relations.filter { $0.value.grouped != nil }.map(\.key).sorted()
        return (answers, grouped)
    }

    @Test func groupedRelationsAnswerAsRowsDo() throws {
        let grouped = try answers(recordingDerivations: false)
        let rows = try answers(recordingDerivations: true)
        #expect(grouped.answers == rows.answers)
        #expect(rows.grouped.isEmpty)
        // path is read by its second column later on, so it ends as rows; the others stay grouped.
        #expect(grouped.grouped.contains("reach") && grouped.grouped.contains("marked") && !grouped.grouped.contains("path"))
        #expect(grouped.answers[0].count == 17 + 4 + 5)
        #expect(grouped.answers[1] == ["1", "2", "3", "4"])
        #expect(grouped.answers[3] == ["17"])
        #expect(grouped.answers[8] == ["6", "7"])
        #expect(grouped.answers[9] == ["1", "5"])
        #expect(grouped.answers[10] == ["2", "3", "4", "7", "8", "9"])
        #expect(grouped.answers[11] == ["6", "7"])
    }

    /// Where most tuples are alone under their first value, rows and a set are
    /// smaller: a grouped relation turns into them as it grows, at once when its
    /// stratum runs once, at the end of an iteration when it iterates, and answers
    /// stay the same.
    @Test func relationsOfSingleTuplesBecomeRows() throws {
        let text = """
            copy(X, Y) :- e(X, Y).
            t(0, 0).
            t(Z, X) :- t(X, _), X < 40000, Z = 2 * X + 1.
            t(Z, X) :- t(X, _), X < 40000, Z = 2 * X + 2.
            ?- copy(X, Y).
            ?- t(X, Y).
            """
        var results: [[[String]]] = []
        for record in [false, true] {
            var runner = ProgramRunner()
            runner.input("e", (0..<70_000).map { [.integer(Int64($0)), .integer(Int64($0 * 7 % 70_000))] })
            var sources = SourceSet()
            sources.add(name: "test.dl", text: text)
            let program = try runner.engine.analyze(sources).get()
            let run = runner.engine.start(program, recordDerivations: record)
            results.append(try program.queries.map { query in
                try run.answer(query).rows.map { $0.map(runner.engine.constants.display).joined(separator: " | ") }
            })
            for name in ["copy", "t"] {
                let relation = try #require(run.context.relations[name])
                #expect(relation.grouped == nil, "\(name) should have become rows")
                #expect(relation.count == (name == "copy" ? 70_000 : 80_001))
            }
        }
        #expect(results[0] == results[1])
    }
}
