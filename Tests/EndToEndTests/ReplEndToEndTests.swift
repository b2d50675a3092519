import Foundation
import Testing
import TestSupport

/// The REPL through the real binary: a script on standard input, and a session in
/// a pseudo-terminal typed key by key.
@Suite struct ReplEndToEndTests {
    static let fixtures = Wardgraph.packageRoot.path + "/Tests/EndToEndTests/Fixtures"

    @Test func aScriptOnStandardInputGivesTheExpectedOutput() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let script = try String(contentsOfFile: Self.fixtures + "/session.dl", encoding: .utf8)
        let expected = try String(contentsOfFile: Self.fixtures + "/session.expected", encoding: .utf8)
        let result = try Wardgraph.run([], input: script, directory: project.path)
        #expect(result.stdout == expected)
        // The misspelt relation is reported with its caret; a script with an error exits with 1.
        #expect(result.stderr.contains("""
            <input>:1:4: error: unknown relation 'bussy'; did you mean 'busy'?
             1 | ?- bussy(P).
               |    ^^^^^
            """))
        #expect(result.status == 1)
        // No prompt and no escape sequence in a pipe.
        #expect(!result.stdout.contains("wardgraph>"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func echoingAQueryIntoTheProgramPrintsItsAnswer() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let result = try Wardgraph.run([], input: "?- ward(W).", directory: project.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("ward:泉区"))
        #expect(result.stdout.contains("(5 rows"))
    }

    @Test func aSessionInATerminal() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        // Build the store first, so the session starts at once.
        #expect(try Wardgraph.run(["log"], directory: project.path).status == 0)
        let pty = try PseudoTerminal(columns: 100, rows: 40)
        var environment = ProcessInfo.processInfo.environment
        environment["WARDGRAPH_HISTORY"] = project.file("history")
        environment["WARDGRAPH_AUTHOR"] = "tester"
        try pty.launch(executable: Wardgraph.executable.path, arguments: [], environment: environment, currentDirectory: project.path)
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()

        // A Japanese query with editing: a doubled 区 deleted with Backspace, the
        // closing part typed after jumping to the start and back to the end.
        try pty.write("?- shares_partner_with(泉区区")
        try pty.write([0x7F])                 // Backspace removes one (wide) character
        try pty.write(", W, P)")
        try pty.write([0x01])                 // Ctrl-A: to the start
        try pty.write([0x05])                 // Ctrl-E: back to the end
        try pty.write(".\r")
        try pty.waitFor("旭区    地域防災拠点")
        try pty.waitFor("wardgraph> ")

        // A rule over two lines: the prompt shows the continuation.
        try pty.waitForRawMode()
        try pty.write("busy(P) :-\r")
        try pty.waitFor("...> ")
        try pty.waitForRawMode()
        try pty.write("  partner_wards(P, N), N >= 3.\r")
        try pty.waitFor("rule added for busy")
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        try pty.write("?- busy(P).\r")
        try pty.waitFor("(3 rows")

        // An error shows the caret under the culprit, and the session goes on.
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        try pty.write("?- bussy(P).\r")
        try pty.waitFor("did you mean 'busy'?")
        try pty.waitFor("^^^^^")
        try pty.waitFor("wardgraph> ")

        try pty.waitForRawMode()
        try pty.write(":quit\r")
        let status = try pty.waitForExit()
        #expect(status == 0)
        #expect(try pty.isCooked())
        // The history file has the session's lines.
        let history = try String(contentsOfFile: project.file("history"), encoding: .utf8)
        #expect(history.contains("?- shares_partner_with(泉区, W, P)."))
    }

    @Test func controlCCancelsARunningQueryAndClearsALine() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        #expect(try Wardgraph.run(["log"], directory: project.path).status == 0)
        let pty = try PseudoTerminal(columns: 100, rows: 40)
        var environment = ProcessInfo.processInfo.environment
        environment["WARDGRAPH_HISTORY"] = project.file("history")
        try pty.launch(executable: Wardgraph.executable.path, arguments: [], environment: environment, currentDirectory: project.path)
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        // A recursion without end: only the limits or Ctrl-C stop it.
        try pty.write("+n(0). n(M) :- n(K), M = K + 1.\r")
        try pty.waitFor("rule added for n")
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        try pty.write("?- n(X), X < 0.\r")
        Thread.sleep(forTimeInterval: 0.5)
        // The terminal is in its normal mode while a query runs, so Ctrl-C is SIGINT
        // (sent directly: the pty is not the child's controlling terminal).
        pty.interrupt()
        try pty.waitFor("cancelled")
        try pty.waitFor("wardgraph> ")
        // Ctrl-C while typing clears the line; the session goes on.
        try pty.waitForRawMode()
        try pty.write("?- ward(")
        try pty.write([0x03])
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        try pty.write("?- ward(W).\r")
        try pty.waitFor("(5 rows")
        try pty.waitFor("wardgraph> ")
        try pty.waitForRawMode()
        try pty.write([0x04])  // Ctrl-D leaves
        #expect(try pty.waitForExit() == 0)
        #expect(try pty.isCooked())
    }
}

/// The command line and the shell show the log and a history through one view each.
@Suite struct SameViewsTests {
    @Test func logAndHistoryReadTheSameInTheShellAndOnTheCommandLine() throws {
        let project = try ScratchProject.make()
        defer { project.remove() }
        let log = try Wardgraph.run(["log"], directory: project.path)
        let history = try Wardgraph.run(["history", "partner:商店街"], directory: project.path)
        let shell = try Wardgraph.run([], input: ":log\n:history partner:商店街\n", directory: project.path)
        #expect(log.status == 0 && history.status == 0 && shell.status == 0)
        #expect(shell.stdout == log.stdout + history.stdout)
        // --format applies to the listings as to answers.
        let csv = try Wardgraph.run(["history", "partner:商店街", "--format", "csv"], directory: project.path)
        #expect(csv.stdout.hasPrefix("tx,time,,entity,attribute,value,source,author\n"))
        let shellCSV = try Wardgraph.run([], input: ":format csv\n:history partner:商店街\n", directory: project.path)
        #expect(shellCSV.stdout == csv.stdout)
    }
}
