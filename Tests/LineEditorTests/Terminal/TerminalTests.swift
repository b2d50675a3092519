import Foundation
import Testing
import TestSupport
@testable import LineEditor

/// Tests that put a pty in raw mode from this process. They run one at a time:
/// the SIGTERM/SIGHUP guard is process-wide, and a signal test restores every
/// terminal in raw mode at that moment.
@Suite(.serialized) struct TerminalIOTests {}

extension TerminalIOTests {
    @Suite struct TerminalTests {
        @Test func rawModeTurnsOffTheLineDisciplineAndLeavingRestoresIt() throws {
            let pty = try PseudoTerminal()
            let before = try pty.modes()
            let terminal = Terminal(input: pty.slaveDescriptor, output: pty.slaveDescriptor)
            #expect(terminal.isInteractive)
            try terminal.enterRawMode()
            #expect(terminal.isInRawMode)
            let raw = try pty.modes()
            #expect(raw.c_lflag & tcflag_t(ICANON | ECHO | ISIG | IEXTEN) == 0)
            #expect(raw.c_iflag & tcflag_t(IXON | ICRNL) == 0)
            #expect(raw.c_oflag & tcflag_t(OPOST) == 0)
            #expect(withUnsafeBytes(of: raw.c_cc) { $0[Int(VMIN)] } == 1)
            terminal.leaveRawMode()
            terminal.leaveRawMode()
            let after = try pty.modes()
            #expect(after.c_lflag == before.c_lflag)
            #expect(after.c_iflag == before.c_iflag)
            #expect(after.c_oflag == before.c_oflag)
            #expect(pty.read() == "\u{1B}[?2004h\u{1B}[?2004l")
        }

        struct Boom: Error {}

        @Test func anErrorThrownInRawModeRestoresTheTerminal() throws {
            let pty = try PseudoTerminal()
            let terminal = Terminal(input: pty.slaveDescriptor, output: pty.slaveDescriptor)
            #expect(throws: Boom.self) {
                try terminal.withRawMode {
                    #expect(try !pty.isCooked())
                    throw Boom()
                }
            }
            #expect(try pty.isCooked())
            #expect(!terminal.isInRawMode)
        }

        @Test func droppingTheTerminalRestoresIt() throws {
            let pty = try PseudoTerminal()
            do {
                let terminal = Terminal(input: pty.slaveDescriptor, output: pty.slaveDescriptor)
                try terminal.enterRawMode(bracketedPaste: false)
            }
            #expect(try pty.isCooked())
        }

        @Test(arguments: [SIGTERM, SIGHUP])
        func aTerminationSignalRestoresTheTerminal(_ signalNumber: Int32) throws {
            let pty = try PseudoTerminal()
            let terminal = Terminal(input: pty.slaveDescriptor, output: pty.slaveDescriptor)
            let received = DispatchSemaphore(value: 0)
            TerminationGuard.shared.setActionAfterRestoring { _ in received.signal() }
            defer { TerminationGuard.shared.setActionAfterRestoring(nil) }

            try terminal.enterRawMode()
            #expect(try !pty.isCooked())
            // Without the guard the signal would end the test process: check first.
            try #require(TerminationGuard.shared.isGuarding(signalNumber))
            kill(getpid(), signalNumber)
            #expect(received.wait(timeout: .now() + 5) == .success)

            #expect(try pty.isCooked())
            #expect(!terminal.isInRawMode)
            #expect(pty.read().hasSuffix("\u{1B}[?2004l"))
            terminal.leaveRawMode()
            #expect(TerminationGuard.shared.registeredCount == 0)
        }

        @Test func widthComesFromTheTerminalOrDefaultsTo80() throws {
            let pty = try PseudoTerminal(columns: 123, rows: 45)
            #expect(Terminal(input: pty.slaveDescriptor, output: pty.slaveDescriptor).width == 123)
            var pipeEnds: [Int32] = [0, 0]
            #expect(pipe(&pipeEnds) == 0)
            defer { close(pipeEnds[0]); close(pipeEnds[1]) }
            let piped = Terminal(input: pipeEnds[0], output: pipeEnds[1])
            #expect(piped.width == 80)
            #expect(!piped.isInteractive)
        }
    }
}
