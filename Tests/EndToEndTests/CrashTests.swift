import Foundation
import Testing
import TestSupport
import WardGraph

/// Kills a writer with SIGKILL at random moments and checks that the log always
/// reopens to exactly a prefix of what was sent, including every acknowledged commit.
@Suite struct CrashTests {
    /// Line `n` of the input: one fact, unique per n.
    static func line(_ n: Int) -> String {
        "measure:泉区/R7/\(n)\tlevel\t\(n)\n"
    }

    static let batch = 3

    @Test func sigkillLeavesAPrefixOfAcknowledgedTransactions() throws {
        _ = Wardgraph.ignoreBrokenPipes
        let dir = TemporaryDirectory("crash")
        defer { dir.remove() }
        let path = dir.file("crash.log")
        var random = SystemRandomNumberGenerator()
        var sent = 0  // facts durably in the log after the previous round
        var rounds = 0
        var roundsWithCommits = 0
        while rounds < 50 {
            rounds += 1
            let acknowledged = try runAndKill(path: path, firstLine: sent, after: Double.random(in: 0.005...0.08, using: &random))
            if acknowledged.lastID > 0 { roundsWithCommits += 1 }

            // Killed before it created the log: then nothing may have been acknowledged.
            guard FileManager.default.fileExists(atPath: path) else {
                #expect(acknowledged.lastID == 0)
                continue
            }
            let store = try GraphStore.open(at: path)
            let transactions = store.transactions
            // Every acknowledged transaction is there.
            #expect(store.lastTransactionID >= acknowledged.lastID, "round \(rounds): acknowledged \(acknowledged.lastID), found \(store.lastTransactionID)")
            // No partial transaction: each one holds a whole batch, in order.
            var expected = 0
            for info in transactions {
                let changes = try store.changes(in: info.id)
                #expect(changes.count == Self.batch, "transaction \(info.id) has \(changes.count) changes")
                for change in changes {
                    #expect(change.fact.value == .integer(Int64(expected)), "transaction \(info.id)")
                    expected += 1
                }
            }
            #expect(store.factCount == expected)
            sent = expected
        }
        // Appending works again after the last kill.
        let final = try Wardgraph.run(["assert", "--store", path], input: Self.line(sent))
        #expect(final.status == 0, "\(final.stderr)")
        let store = try GraphStore.open(at: path)
        #expect(store.factCount == sent + 1)
        #expect(store.tornTail == nil)
        #expect(roundsWithCommits > 0, "no round got as far as committing before the kill")
    }

    struct Acknowledged {
        var lastID: UInt64 = 0
    }

    /// Starts `wardgraph assert --batch 3`, feeds it lines from `firstLine` on, and
    /// kills it with SIGKILL after `delay` seconds. Returns the last transaction id
    /// it acknowledged on standard output.
    func runAndKill(path: String, firstLine: Int, after delay: Double) throws -> Acknowledged {
        let process = Process()
        process.executableURL = Wardgraph.executable
        process.arguments = ["assert", "--batch", String(Self.batch), "--store", path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = input.fileHandleForWriting
        let feeding = DispatchQueue(label: "feed")
        feeding.async {
            var n = firstLine
            while true {
                var chunk = ""
                for _ in 0..<Self.batch {
                    chunk += Self.line(n)
                    n += 1
                }
                do { try writer.write(contentsOf: Data(chunk.utf8)) } catch { return }
            }
        }
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? writer.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        var result = Acknowledged()
        for line in printed.split(separator: "\n") where line.hasPrefix("transaction ") {
            let id = line.dropFirst("transaction ".count).prefix { $0.isNumber }
            result.lastID = max(result.lastID, UInt64(id) ?? 0)
        }
        #expect(process.terminationReason == .uncaughtSignal)
        return result
    }
}
