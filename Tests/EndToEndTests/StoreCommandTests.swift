import Foundation
import Testing
import TestSupport
import TransactionLog
import WardGraph

/// The store's subcommands through the real binary: output, exit status, and that
/// bad input writes nothing.
@Suite struct StoreCommandTests {
    let facts = """
        ward:泉区\tlabel\t泉区
        ward:泉区\tfiscal_year\t令和7年度
        ward:泉区\thas_measure\tmeasure:泉区/R7/1
        measure:泉区/R7/1\tlabel\tにぎわいの創出と発信による魅力づくり
        measure:泉区/R7/1\tpartners_with\tpartner:フェリス女学院大学

        """

    @Test func assertLogStatsHistoryDumpRetract() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = dir.file("g.log")
        let asserted = try Wardgraph.run(["assert", "--store", store], input: facts)
        #expect(asserted.status == 0)
        #expect(asserted.stdout == "transaction 1: 5 assertions\n")

        let retracted = try Wardgraph.run(["retract", "--store", store], input: "measure:泉区/R7/1\tpartners_with\tpartner:フェリス女学院大学\n")
        #expect(retracted.stdout == "transaction 2: 1 retraction\n")

        let log = try Wardgraph.run(["log", "--store", store])
        #expect(log.status == 0)
        #expect(log.stdout.contains("+5 -0"))
        #expect(log.stdout.contains("+0 -1"))
        #expect(log.stdout.contains("tester"))

        let stats = try Wardgraph.run(["stats", "--store", store])
        #expect(stats.stdout.contains("as of transaction 2"))
        #expect(stats.stdout.contains(try #require(stats.stdout.split(separator: "\n").first { $0.contains("partners_with") }).description))
        let statsThen = try Wardgraph.run(["stats", "--as-of", "1", "--store", store])
        let partnerLine = statsThen.stdout.split(separator: "\n").first { $0.contains("partners_with") } ?? ""
        #expect(partnerLine.hasSuffix(" 1"))

        let history = try Wardgraph.run(["history", "partner:フェリス女学院大学", "--store", store])
        #expect(history.status == 0)
        let rows = history.stdout.split(separator: "\n").dropFirst(2).dropLast()
        #expect(history.stdout.hasSuffix("(2 changes)\n"))
        #expect(rows.count == 2)
        #expect(rows.first?.contains("+") == true)
        #expect(rows.last?.contains("-") == true)

        let dumpNow = try Wardgraph.run(["dump", "--store", store])
        #expect(dumpNow.stdout.split(separator: "\n").count == 4)
        let dumpThen = try Wardgraph.run(["dump", "--as-of", "1", "--store", store])
        #expect(Set(dumpThen.stdout.split(separator: "\n")) == Set(facts.split(separator: "\n")))

