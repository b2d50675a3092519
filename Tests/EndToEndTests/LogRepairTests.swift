import Foundation
import Testing
import TestSupport
import TransactionLog
import WardGraph

/// The data-loss paths a hostile probe found (issue 13), through the binary: a
/// damaged last record taken for a torn write (C1), a side file overwritten (C3),
/// a shell writing past the end of a log a repair had cut (C4), and a repair that
/// threw away every transaction after one bad byte.
@Suite struct LogRepairTests {
    /// `count` transactions of one fact each, by the tester.
    func makeStore(_ dir: TemporaryDirectory, count: Int, first: Int = 1) throws -> String {
        let store = dir.file("g.log")
        for i in first..<first + count {
            let result = try Wardgraph.run(["assert", "--store", store], input: "measure:泉区/R7/\(i)\tlevel\t\(i)\n")
            #expect(result.status == 0, "\(result.stderr)")
        }
        return store
    }

    /// C1: a flipped byte anywhere in the last committed record is damage, reported
    /// with its offset; no writer and no repair without --yes cuts it.
    @Test func aDamagedLastRecordIsReportedAndNeverCut() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir, count: 5)
        let last = try #require(try GraphStore.open(at: store).transactions.last)
        let original = FileDamage.bytes(store)
        #expect(Int(last.offset) + last.size == original.count)
        for position in stride(from: Int(last.offset), to: original.count, by: 3) {
            var damaged = original
            damaged[position] ^= 0xFF
            FileDamage.write(damaged, to: store)
            let check = try Wardgraph.run(["check", "--store", store])
            #expect(check.status == 1, "byte \(position)")
            #expect(check.stderr.contains("damaged record at byte \(last.offset) (transaction 5)"), "byte \(position): \(check.stderr)")
            let writer = try Wardgraph.run(["assert", "--store", store], input: "measure:泉区/R7/9\tlevel\t9\n")
            #expect(writer.status == 1)
            let dryRun = try Wardgraph.run(["repair", "--store", store])
            #expect(dryRun.status == 1)
            #expect(dryRun.stdout.contains("Nothing was changed"))
            #expect(FileDamage.bytes(store) == damaged, "byte \(position): the log changed")
            #expect(SideFile.existing(for: store).isEmpty)
        }
    }

    /// C3: two repairs at the same offset keep two side files; the first one's bytes
    /// (the transactions it cut) are never overwritten.
    @Test func aSecondRepairAtTheSameOffsetKeepsTheFirstSideFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir, count: 6)
        let third = try GraphStore.open(at: store).transactions[2]
        FileDamage.flip(store, at: Int(third.offset) + 20)
        let cutBytes = Array(FileDamage.bytes(store)[Int(third.offset)...])
        #expect(try Wardgraph.run(["repair", "--yes", "--store", store]).status == 0)
        let first = try #require(SideFile.existing(for: store).first)
        #expect(FileDamage.bytes(first) == cutBytes)

        _ = try makeStore(dir, count: 3, first: 100)
        FileDamage.flip(store, at: Int(third.offset) + 20)
        let second = try Wardgraph.run(["repair", "--yes", "--store", store])
        #expect(second.status == 0, "\(second.stderr)")
        let sides = SideFile.existing(for: store)
        #expect(sides.count == 2)
        #expect(sides.first == first)
        #expect(FileDamage.bytes(first) == cutBytes, "the first side file was overwritten")
        #expect(second.stdout.contains(sides[1]))
    }

    /// C4: a shell left open while a repair cuts the log reads the log again before
    /// it writes, and appends where the log now ends: no gap, nothing lost.
    @Test func aShellOpenDuringARepairWritesWhereTheLogNowEnds() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir, count: 6)
        let pty = try PseudoTerminal(columns: 120, rows: 40)
        var environment = ProcessInfo.processInfo.environment
        environment["WARDGRAPH_HISTORY"] = dir.file("history")
        environment["WARDGRAPH_AUTHOR"] = "tester"
        try pty.launch(executable: Wardgraph.executable.path, arguments: ["--store", store, "--no-prelude"], environment: environment, currentDirectory: dir.path)
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        try pty.write("+attr(\"measure:泉区/R7/1\", note, \"first\").\r")
        try pty.waitFor("transaction 7")
        try pty.waitFor("wardgraph> ")

        let third = try GraphStore.open(at: store).transactions[2]
        FileDamage.flip(store, at: Int(third.offset) + 20)
        let repair = try Wardgraph.run(["repair", "--yes", "--store", store])
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(FileDamage.bytes(store).count == Int(third.offset))

        try pty.waitForRawMode()
        try pty.write("+attr(\"measure:泉区/R7/1\", note, \"second\").\r")
        try pty.waitFor("has been read again")
        try pty.waitFor("transaction 3: asserted")
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        try pty.write(":quit\r")
        #expect(try pty.waitForExit() == 0)

        let check = try Wardgraph.run(["check", "--store", store])
        #expect(check.status == 0, "\(check.stderr)")
        let reopened = try GraphStore.open(at: store)
        #expect(reopened.transactions.count == 3)
        #expect(Int(reopened.fileSize) == FileDamage.bytes(store).count)
        #expect(reopened.current.contains(Fact(try NodeID(parsing: "measure:泉区/R7/1"), "note", .text("second"))))
    }

    /// One bad byte in transaction 2 of 14: a salvage keeps 3–14, hand-made facts
    /// included, reports the change that no longer applies, and keeps every cut byte.
    @Test func aSalvageKeepsTheIntactTransactionsAfterTheDamage() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir, count: 12)
        #expect(try Wardgraph.run(["retract", "--store", store], input: "measure:泉区/R7/2\tlevel\t2\n").status == 0)
        #expect(try Wardgraph.run(["assert", "--store", store, "--author", "curator"], input: "measure:泉区/R7/5\tnote\t要確認\n").status == 0)
        let second = try GraphStore.open(at: store).transactions[1]
        FileDamage.flip(store, at: Int(second.offset) + 24)
        let original = FileDamage.bytes(store)

        let plain = try Wardgraph.run(["repair", "--store", store])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("12 later transactions are intact (3–14"))
        #expect(plain.stdout.contains("--salvage"))
        let dryRun = try Wardgraph.run(["repair", "--salvage", "--store", store])
        #expect(dryRun.stdout.contains("transaction 13 (made by tester): 1 change would no longer apply"))
        #expect(FileDamage.bytes(store) == original)

        let salvage = try Wardgraph.run(["repair", "--salvage", "--yes", "--store", store])
        #expect(salvage.status == 0, "\(salvage.stderr)")
        #expect(salvage.stdout.contains("transaction 14 is now transaction 12"))
        #expect(salvage.stdout.contains("transaction 13 was not applied"))
        #expect(try Wardgraph.run(["check", "--store", store]).status == 0)
        let repaired = try GraphStore.open(at: store)
        #expect(repaired.transactions.count == 12)
        #expect(repaired.transactions.last?.author == "curator")
        #expect(repaired.factCount == 12)
        let side = try #require(SideFile.existing(for: store).first)
        #expect(FileDamage.bytes(side) == Array(original[Int(second.offset)...]))
    }
}
