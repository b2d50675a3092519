import Foundation

/// Long output a screen at a time, through the pager people already use: answers
/// of hundreds of rows on a terminal go to `$WARDGRAPH_PAGER`, else `$PAGER`, else
/// `less -FRX` (quit at once if it fits after all, keep colours, leave the text on
/// the screen). Output that fits the screen, and output to a file or a pipe, is
/// written directly. Setting `WARDGRAPH_PAGER` to the empty text turns paging off.
///
/// The pager runs through `/bin/sh -c` as git and man run theirs: the command is
/// the user's own setting, never text from a query.
public struct Pager: Sendable {
    /// The shell command that pages.
    public let command: String

    /// The pager the environment asks for; nil when paging is turned off.
    public init?(environment: [String: String]) {
        let chosen = environment["WARDGRAPH_PAGER"] ?? environment["PAGER"] ?? "less -FRX"
        guard !chosen.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        command = chosen
    }

    /// Whether `text` is taller than a terminal of `rows` rows (a line is left for the prompt).
    public static func isTooLong(_ text: String, rows: Int) -> Bool {
        var lines = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") {
            lines += 1
            if lines >= rows { return true }
        }
        return false
    }

    /// Shows `text` in the pager and waits until it is closed; false when the pager
    /// could not be started (the caller then writes the text itself).
    public func show(_ text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        do { try process.run() } catch { return false }
        // A pager quit before reading everything closes the pipe: that is no error,
        // and must not end the program with SIGPIPE.
        let previous = signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        signal(SIGPIPE, previous)
        return process.terminationStatus != 127
    }
}