        // The dump reads back into an identical graph.
        let copy = dir.file("copy.log")
        #expect(try Wardgraph.run(["assert", "--store", copy], input: dumpNow.stdout).status == 0)
        #expect(try Wardgraph.run(["dump", "--store", copy]).stdout == dumpNow.stdout)
    }

    @Test func badLinesAreAllReportedAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = dir.file("g.log")
        #expect(try Wardgraph.run(["assert", "--store", store], input: facts).status == 0)
        let before = FileDamage.bytes(store)
        let bad = "ward:泉区\tlabel\t泉区\nwrd:港北区\tlabel\t港北区\nward:泉区\tpartners_with\tpartner:x\n"
        let result = try Wardgraph.run(["assert", "--store", store], input: bad)
        #expect(result.status == 1)
        #expect(result.stderr.contains("<stdin>:2:1: error: unknown node kind 'wrd'"))
        #expect(result.stderr.contains("did you mean 'ward'?"))
        #expect(result.stderr.contains("<stdin>:3:1: error: 'partners_with' cannot start at a ward node"))
        #expect(result.stderr.contains(" 2 | wrd:港北区    label    港北区\n   | ^"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(FileDamage.bytes(store) == before)

        let absent = try Wardgraph.run(["retract", "--store", store], input: "ward:泉区\tlabel\t港北区\n")
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("<stdin>:1:1: error: cannot retract a fact that does not hold"))
        #expect(FileDamage.bytes(store) == before)
    }

    @Test func batchesCommitAsTheyGo() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = dir.file("g.log")
        let result = try Wardgraph.run(["assert", "--batch", "2", "--store", store], input: facts)
        #expect(result.stdout == "transaction 1: 2 assertions\ntransaction 2: 2 assertions\ntransaction 3: 1 assertion\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let unknown = try Wardgraph.run(["stat"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown command 'stat' (did you mean 'stats'?)"))
        let option = try Wardgraph.run(["log", "--lats", "3"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("did you mean '--last'?"))
        let value = try Wardgraph.run(["assert", "--batch", "zero"])
        #expect(value.status == 2)
        #expect(value.stderr.contains("--batch needs a whole number"))
        let extra = try Wardgraph.run(["history"])
        #expect(extra.status == 2)
        let help = try Wardgraph.run(["history", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage: wardgraph history NAME|ID"))
    }

    @Test func foreignEmptyNewerAndMissingFilesAreRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let foreign = dir.file("foreign.log")
        FileDamage.write(Array("hello, world, this is a text file\n".utf8), to: foreign)
        let notLog = try Wardgraph.run(["assert", "--store", foreign], input: facts)
        #expect(notLog.status == 1)
        #expect(notLog.stderr.contains("not a WardGraph log"))
        #expect(FileDamage.bytes(foreign) == Array("hello, world, this is a text file\n".utf8))

        let empty = dir.file("empty.log")
        FileDamage.write([], to: empty)
        #expect(try Wardgraph.run(["check", "--store", empty]).stderr.contains("the file is empty"))

        let store = dir.file("g.log")
        #expect(try Wardgraph.run(["assert", "--store", store], input: facts).status == 0)
        // A flipped version byte is damage (the header's checksum is checked first);
        // a header that says 9 with its checksum right is a newer log.
        var flipped = FileDamage.bytes(store)
        flipped[8] = 9
        let flippedPath = dir.file("flipped.log")
        FileDamage.write(flipped, to: flippedPath)
        let damaged = try Wardgraph.run(["stats", "--store", flippedPath])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("the log header (its first 16 bytes) is damaged"))
        let newerPath = dir.file("newer.log")
        FileDamage.write(LogFormat.header(version: 9) + FileDamage.bytes(store).dropFirst(LogFormat.headerSize), to: newerPath)
        let version = try Wardgraph.run(["stats", "--store", newerPath])
        #expect(version.status == 1)
        #expect(version.stderr.contains("version 9 is newer"))

        let missing = try Wardgraph.run(["log"], environment: ["WARDGRAPH_STORE": dir.file("none.log")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no store at"))
    }

    @Test func damageIsReportedWithItsOffsetAndRepairedOnlyWhenAsked() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = dir.file("g.log")
        for _ in 0..<3 {
            #expect(try Wardgraph.run(["assert", "--batch", "2", "--store", store], input: facts).status == 0)
        }
        // Tamper with transaction 4's payload: valid records follow it.
        let opened = try GraphStore.open(at: store)
        let damaged = opened.transactions[3]
        FileDamage.flip(store, at: Int(damaged.offset) + 12)

        let check = try Wardgraph.run(["check", "--store", store])
        #expect(check.status == 1)
        #expect(check.stderr.contains("damaged record at byte \(damaged.offset) (transaction 4)"))
        #expect(check.stderr.contains("wardgraph repair"))
        let writing = try Wardgraph.run(["assert", "--store", store], input: facts)
        #expect(writing.status == 1)

        let dryRun = try Wardgraph.run(["repair", "--store", store])
        #expect(dryRun.status == 1)
        #expect(dryRun.stdout.contains("--yes"))
        #expect(try Wardgraph.run(["check", "--store", store]).status == 1)

        let repair = try Wardgraph.run(["repair", "--yes", "--store", store])
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(repair.stdout.contains("3 transactions in the log"))
        #expect(SideFile.existing(for: store) == [store + ".cut-1-at-\(damaged.offset)"])
        #expect(try Wardgraph.run(["check", "--store", store]).status == 0)
        #expect(try Wardgraph.run(["assert", "--store", store], input: facts).status == 0)
    }

    @Test func aSecondWriterIsRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("g.log")
        let holder = try GraphStore.open(at: path, create: true, writer: "the test's writer")
        let second = try Wardgraph.run(["assert", "--store", path], input: facts)
        #expect(second.status == 1)
        #expect(second.stderr.contains("is locked for writing by pid"))
        #expect(second.stderr.contains("the test's writer"))
        #expect(second.stderr.contains(path + ".lock"))
        // Readers are fine meanwhile.
        #expect(try Wardgraph.run(["log", "--store", path]).status == 0)
        holder.close()
        #expect(try Wardgraph.run(["assert", "--store", path], input: facts).status == 0)
    }
}
