import Foundation
import Testing
import TestSupport
@testable import LineEditor

/// `LineReader` on pipes and files: plain lines, nothing written.
@Suite struct LineReaderPlainTests {
    /// A pipe with `bytes` written and the writing end closed.
    func pipe(containing bytes: [UInt8]) -> Int32 {
        var ends: [Int32] = [0, 0]
        precondition(Glibc.pipe(&ends) == 0)
        bytes.withUnsafeBytes { _ = write(ends[1], $0.baseAddress!, $0.count) }
        close(ends[1])
        return ends[0]
    }

    @Test func readsLinesWithoutPromptsOrEscapes() throws {
        let input = pipe(containing: Array("?- ward(泉区).\r\nhelp\n\n".utf8) + [0xFF] + Array("last".utf8))
        defer { close(input) }
        var output: [Int32] = [0, 0]
        #expect(Glibc.pipe(&output) == 0)
        defer { close(output[0]) }

        let reader = LineReader(input: input, output: output[1])
        #expect(!reader.isInteractive)
        var results: [LineReader.Result] = []
        for _ in 0..<6 {
            results.append(reader.readLine(prompt: "泉区> "))
        }
        #expect(results == [
            .line("?- ward(泉区)."), .line("help"), .line(""), .line("\u{FFFD}last"), .endOfInput, .endOfInput,
        ])
        #expect(reader.history.entries.isEmpty)

        close(output[1])
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(read(output[0], &buffer, 16) == 0, "nothing may be written in plain mode")
    }

    @Test func readsFromAFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("script.dl")
        try "ward(泉区).\n?- ward(W).".write(toFile: path, atomically: true, encoding: .utf8)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let reader = LineReader(input: fd, output: fd)
        #expect(reader.readLine(prompt: "> ") == .line("ward(泉区)."))
        #expect(reader.readLine(prompt: "> ") == .line("?- ward(W)."))
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
    }

    @Test func emptyInputEndsAtOnce() {
        let input = pipe(containing: [])
        defer { close(input) }
        let reader = LineReader(input: input, output: input)
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
    }
}
