import Foundation
import Testing
import TestSupport
@testable import TransactionLog

/// Tears, truncates and flips bytes of a log, and checks what opening it recovers.
@Suite struct RecoveryTests {
    /// A log with `count` transactions whose bodies are "body 1", "body 2", …
    func makeLog(_ dir: TemporaryDirectory, count: Int, version: UInt32 = LogFormat.version) throws -> (path: String, offsets: [UInt64]) {
        let path = dir.file("test.log")
        if version != LogFormat.version { FileDamage.write(LogFormat.header(version: version), to: path) }
        let writer = try LogWriter.open(path: path, holder: "test", create: true).writer
        defer { writer.close() }
        var offsets: [UInt64] = []
        for i in 1...count {
            let record = try writer.append(author: "author \(i)", timestampMillis: Int64(i) * 1000, body: Array("body \(i)".utf8))
            offsets.append(record.offset)
        }
        return (path, offsets)
    }

    func bodies(_ contents: LogContents) -> [String] {
        contents.records.map { record in contents.withBody(of: record) { String(decoding: $0, as: UTF8.self) } }
    }

    @Test(arguments: [UInt32(1), 2])
    func roundTrip(version: UInt32) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, _) = try makeLog(dir, count: 20, version: version)
        let contents = try LogFile.read(at: path)
        #expect(contents.version == version)
        #expect(contents.records.count == 20)
        #expect(contents.records.map(\.txID) == Array(1...20))
        #expect(contents.records[4].author == "author 5")
        #expect(contents.records[4].timestampMillis == 5000)
        #expect(bodies(contents)[19] == "body 20")
        #expect(contents.tornTail == nil)
        #expect(contents.validEnd == contents.fileSize)
    }

    @Test func readNewReturnsOnlyLaterRecords() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, _) = try makeLog(dir, count: 3)
        let first = try LogFile.read(at: path)
        let writer = try LogWriter.open(path: path, holder: "test", after: first.position).writer
        try writer.append(author: "later", timestampMillis: 0, body: [1, 2, 3])
        writer.close()
        let later = try LogFile.readNew(at: path, after: first.position)
        #expect(later.records.map(\.txID) == [4])
        #expect(later.records[0].author == "later")
    }

    /// Every way of tearing the last record: cut anywhere inside it. The writer cuts
    /// the torn tail off, and keeps its bytes in a side file.
    @Test(arguments: [1, 4, 7, 8, 9, 12, 15, 16, 17, 30])
    func tornTailIsReportedThenCutByTheWriterIntoASideFile(keep: Int) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 5)
        let cutAt = Int(offsets[4]) + keep
        let whole = FileDamage.bytes(path)
        FileDamage.truncate(path, to: cutAt)

        let read = try LogFile.read(at: path)
        #expect(read.records.count == 4)
        #expect(read.tornTail?.offset == offsets[4])

        let opening = try LogWriter.open(path: path, holder: "test")
        #expect(opening.cutTail?.offset == offsets[4])
        #expect(opening.contents.records.count == 4)
        let side = try #require(opening.cutTailSavedTo)
        #expect(FileDamage.bytes(side) == Array(whole[Int(offsets[4])..<cutAt]))
        try opening.writer.append(author: "after crash", timestampMillis: 0, body: Array("again".utf8))
        opening.writer.close()

        let after = try LogFile.read(at: path)
        #expect(after.records.map(\.txID) == [1, 2, 3, 4, 5])
        #expect(bodies(after).last == "again")
        #expect(after.tornTail == nil)
    }

    @Test func zeroedTailIsTorn() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, _) = try makeLog(dir, count: 3)
        FileDamage.append([UInt8](repeating: 0, count: 4096), to: path)
        let read = try LogFile.read(at: path)
        #expect(read.records.count == 3)
        #expect(read.tornTail?.length == 4096)
    }

    /// A last record whose data never reached the disk in one sector: all its bytes
    /// are there, but a sector of them is zeros. A torn write, as etcd decides it.
    @Test func lastRecordWithAZeroedSectorIsTorn() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("big.log")
        let writer = try LogWriter.open(path: path, holder: "test", create: true).writer
        try writer.append(author: "a", timestampMillis: 1, body: Array("small".utf8))
        let big = try writer.append(author: "a", timestampMillis: 2, body: [UInt8](repeating: 0x41, count: 3000))
        writer.close()
        var bytes = FileDamage.bytes(path)
        let sector = (Int(big.offset) / 512 + 2) * 512
        for i in sector..<sector + 512 { bytes[i] = 0 }
        FileDamage.write(bytes, to: path)
        let read = try LogFile.read(at: path)
        #expect(read.records.count == 1)
        #expect(read.tornTail?.offset == big.offset)
        #expect(read.tornTail?.reason.contains("zeros") == true)
    }

    /// Flipping any byte of the last committed record is damage, with its offset: not
    /// a torn tail that a writer would cut. Nothing opens it for writing, and the file
    /// is left as it is.
    @Test func everyFlippedByteOfTheLastRecordIsDamage() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 4)
        let original = FileDamage.bytes(path)
        for position in Int(offsets[3])..<original.count {
            var damaged = original
            damaged[position] ^= 0xFF
            FileDamage.write(damaged, to: path)
            do {
                _ = try LogFile.read(at: path)
                Issue.record("a flipped byte at \(position) was not noticed")
            } catch let LogError.damagedRecord(_, offset, expected, _, next) {
                #expect(offset == offsets[3] && expected == 4 && next == nil, "byte \(position)")
            }
            #expect(throws: LogError.self) { try LogWriter.open(path: path, holder: "test") }
            #expect(FileDamage.bytes(path) == damaged, "byte \(position): the file changed")
        }
    }

    /// Flipping any byte of a record in the middle is damage, with its offset and
    /// where the next valid record is.
    @Test func everyFlippedByteOfAMiddleRecordIsDamageWithTheNextRecord() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 6)
        let original = FileDamage.bytes(path)
        for position in Int(offsets[2])..<Int(offsets[3]) {
            var damaged = original
            damaged[position] ^= 0xFF
            FileDamage.write(damaged, to: path)
            #expect(throws: LogError.damagedRecord(
                path: path, offset: offsets[2], expectedTxID: 3, reason: reason(damaged, offsets[2]),
                next: RecordLocation(offset: offsets[3], txID: 4))
            ) {
                try LogFile.read(at: path)
            }
        }
    }

    /// The reason the scan gives for the damaged record at `offset` of `bytes`.
    func reason(_ bytes: [UInt8], _ offset: UInt64) -> String {
        bytes.withUnsafeBytes { raw in LogScanner.reason(of: RecordFrame(version: LogFormat.version).read(at: Int(offset), in: raw)) }
    }

    /// An old (version 1) log still opens, takes appends in its own framing, and its
    /// damage is still found; its length field is the one thing it cannot tell
    /// from a torn write.
    @Test func versionOneLogsStillOpenAndTakeAppends() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 3, version: 1)
        let opening = try LogWriter.open(path: path, holder: "test")
        #expect(opening.writer.version == 1)
        try opening.writer.append(author: "new", timestampMillis: 9, body: Array("body 4".utf8))
        opening.writer.close()
        let contents = try LogFile.read(at: path)
        #expect(contents.version == 1)
        #expect(bodies(contents) == ["body 1", "body 2", "body 3", "body 4"])
        FileDamage.flip(path, at: Int(offsets[1]) + 10)
        #expect(throws: LogError.self) { try LogFile.read(at: path) }
    }

    /// Two repairs at the same offset each keep their own side file.
    @Test func cutsAtTheSameOffsetNeverOverwriteASideFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 6)
        let original = FileDamage.bytes(path)
        let first = try #require(try LogFile.cut(at: path, offset: offsets[3], holder: "test"))
        #expect(FileDamage.bytes(first) == Array(original[Int(offsets[3])...]))
        #expect(try LogFile.read(at: path).records.count == 3)

        let writer = try LogWriter.open(path: path, holder: "test").writer
        try writer.append(author: "other", timestampMillis: 0, body: Array("other 4".utf8))
        writer.close()
        let second = try #require(try LogFile.cut(at: path, offset: offsets[3], holder: "test"))
        #expect(second != first)
        #expect(FileDamage.bytes(first) == Array(original[Int(offsets[3])...]), "the first side file was overwritten")
        #expect(SideFile.existing(for: path) == [first, second])
    }

    /// A writer that read the log before a repair cut it must not append past the
    /// new end (that would leave a gap of zeros): it is refused.
    @Test func aWriterAfterACutIsRefusedInsteadOfLeavingAGap() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 6)
        let seen = try LogFile.read(at: path).position
        _ = try LogFile.cut(at: path, offset: offsets[3], holder: "repair")
        #expect(throws: LogError.self) { try LogWriter.open(path: path, holder: "stale", after: seen) }
        #expect(throws: LogError.self) { try LogFile.read(at: path, after: seen) }
        #expect(FileDamage.bytes(path).count == Int(offsets[3]))

        // A writer holding the lock checks before each append too.
        let otherDir = TemporaryDirectory()
        defer { otherDir.remove() }
        let (other, _) = try makeLog(otherDir, count: 2)
        let held = try LogWriter.open(path: other, holder: "held").writer
        #expect(truncate(other, off_t(LogFormat.headerSize)) == 0)
        #expect(throws: LogError.self) { try held.append(author: "x", timestampMillis: 0, body: [1]) }
        #expect(FileDamage.bytes(other).count == LogFormat.headerSize)
        // Or replaced by another file (FileDamage writes a new file and renames it).
        FileDamage.write(LogFormat.header(), to: other)
        #expect(throws: LogError.self) { try held.append(author: "x", timestampMillis: 0, body: [1]) }
        held.close()
        #expect(FileDamage.bytes(other).count == LogFormat.headerSize)
    }

    @Test func inspectionGoesOnPastDamage() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 8)
        FileDamage.flip(path, at: Int(offsets[1]) + 20)
        FileDamage.flip(path, at: Int(offsets[5]) + 3)
        FileDamage.append([1, 2, 3], to: path)
        let inspection = try LogFile.inspect(at: path)
        #expect(inspection.records.map(\.txID) == [1])
        #expect(inspection.damage.map(\.offset) == [offsets[1], offsets[5]])
        #expect(inspection.damage.map(\.expectedTxID) == [2, 6])
        #expect(inspection.salvageable.map(\.txID) == [3, 4, 5, 7, 8])
        #expect(inspection.tornTail?.length == 3)
    }

    @Test func emptyTruncatedForeignNewerAndDamagedHeadersAreRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let empty = dir.file("empty.log")
        FileDamage.write([], to: empty)
        #expect(throws: LogError.emptyFile(path: empty)) { try LogFile.read(at: empty) }

        let short = dir.file("short.log")
        FileDamage.write(Array(LogFormat.header().prefix(10)), to: short)
        #expect(throws: LogError.truncatedHeader(path: short, size: 10)) { try LogFile.read(at: short) }

        let foreign = dir.file("foreign.log")
        FileDamage.write(Array("#!/bin/sh\necho hello, this is not a log\n".utf8), to: foreign)
        #expect(throws: LogError.notALog(path: foreign)) { try LogFile.read(at: foreign) }

        let newer = dir.file("newer.log")
        FileDamage.write(LogFormat.header(version: 7), to: newer)
        #expect(throws: LogError.unsupportedVersion(path: newer, found: 7, supported: LogFormat.version)) { try LogFile.read(at: newer) }

        // Any flipped header byte is damage: the checksum is checked before the version.
        for position in 0..<LogFormat.headerSize {
            let damaged = dir.file("damaged-\(position).log")
            var header = LogFormat.header()
            header[position] ^= 0x01
            FileDamage.write(header, to: damaged)
            #expect(throws: LogError.damagedHeader(path: damaged), "byte \(position)") { try LogFile.read(at: damaged) }
        }

        let missing = dir.file("missing.log")
        #expect(throws: LogError.self) { try LogFile.read(at: missing) }
    }

    @Test func createRefusesToOverwrite() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.log")
        try LogFile.create(at: path)
        #expect(throws: LogError.alreadyExists(path: path)) { try LogFile.create(at: path) }
    }

    @Test func secondWriterIsRefusedAndToldWhoHoldsTheLock() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("locked.log")
        let first = try LogWriter.open(path: path, holder: "first writer", create: true).writer
        do {
            _ = try LogWriter.open(path: path, holder: "second writer")
            Issue.record("the second writer was not refused")
        } catch let LogError.locked(lockedPath, lockPath, holder) {
            #expect(lockedPath == path)
            #expect(lockPath == path + ".lock")
            #expect(holder.contains("first writer"))
            #expect(holder.contains("pid \(FileSystem.processID)"))
        }
        // Readers are not disturbed by the writer.
        #expect(try LogFile.read(at: path).records.isEmpty)
        first.close()
        let second = try LogWriter.open(path: path, holder: "second writer").writer
        second.close()
    }
}
