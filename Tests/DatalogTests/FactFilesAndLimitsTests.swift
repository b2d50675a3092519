import Dispatch
import Foundation
import Testing
import TestSupport
@testable import Datalog

@Suite struct FactFilesTests {
    @Test func tsvAndCsvBecomeRelationsWithIntegersKept() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        FileDamage.write(Array("1\t2\n2\t3\r\n\n3\t4\n".utf8), to: dir.file("edge.tsv"))
        FileDamage.write(Array("泉区,\"社会福祉協議会, 区\",7\n港北区,\"大学\"\"院\"\"\",\"8\"\n".utf8), to: dir.file("wp.csv"))
        var runner = ProgramRunner()
        #expect(try FactFiles.register(directory: dir.path, on: runner.engine) == ["edge", "wp"])
        let answers = try runner.answers("""
            path(X, Y) :- edge(X, Y).
            path(X, Z) :- path(X, Y), edge(Y, Z).
            ?- path(1, Y), Y > 2.
            ?- wp(W, P, N).
            ?- wp(W, _, N), N + 1 = 8.
            """)
        #expect(answers[0] == ["3", "4"])
        #expect(answers[1] == ["泉区 | 社会福祉協議会, 区 | 7", "港北区 | 大学\"院\" | 8"])
        // A quoted "8" is text, so only the unquoted 7 is a number.
        #expect(answers[2] == ["泉区 | 7"])
        runner = ProgramRunner()
    }

    @Test func problemsNameTheFileAndLine() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        FileDamage.write(Array("1\t2\n3\n".utf8), to: dir.file("edge.tsv"))
        let runner = ProgramRunner()
        try FactFiles.register(directory: dir.path, on: runner.engine)
        #expect(throws: FactFiles.Problem.self) { try runner.answers("?- edge(X, Y).") }
        do {
            _ = try runner.answers("?- edge(X, Y).")
        } catch let problem as FactFiles.Problem {
            #expect(problem.description == "\(dir.file("edge.tsv")):2: 1 field, but the first line has 2")
        }
        #expect(throws: FactFiles.Problem.self) { try FactFiles.register(directory: dir.file("missing"), on: runner.engine) }
    }

    /// Files are read a chunk at a time: records that straddle a chunk (a quoted
    /// CSV field with line breaks, a long line) are read whole, and line numbers
    /// in messages count from the file's start.
    @Test func largeFilesAreReadInChunksOfWholeRecords() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        var csv = "", tsv = ""
        for i in 0..<150_000 {
            csv += i % 997 == 0 ? "\(i),\"区\n\"\"第\(i)\"\"\nの説明\"\n" : "\(i),\"団体\(i)\"\n"
        }
        for i in 0..<60_000 { tsv += "\(i)\t" + (i == 30_000 ? String(repeating: "長", count: 500_000) : "横浜\(i)") + "\n" }
        #expect(csv.utf8.count > 2 * FactFileChunks.chunkSize && tsv.utf8.count > 2 * FactFileChunks.chunkSize)
        try csv.write(toFile: dir.file("note.csv"), atomically: true, encoding: .utf8)
        try tsv.write(toFile: dir.file("name.tsv"), atomically: true, encoding: .utf8)
        let runner = ProgramRunner()
        try FactFiles.register(directory: dir.path, on: runner.engine)
        let answers = try runner.answers("""
            ?- note(N, T), contains(T, "区").
            c(count(N)) :- note(N, _).
            ?- c(C).
            ?- name(30000, _T), length(_T, L).
            d(count(N)) :- name(N, _).
            ?- d(C).
            """)
        #expect(answers[0].count == 151)
        #expect(answers[0].contains("997 | 区\n\"第997\"\nの説明"))
        #expect(answers[1] == ["150000"])
        #expect(answers[2] == ["500000"])
        #expect(answers[3] == ["60000"])

        var broken = Array(tsv.utf8)
        let offset = broken.count - 3
        broken.insert(0xFF, at: offset)  // in the last line, 59999\t横浜59999, at its 16th byte (its 12th character)
        FileDamage.write(broken, to: dir.file("name.tsv"))
        do {
            _ = try ProgramRunner().answersWithFacts(dir.path, "?- name(N, T).")
            Issue.record("bad UTF-8 was read")
        } catch let problem as FactFiles.Problem {
            #expect(problem.description == "\(dir.file("name.tsv")):60000: column 12: invalid UTF-8 at byte \(offset) (0xFF); the text must be UTF-8; save the file as UTF-8")
        }
    }
}

@Suite struct LimitsTests {
    @Test func theTupleCeilingStopsARunawayProgram() throws {
        var runner = ProgramRunner()
        runner.engine.limits = Limits(maxDerivedTuples: 10_000, timeout: 60)
        #expect(throws: EvaluationError.tooManyTuples(limit: 10_000, relation: "n")) {
            try runner.answer("n(0). n(M) :- n(K), M = K + 1. ?- n(X), X < 0.")
        }
    }

    @Test func theTimeLimitStopsALongEvaluation() throws {
        var runner = ProgramRunner()
        runner.engine.limits = Limits(maxDerivedTuples: 500_000_000, timeout: 0.2)
        let edges = (0..<3000).map { "e(\($0), \($0 + 1))." }.joined(separator: " ")
        let start = DispatchTime.now().uptimeNanoseconds
        #expect(throws: EvaluationError.timedOut(seconds: 0.2)) {
            try runner.answer(edges + " p(X, Y) :- e(X, Y). p(X, Z) :- p(X, Y), p(Y, Z). ?- p(0, X), X < 0.")
        }
        #expect(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < 5)
    }

    @Test func anotherThreadCanCancel() throws {
        let runner = ProgramRunner()
        let edges = (0..<3000).map { "e(\($0), \($0 + 1))." }.joined(separator: " ")
        var sources = SourceSet()
        sources.add(name: "t", text: edges + " p(X, Y) :- e(X, Y). p(X, Z) :- p(X, Y), p(Y, Z). ?- p(0, X), X < 0.")
        let program = try runner.engine.analyze(sources).get()
        let cancellation = Cancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { cancellation.cancel() }
        let run = runner.engine.start(program, cancellation: cancellation)
        #expect(throws: EvaluationError.cancelled) { try run.answer(program.queries[0]) }
    }
}
