import Foundation

/// Runs the `wardgraph` binary that `swift build` put beside the test bundle, for
/// end-to-end tests through the real command line.
public enum Wardgraph {
    /// What one run printed and how it ended.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The built binary: next to the test bundle (`.build/<config>/wardgraph`).
    public static var executable: URL {
        let bundle = Bundle.main.bundleURL
        for directory in [bundle.deletingLastPathComponent(), bundle, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("wardgraph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/wardgraph")
    }

    /// The package's root directory (where Package.swift is).
    public static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Writing to a child that has exited raises SIGPIPE, which would end the test run.
    public static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN); return () }()

    /// Runs `wardgraph ARGUMENTS` with `input` on standard input and waits for it.
    @discardableResult
    public static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], directory: String? = nil
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["WARDGRAPH_STORE"] = nil
        env["WARDGRAPH_AUTHOR"] = "tester"
        for (key, value) in environment { env[key] = value }
        return try runProgram(executable, arguments, input: input, environment: env, directory: directory)
    }

    /// Runs any program (`wardgraph`, a browser) with `input` on standard input and waits for it.
    public static func runProgram(
        _ program: URL, _ arguments: [String], input: String = "", environment: [String: String]? = nil, directory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while writing, so that a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        _ = ignoreBrokenPipes
        // The child may exit without reading its input; that must not stop the tests.
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
