import Foundation
import TestSupport
import TransactionLog
import WardGraph

/// Rounds of damage to a log and of what writers and repairs then do to it, checking
/// after each step that no committed byte was lost: the log only grows, or what a
/// cut took from it is, byte for byte, in a new side file.
///
/// The damage itself (flipped bytes, a truncation, zeros or garbage at the end) is
/// the adversary's and is not counted; every step of the program after it is.
public struct LogSoak {
    /// What the rounds found.
    public struct Tally: Sendable {
        public var rounds = 0
        public var steps = 0
        /// Committed bytes that a step removed without keeping them in a side file.
        public var bytesLost = 0
        public var cuts = 0
        public var refusals = 0
        public var salvaged = 0
        public var failures: [String] = []

        public init() {}
    }

    /// The `wardgraph` binary for steps through the command line, or nil for none.
    public let binary: String?

    public init(binary: String?) {
        self.binary = binary
    }

    /// Runs one round, seeded, adding what it found to `tally`.
    public func round(seed: UInt64, into tally: inout Tally) {
        var random = Mutator(seed: seed)
        let dir = TemporaryDirectory("log-soak")
        defer { dir.remove() }
        let path = dir.file("g.log")
        tally.rounds += 1
        do {
            let store = try GraphStore.open(at: path, create: true, writer: "soak")
            for i in 0..<(3 + random.below(20)) {
                try store.commit(facts(i, &random).map { .assert($0) }, author: random.chance(50) ? "curator" : "ingest")
            }
            store.close()
        } catch {
            tally.failures.append("round \(seed): building the log failed: \(error)")
            return
        }
        for step in 0..<(4 + random.below(10)) {
            if random.chance(45) {
                damage(path, &random)
                continue
            }
            tally.steps += 1
            let before = FileDamage.bytes(path)
            let sidesBefore = Set(SideFile.existing(for: path))
            let what = act(path, step: step, &random, &tally)
            let after = FileDamage.bytes(path)
            let newSides = SideFile.existing(for: path).filter { !sidesBefore.contains($0) }
            let lost = Self.bytesLost(before: before, after: after, newSides: newSides)
            if !newSides.isEmpty { tally.cuts += newSides.count }
            if lost > 0 {
                tally.bytesLost += lost
                tally.failures.append("round \(seed), step \(step) (\(what)): \(lost) committed bytes lost")
            }
        }
    }

    /// One step a user or program takes; returns what it was.
    private func act(_ path: String, step: Int, _ random: inout Mutator, _ tally: inout Tally) -> String {
        let facts = facts(1000 + step, &random)
        switch random.below(binary == nil ? 4 : 7) {
        case 0:
            do {
                let store = try GraphStore.open(at: path, writer: "soak")
                defer { store.close() }
                try store.commit(facts.map { .assert($0) }, author: "soak")
            } catch { tally.refusals += 1 }
            return "a writer"
        case 1:
            do {
                let store = try GraphStore.open(at: path)
                try store.commit(facts.map { .assert($0) }, author: "soak")
            } catch { tally.refusals += 1 }
            return "a reader that commits"
        case 2:
            do {
                let plan = try RepairPlan.make(path: path)
                let salvage = random.chance(60)
                let outcome = try Salvage.run(plan, salvage: salvage, holder: "soak")
                tally.salvaged += outcome.reapplied.filter { $0.newID != nil }.count
            } catch { tally.refusals += 1 }
            return "a repair"
        case 3:
            _ = try? LogFile.read(at: path)
            _ = try? GraphStore.open(at: path)
            return "readers"
        default:
            let arguments: [[String]] = [["repair", "--yes"], ["repair", "--salvage", "--yes"], ["repair"], ["check"]]
            let chosen = arguments[random.below(arguments.count)]
            _ = try? run(binary!, chosen + ["--store", path])
            return "wardgraph \(chosen.joined(separator: " "))"
        }
    }

    /// The adversary: a flipped byte, a truncation, zeros or garbage at the end.
    private func damage(_ path: String, _ random: inout Mutator) {
        var bytes = FileDamage.bytes(path)
        guard bytes.count > LogFormat.headerSize else { return }
        let body = LogFormat.headerSize..<bytes.count
        switch random.below(5) {
        case 0, 1:
            for _ in 0..<(1 + random.below(3)) {
                bytes[body.lowerBound + random.below(body.count)] ^= UInt8(1 + random.below(255))
            }
        case 2: bytes.removeLast(random.below(min(200, body.count)))
        case 3: bytes += [UInt8](repeating: 0, count: 1 + random.below(600))
        default: bytes += (0..<(1 + random.below(40))).map { _ in UInt8(random.below(256)) }
        }
        FileDamage.write(bytes, to: path)
    }

    /// A few facts, unique to `n`.
    private func facts(_ n: Int, _ random: inout Mutator) -> [Fact] {
        (0..<(1 + random.below(4))).map { k in
            Fact(try! NodeID(parsing: "measure:泉区/R7/\(n).\(k)"), "level", .integer(Int64(random.below(1000))))
        }
    }

    /// Bytes of `before` that are neither still in the log at their place nor kept by
    /// the first new side file (`LOG.cut-N-at-OFFSET` holds what was at OFFSET on).
    public static func bytesLost(before: [UInt8], after: [UInt8], newSides: [String]) -> Int {
        if after.starts(with: before) { return 0 }
        let common = zip(before, after).prefix { $0 == $1 }.count
        for side in newSides {
            guard let at = side.range(of: "-at-", options: .backwards), let offset = Int(side[at.upperBound...]) else { continue }
            guard offset <= common, offset <= before.count else { continue }
            let kept = FileDamage.bytes(side)
            if kept.starts(with: before[offset...]) { return 0 }
        }
        return before.count - common
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
