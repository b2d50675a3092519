import Foundation
import Fuzzing
import Testing
import TestSupport

/// 2,000+ seeded, reproducible cases that mutate the programs of `Queries/` and the
/// seed documents: none may crash, hang past its time limit, or give an error
/// without a place. `WARDGRAPH_FUZZ_SEED` replays another run; the soak
/// (`Tests/Soak/soak.sh`) runs many more.
@Suite(.serialized) struct FuzzTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["WARDGRAPH_FUZZ_SEED"] ?? "") ?? 20_261_206
    static let programCases = 1_400
    static let documentCases = 600
    static let shellCases = 100

    /// One harness (one graph) for the suite; its cases run one after another.
    nonisolated(unsafe) static let harness: FuzzHarness? = try? FuzzHarness(projectRoot: Wardgraph.packageRoot.path)

    /// Runs `count` cases and records every problem with the seed and index that replay it.
    func check(_ count: Int, _ kind: String, _ run: (Int) -> FuzzHarness.CaseResult) -> [String: Int] {
        var outcomes: [String: Int] = [:]
        for index in 0..<count {
            let result = run(index)
            outcomes[result.outcome, default: 0] += 1
            for problem in result.problems {
                Issue.record("\(kind) case \(index) (seed \(Self.seed)): \(problem)")
            }
        }
        return outcomes
    }

    @Test func mutatedProgramsNeverCrashHangOrGoUnlocated() throws {
        let harness = try #require(Self.harness)
        let outcomes = check(Self.programCases, "program") { index in
            let (name, bytes) = harness.programCase(seed: Self.seed, index: index)
            return harness.runProgram(bytes, name: name)
        }
        // The cases reach every phase: some run, some are refused, some are stopped.
        #expect((outcomes["answered"] ?? 0) > 50, "\(outcomes)")
        #expect((outcomes["errors"] ?? 0) > 500, "\(outcomes)")
        #expect((outcomes["stopped"] ?? 0) > 0, "\(outcomes)")
        #expect((outcomes["not UTF-8"] ?? 0) > 0, "\(outcomes)")
    }

    @Test func mutatedDocumentsNeverCrashOrGoUnlocated() throws {
        let harness = try #require(Self.harness)
        let outcomes = check(Self.documentCases, "document") { index in
            let (name, bytes) = harness.documentCase(seed: Self.seed, index: index)
            return harness.runDocument(bytes, name: name, ingest: index % 8 == 0)
        }
        #expect((outcomes["extracted"] ?? 0) + (outcomes["ingested"] ?? 0) > 50, "\(outcomes)")
        #expect((outcomes["rejected"] ?? 0) > 10, "\(outcomes)")
    }

    @Test func mutatedShellSessionsNeverCrashOrHang() throws {
        let harness = try #require(Self.harness)
        let outcomes = check(Self.shellCases, "shell") { index in
            harness.runShell(harness.shellCase(seed: Self.seed, index: index))
        }
        #expect(outcomes["ran"] == Self.shellCases)
    }

    /// Damage to a log, then writers and repairs: no step removes a committed byte
    /// without keeping it in a side file.
    @Test func noStepAfterLogDamageLosesACommittedByte() {
        var tally = LogSoak.Tally()
        for round in 0..<40 { LogSoak(binary: nil).round(seed: Self.seed &+ UInt64(round), into: &tally) }
        #expect(tally.bytesLost == 0, "\(tally.failures)")
        #expect(tally.steps > 100)
        #expect(tally.cuts > 5, "no step cut the log: the rounds test nothing")
    }

    /// The check itself: a cut without a side file, or with one that lost bytes, counts.
    @Test func theLossCheckCountsCutsWithoutASideFile() {
        let dir = TemporaryDirectory("loss")
        defer { dir.remove() }
        let before: [UInt8] = Array(0..<100)
        #expect(LogSoak.bytesLost(before: before, after: before + [7], newSides: []) == 0)
        #expect(LogSoak.bytesLost(before: before, after: Array(before.prefix(60)), newSides: []) == 40)
        let side = dir.file("g.log.cut-1-at-60")
        FileDamage.write(Array(before[60...]), to: side)
        #expect(LogSoak.bytesLost(before: before, after: Array(before.prefix(60)) + [1, 2], newSides: [side]) == 0)
        FileDamage.write(Array(before[61...]), to: side)
        #expect(LogSoak.bytesLost(before: before, after: Array(before.prefix(60)), newSides: [side]) == 40)
    }

    /// A crash in-process would end the test run, so a sample also goes through the
    /// binary: every run must end by exiting 0 or 1, with located errors.
    @Test func aSampleThroughTheBinaryExitsCleanly() throws {
        let harness = try #require(Self.harness)
        let dir = TemporaryDirectory("fuzz-binary")
        defer { dir.remove() }
        let store = dir.file("g.log")
        let root = Wardgraph.packageRoot.path
        #expect(try Wardgraph.run(["ingest", "--store", store, "--lexicon", root + "/Graph/lexicon"] + harness.documents.map { root + "/Graph/sources/" + $0.name }).status == 0)
        for index in stride(from: 0, to: 40 * 37, by: 37) {
            let (name, bytes) = harness.programCase(seed: Self.seed, index: index)
            let file = dir.file(name)
            FileDamage.write(bytes, to: file)
            let result = try Wardgraph.run([
                "query", "--store", store, "--prelude", root + "/Queries/prelude.dl", "--timeout", "2", "--max-memory", "256M",
                "--max-tuples", "2000000", file,
            ])
            #expect(result.status == 0 || result.status == 1, "program case \(index): exit status \(result.status) \(result.stderr.prefix(200))")
            if result.status == 1 {
                #expect(result.stderr.contains("\(name):"), "program case \(index): \(result.stderr.prefix(300))")
            }
        }
        for index in stride(from: 0, to: 10 * 41, by: 41) {
            let (name, bytes) = harness.documentCase(seed: Self.seed, index: index)
            let file = dir.file(name)
            FileDamage.write(bytes, to: file)
            let result = try Wardgraph.run(["extract", "--lexicon", root + "/Graph/lexicon", file])
            #expect(result.status == 0 || result.status == 1, "document case \(index): exit status \(result.status)")
        }
    }
}
