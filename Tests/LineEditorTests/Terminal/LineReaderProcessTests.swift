import Foundation
import Testing
import TestSupport
@testable import LineEditor

/// `LineReader` in a separate process on a pty: what cannot be tested inside the
/// test process, because the process must die. The child is this test binary
/// itself, started on one test (`child`) that only does something when
/// `LINEEDITOR_TEST_CHILD` is set.
@Suite struct LineReaderProcessTests {
    static let childVariable = "LINEEDITOR_TEST_CHILD"

    /// As a child: read a line on the pty (standard input and output), raw mode
    /// on, until killed. Otherwise: nothing.
    @Test func child() {
        guard ProcessInfo.processInfo.environment[Self.childVariable] != nil else { return }
        let reader = LineReader()
        print("child ready:", terminator: " ")  // buffered by stdio until readLine flushes it
        _ = reader.readLine(prompt: "child> ")
        _ = reader.readLine(prompt: "child> ")
    }

    static func launchChild(on pty: PseudoTerminal) throws {
        let executable = try PseudoTerminal.builtProduct(named: "WardGraphPackageTests.xctest")
        var environment = ProcessInfo.processInfo.environment
        environment[childVariable] = "1"
        environment["TERM"] = "xterm-256color"
        try pty.launch(
            executable: executable,
            arguments: ["--testing-library", "swift-testing", "--filter", "LineReaderProcessTests/child"],
            environment: environment
        )
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func terminationSignalRestoresTheTerminalAndStillEndsTheProcess(_ signalNumber: Int32) throws {
        let pty = try PseudoTerminal()
        try Self.launchChild(on: pty)
        try pty.waitFor("child> ", timeout: .seconds(30))
        try pty.waitForRawMode()
        #expect(try !pty.isCooked())

        kill(pty.process!.processIdentifier, signalNumber)
        try pty.waitForExit()
        #expect(pty.terminationReason == .uncaughtSignal)
        #expect(pty.process?.terminationStatus == signalNumber)
        #expect(try pty.isCooked(), "the terminal must be left as it was")
        #expect(pty.output.hasSuffix("\u{1B}[?2004l"))
    }

    @Test func aChildProcessEditsAndSubmitsLines() throws {
        let pty = try PseudoTerminal()
        try Self.launchChild(on: pty)
        try pty.waitFor("child ready: \u{1B}[?2004h\rchild> \u{1B}[J", timeout: .seconds(30))
        try pty.waitForRawMode()
        try pty.write("?- ward(泉区).\r")
        try pty.waitFor("\r\n")
        try pty.waitFor("child> ")
        try pty.write("\u{04}")
        #expect(try pty.waitForExit(timeout: .seconds(30)) == 0)
        #expect(try pty.isCooked())
    }

    @Test func ctrlZGivesTheTerminalBackWhileStoppedAndTakesItAgainOnContinue() throws {
        let pty = try PseudoTerminal()
        try Self.launchChild(on: pty)
        try pty.waitFor("child> ", timeout: .seconds(30))
        try pty.waitForRawMode()
        try pty.write("ward")
        try pty.waitFor("ward")
        try pty.write("\u{1A}")  // Ctrl-Z

        let pid = pty.process!.processIdentifier
        try Self.waitUntil("the child stops") { Self.state(of: pid) == "T" }
        #expect(try pty.isCooked())

        kill(pid, SIGCONT)
        try pty.waitForRawMode()
        try pty.waitFor("\rchild> ward\u{1B}[J")  // redrawn after the shell's `fg`
        try pty.write("(泉区)\r")
        try pty.waitFor("ward(泉区)\u{1B}[J\r\n")
        // Keys typed between two readLine calls meet the cooked line discipline
        // (Ctrl-D would become a NUL): wait for the next prompt, as a user would.
        try pty.waitFor("child> ")
        try pty.write("\u{04}")
        #expect(try pty.waitForExit(timeout: .seconds(30)) == 0)
    }

    /// The state letter in /proc/<pid>/stat: R, S, T (stopped), Z …
    static func state(of pid: Int32) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")")
        else { return nil }
        return stat[end...].dropFirst(2).first
    }

    static func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw PseudoTerminal.Failure(message: "timed out: \(what)") }
            usleep(5_000)
        }
    }
}
