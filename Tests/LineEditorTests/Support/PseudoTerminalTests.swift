import Foundation
import Testing
import TestSupport

/// The test helper tested against system programs, so that REPL end-to-end tests
/// can trust it.
@Suite struct PseudoTerminalTests {
    @Test func catEchoesThroughTheTerminalAndEndsOnCtrlD() throws {
        let pty = try PseudoTerminal()
        try pty.launch(executable: "/bin/cat")
        try pty.write("泉区\n")
        // The line discipline echoes the line (ECHO, ONLCR), then cat prints it.
        try pty.waitFor("泉区\r\n泉区\r\n")
        try pty.write([0x04])  // Ctrl-D at the start of a line: end of file for cat
        #expect(try pty.waitForExit() == 0)
        #expect(pty.terminationReason == .exit)
    }

    @Test func theProgramSeesATerminalOfTheRequestedSize() throws {
        let pty = try PseudoTerminal(columns: 123, rows: 45)
        try pty.launch(executable: "/bin/stty", arguments: ["-a"])
        #expect(try pty.waitForExit() == 0)
        #expect(pty.output.contains("rows 45; columns 123"))
        #expect(pty.output.contains(" icanon"))
        #expect(pty.output.contains(" echo"))
    }

    @Test func resizeIsSeenByTheNextQuery() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        try pty.resize(columns: 40, rows: 10)
        try pty.launch(executable: "/bin/stty", arguments: ["size"])
        #expect(try pty.waitForExit() == 0)
        #expect(pty.output.contains("10 40"))
    }

    @Test func argumentsArePassedWithoutAShell() throws {
        let pty = try PseudoTerminal()
        try pty.launch(executable: "/bin/echo", arguments: ["$HOME", "a b", "泉区;exit 1"])
        #expect(try pty.waitForExit() == 0)
        #expect(pty.output == "$HOME a b 泉区;exit 1\r\n")
    }

    @Test func waitForConsumesOutputSoASecondWaitNeedsANewOccurrence() throws {
        let pty = try PseudoTerminal()
        try pty.launch(executable: "/bin/cat")
        try pty.write("one\n")
        try pty.waitFor("one\r\n")
        let secondEcho = try pty.waitFor("one\r\n")
        #expect(secondEcho == "one\r\n")
        #expect(throws: PseudoTerminal.Failure.self) {
            try pty.waitFor("one", timeout: .milliseconds(300))
        }
        pty.terminate()
        try pty.waitForExit()
        #expect(pty.terminationReason == .uncaughtSignal)
    }

    @Test func readReturnsNothingWhenNothingWasPrinted() throws {
        let pty = try PseudoTerminal()
        try pty.launch(executable: "/bin/cat")
        #expect(pty.read(timeout: .milliseconds(100)) == "")
        pty.interrupt()
        try pty.waitForExit()
    }

    @Test func timeoutErrorsShowTheOutputSoFar() throws {
        let pty = try PseudoTerminal()
        try pty.launch(executable: "/bin/echo", arguments: ["something else"])
        do {
            try pty.waitFor("expected", timeout: .milliseconds(300))
            Issue.record("waitFor should have timed out")
        } catch let failure as PseudoTerminal.Failure {
            #expect(failure.description.contains("something else"))
        }
    }

    @Test func builtProductsAreFoundBesideTheTests() throws {
        #expect(throws: PseudoTerminal.Failure.self) { try PseudoTerminal.builtProduct(named: "no-such-product") }
    }
}
