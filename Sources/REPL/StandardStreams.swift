import Foundation

/// The REPL's output on standard output and standard error, written at once
/// (a prompt follows every answer, so nothing may wait in a buffer).
public final class StandardStreams: ReplOutput {
    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.writeAll(text)
    }

    public func error(_ text: String) {
        FileHandle.standardError.writeAll(text)
    }
}

extension FileHandle {
    /// Writes text, ignoring a closed pipe (the reader has gone; there is no one to tell).
    func writeAll(_ text: String) {
        try? write(contentsOf: Data(text.utf8))
    }
}
