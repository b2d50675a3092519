import Foundation
import Testing
import TestSupport
@testable import LineEditor

@Suite struct HistoryTests {
    @Test func blankLinesAndConsecutiveDuplicatesAreNotAdded() {
        var history = History()
        var added: [Bool] = []
        for line in ["?- ward(泉区).", "?- ward(泉区).", "   ", "", "help", "?- ward(泉区)."] {
            added.append(history.add(line))
        }
        #expect(added == [true, false, false, false, true, true])
        #expect(history.entries == ["?- ward(泉区).", "help", "?- ward(泉区)."])
    }

    @Test func theOldestEntriesGoFirst() {
        var history = History(maximumCount: 3)
        for line in ["a", "b", "c", "d", "e"] {
            history.add(line)
        }
        #expect(history.entries == ["c", "d", "e"])
        #expect(History(entries: ["a", "a", "b"], maximumCount: 1).entries == ["b"])
        var none = History(maximumCount: 0)
        let added = none.add("a")
        #expect(!added)
        #expect(none.entries.isEmpty)
    }

    static let awkwardEntries = [
        "?- ward(泉区).",
        "policy(P) :-\n    ward(W),\n    P = \"ごみ\".",
        "a backslash \\ and a literal \\n and \\\\",
        "ends with a backslash \\",
        "carriage\rreturn",
        "👍🏽 か\u{3099}",
        "\tindented with a tab",
    ]

    @Test func fileRoundTripKeepsEveryEntryExactly() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("history")
        try History(entries: Self.awkwardEntries, filePath: path).save()

        let content = try String(contentsOfFile: path, encoding: .utf8)
        #expect(content.split(separator: "\n", omittingEmptySubsequences: false).count == Self.awkwardEntries.count + 1)

        let loaded = History(filePath: path)
        #expect(loaded.entries == Self.awkwardEntries)
        #expect(loaded.loadProblem == nil)
    }

    @Test func savedFileIsPrivate() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("history")
        try History(entries: ["secret"], filePath: path).save()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func missingFileIsAnEmptyHistoryWithoutProblem() {
        let history = History(filePath: "/nonexistent-\(UUID().uuidString)/history")
        #expect(history.entries.isEmpty)
        #expect(history.loadProblem == nil)
    }

    @Test func damagedFileLoadsWhatItCan() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("history")
        var bytes: [UInt8] = []
        bytes += Array("?- ward(泉区).\n".utf8)
        bytes += [0xFF, 0xFE] + Array("broken\n".utf8)          // invalid UTF-8
        bytes += Array("\n\n".utf8)                               // empty lines
        bytes += Array("nul\0byte\n".utf8)                        // NUL byte
        bytes += Array("unknown \\q escape\n".utf8)               // unknown escape
        bytes += Array("windows line\r\n".utf8)                   // CR LF
        bytes += Array("truncated \\".utf8)                       // trailing backslash, no newline
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let history = History(filePath: path)
        #expect(history.entries == [
            "?- ward(泉区).",
            "\u{FFFD}\u{FFFD}broken",
            "nulbyte",
            "unknown \\q escape",
            "windows line",
            "truncated \\",
        ])
        #expect(history.loadProblem?.contains("not valid UTF-8") == true)
    }

    @Test func unreadableFileGivesAnEmptyHistoryAndSaveFailsCleanly() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("history")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)

        var history = History(filePath: path)
        #expect(history.entries.isEmpty)
        #expect(history.loadProblem != nil)
        history.add("still works")
        #expect(throws: SystemCallError.self) { try history.save() }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["history"])
    }

    @Test func encodingEscapesOnlyBackslashAndLineBreaks() {
        #expect(History.encode(["a\\b\nc\rd 泉"]) == "a\\\\b\\nc\\rd 泉\n")
        #expect(History.decode("a\\\\b\\nc\\rd 泉\n") == ["a\\b\nc\rd 泉"])
    }
}
