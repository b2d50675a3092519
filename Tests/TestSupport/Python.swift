import Foundation

/// Python 3, for tests that read what WardGraph writes with another program's
/// parser (`csv`, `zipfile`, `xml`): present on CI (`.ci/run`), and the tests that
/// need it skip with a message where it is absent.
public enum Python {
    /// The `python3` on PATH, if any.
    public static let executable: String? = SearchPath.executable("python3")

    public static var isInstalled: Bool { executable != nil }

    /// Runs `script` with `arguments` in `python` (by default the `python3` on PATH;
    /// a virtual environment's for packages such as pyoxigraph); its standard output,
    /// or an error with its standard error.
    public static func run(_ script: String, _ arguments: [String] = [], python: String? = nil) throws -> String {
        guard let executable = python ?? executable else { throw Failure(message: "python3 is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errors = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0 else { throw Failure(message: String(decoding: errors, as: UTF8.self)) }
        return String(decoding: output, as: UTF8.self)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "python3 failed: \(message)" }
    }
}
