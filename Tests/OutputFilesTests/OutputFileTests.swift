import Foundation
import Testing
import TestSupport
@testable import OutputFiles

/// An output the user names is written whole and never replaces what the name stands
/// for: a named pipe stays a pipe (and gets the bytes), a link stays a link (and its
/// target gets them), a file keeps its permissions, a directory is refused.
@Suite struct OutputFileTests {
    static func kind(_ path: String) -> mode_t {
        var status = stat()
        #expect(lstat(path, &status) == 0)
        return status.st_mode & S_IFMT
    }

    @Test func aNewFileAndAnExistingOneAreWrittenWhole() throws {
        let directory = TemporaryDirectory("output-file")
        defer { directory.remove() }
        let path = directory.file("答え.csv")
        try OutputFile.write(Array("一\n".utf8), to: path)
        try OutputFile.write(Array("二\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "二\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["答え.csv"], "no temporary file left")
    }

    @Test func anExistingFileKeepsItsPermissions() throws {
        let directory = TemporaryDirectory("output-file")
        defer { directory.remove() }
        let path = directory.file("private.tsv")
        try OutputFile.write([1], to: path)
        chmod(path, 0o600)
        try OutputFile.write([2, 3], to: path)
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func aNamedPipeStaysAPipeAndGetsTheBytes() throws {
        let directory = TemporaryDirectory("output-file")
        defer { directory.remove() }
        let fifo = directory.file("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = NamedPipeReader(fifo)
        try OutputFile.write(Array("via the pipe".utf8), to: fifo)
        #expect(reader.text() == "via the pipe")
        #expect(Self.kind(fifo) == S_IFIFO, "the pipe was replaced by a file")
    }

    @Test func aDeviceIsWrittenNotReplaced() throws {
        try OutputFile.write(Array("nothing".utf8), to: "/dev/null")
        #expect(Self.kind("/dev/null") == S_IFCHR)
    }

    @Test func aLinkStaysALinkAndItsTargetIsWritten() throws {
        let directory = TemporaryDirectory("output-file")
        defer { directory.remove() }
        let target = directory.file("target.dot"), link = directory.file("link.dot")
        try OutputFile.write([0x61], to: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.dot")
        try OutputFile.write([0x62], to: link)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(FileManager.default.contents(atPath: target) == Data([0x62]))
        // A dangling link: its target is made.
        let dangling = directory.file("later.dot")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "made-by-write.dot")
        try OutputFile.write([0x63], to: dangling)
        #expect(Self.kind(dangling) == S_IFLNK)
        #expect(FileManager.default.contents(atPath: directory.file("made-by-write.dot")) == Data([0x63]))
    }

    @Test func aDirectoryOrAMissingFolderIsAClearError() {
        let directory = TemporaryDirectory("output-file")
        defer { directory.remove() }
        #expect(throws: OutputFile.Failure.self) { try OutputFile.write([1], to: directory.path) }
        do {
            try OutputFile.write([1], to: directory.file("no/such/folder.csv"))
            Issue.record("wrote into a folder that does not exist")
        } catch {
            #expect(error.description.contains("no/such/folder.csv"))
            #expect(error.description.contains("No such file or directory"))
        }
        do { try OutputFile.write([1], to: directory.path) } catch {
            #expect(error.reason.contains("directory"))
        }
    }
}
