import Foundation
import Testing
import TestSupport
@testable import TransactionLog

/// Tears, truncates and flips bytes of a log, and checks what opening it recovers.
@Suite struct RecoveryTests {
    /// A log with `count` transactions whose bodies are "body 1", "body 2", …
    func makeLog(_ dir: TemporaryDirectory, count: Int) throws -> (path: String, offsets: [UInt64]) {
        let path = dir.file("test.log")
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

    @Test func roundTrip() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, _) = try makeLog(dir, count: 20)
        let contents = try LogFile.read(at: path)
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
        let writer = try LogWriter.open(path: path, holder: "test", after: (first.validEnd, 3)).writer
        try writer.append(author: "later", timestampMillis: 0, body: [1, 2, 3])
        writer.close()
        let later = try LogFile.readNew(at: path, after: (first.validEnd, 3))
        #expect(later.records.map(\.txID) == [4])
        #expect(later.records[0].author == "later")
    }

    /// Every way of tearing the last record: cut anywhere inside it, or zeros after it.
    @Test(arguments: [1, 4, 7, 8, 9, 12])
    func tornTailIsReportedThenCutByTheWriter(keep: Int) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 5)
        let cutAt = Int(offsets[4]) + keep
        FileDamage.truncate(path, to: cutAt)

        let read = try LogFile.read(at: path)
        #expect(read.records.count == 4)
        #expect(read.tornTail?.offset == offsets[4])

        let opening = try LogWriter.open(path: path, holder: "test")
        #expect(opening.cutTail?.offset == offsets[4])
        #expect(opening.contents.records.count == 4)
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

    @Test func checksumFailingLastRecordIsTorn() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 3)
        FileDamage.flip(path, at: Int(offsets[2]) + 10)
        let read = try LogFile.read(at: path)
        #expect(read.records.count == 2)
        #expect(read.tornTail?.offset == offsets[2])
    }

    @Test(arguments: [10, 0, 2, 5])
    func flippedByteInTheMiddleIsDamageWithItsOffset(byteInRecord: Int) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 6)
        let before = FileDamage.bytes(path)
        FileDamage.flip(path, at: Int(offsets[2]) + byteInRecord)
        let damaged = FileDamage.bytes(path)
        #expect(throws: LogError.damagedRecord(
            path: path, offset: offsets[2], expectedTxID: 3, nextValidOffset: offsets[3], nextValidTxID: 4)
        ) {
            try LogFile.read(at: path)
        }
        // Opening for writing refuses too, and changes nothing.
        #expect(throws: LogError.self) { try LogWriter.open(path: path, holder: "test") }
        #expect(FileDamage.bytes(path) == damaged)
        #expect(damaged != before)
    }

    @Test func cutKeepsTheRemovedBytesAside() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let (path, offsets) = try makeLog(dir, count: 6)
        let original = FileDamage.bytes(path)
        FileDamage.flip(path, at: Int(offsets[3]) + 9)
        let side = try LogFile.cut(at: path, offset: offsets[3], holder: "test")
        let contents = try LogFile.read(at: path)
        #expect(contents.records.count == 3)
        let kept = FileDamage.bytes(side)
        #expect(kept.count == original.count - Int(offsets[3]))
    }

    @Test func emptyTruncatedForeignAndNewerFilesAreRefused() throws {
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
        var header = LogFormat.header()
        header[8] = 2
        FileDamage.write(header, to: newer)
        #expect(throws: LogError.unsupportedVersion(path: newer, found: 2, supported: 1)) { try LogFile.read(at: newer) }

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
