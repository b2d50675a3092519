import Foundation
import Testing
import TestSupport
@testable import LineEditor

extension TerminalIOTests {
    /// `LineReader` in a terminal: a pty whose slave side the reader uses, the test
    /// typing on the master side.
    @Suite struct LineReaderTerminalTests {
        @Test func typesAndEditsAJapaneseLine() throws {
            let pty = try PseudoTerminal()
            let reader = LineReader(input: pty.slaveDescriptor, output: pty.slaveDescriptor)
            #expect(reader.isInteractive)
            let read = BackgroundRead(reader, prompt: "泉区> ")
            try pty.waitForRawMode()
            try pty.write("?- ward(栄区)")
            try pty.write("\u{1B}[D\u{1B}[D\u{7F}")  // Left, Left, Backspace: 栄 goes
            try pty.write("港北\r")
            #expect(read.wait() == .line("?- ward(港北区)"))

            #expect(try pty.isCooked())
            try pty.waitFor("\u{1B}[?2004h")
            try pty.waitFor("\r泉区> \u{1B}[J")
            try pty.waitFor("\r泉区> ?- ward(港北区)\u{1B}[J\r\n")
            try pty.waitFor("\u{1B}[?2004l")
            #expect(reader.history.entries == ["?- ward(港北区)"])
        }

        @Test func linesPastedAtOnceComeOneCallAtATime() throws {
            let pty = try PseudoTerminal()
            let reader = LineReader(input: pty.slaveDescriptor, output: pty.slaveDescriptor)
            let first = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("?- ward(泉区).\rhelp\r\r?- policy(P).\r")
            #expect(first.wait() == .line("?- ward(泉区)."))
            #expect(BackgroundRead(reader, prompt: "> ").wait() == .line("help"))
            #expect(BackgroundRead(reader, prompt: "> ").wait() == .line(""))
            #expect(BackgroundRead(reader, prompt: "> ").wait() == .line("?- policy(P)."))
        }

        @Test func bracketedPasteLinesComeOneByOneAndTheLastStaysForEditing() throws {
            let pty = try PseudoTerminal()
            let reader = LineReader(
                input: pty.slaveDescriptor, output: pty.slaveDescriptor,
                completer: WordListCompleter(words: ["ward"])
            )
            let first = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("\u{1B}[200~ward(泉区)\n\tpolicy\nwa\u{1B}[201~")
            #expect(first.wait() == .line("ward(泉区)"))
            #expect(BackgroundRead(reader, prompt: "> ").wait() == .line(" policy"))
            let third = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("\t\r")  // typed Tab completes the pasted "wa"
            #expect(third.wait() == .line("ward"))
        }

        @Test func ctrlCInterruptsAndCtrlDOnAnEmptyLineEndsInput() throws {
            let pty = try PseudoTerminal()
            let reader = LineReader(input: pty.slaveDescriptor, output: pty.slaveDescriptor)
            let interrupted = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("half a line\u{03}")
            #expect(interrupted.wait() == .interrupted)
            try pty.waitFor("half a line\u{1B}[J^C\r\n")

            let ended = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("x\u{7F}\u{04}")
            #expect(ended.wait() == .endOfInput)
            #expect(reader.history.entries.isEmpty)
            #expect(try pty.isCooked())
        }

        @Test func historyIsSavedAndRecalledWithUp() throws {
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.file("history")
            let pty = try PseudoTerminal()
            let reader = LineReader(
                input: pty.slaveDescriptor, output: pty.slaveDescriptor,
                history: History(filePath: path)
            )
            let first = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("?- ward(泉区).\r")
            #expect(first.wait() == .line("?- ward(泉区)."))
            #expect(History(filePath: path).entries == ["?- ward(泉区)."])
            #expect(reader.historySaveError == nil)

            let second = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("\u{1B}[A\r")
            #expect(second.wait() == .line("?- ward(泉区)."))
            #expect(History(filePath: path).entries == ["?- ward(泉区)."])
        }

        @Test func secondTabListsCandidatesUnderTheLine() throws {
            let pty = try PseudoTerminal(columns: 40)
            let reader = LineReader(
                input: pty.slaveDescriptor, output: pty.slaveDescriptor,
                completer: WordListCompleter(words: ["泉区", "泉町"])
            )
            let read = BackgroundRead(reader, prompt: "> ")
            try pty.waitForRawMode()
            try pty.write("泉\t\t")
            try pty.waitFor("\u{07}")
            try pty.waitFor("\r> 泉\u{1B}[J\r\n泉区  泉町\r\n\r> 泉\u{1B}[J")
            try pty.write("\u{03}")
            #expect(read.wait() == .interrupted)
        }
    }
}
