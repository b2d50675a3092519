import Foundation

/// Runs Soufflé for the differential tests: `$WARDGRAPH_SOUFFLE`, else `souffle`
/// on the PATH. Soufflé has no Debian package, so CI has none and those tests are
/// skipped; the README says how to build it.
public enum Souffle {
    public static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["WARDGRAPH_SOUFFLE"], FileManager.default.isExecutableFile(atPath: named) { return named }
        return SearchPath.executable("souffle")
    }()

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `program` (interpreted, one thread) over the facts in `facts`, and
    /// returns the rows of each output relation, each row its tab-separated fields.
    public static func run(program: String, facts: String? = nil, outputs: [String]) throws -> [String: [[String]]] {
        let directory = TemporaryDirectory("souffle")
        defer { directory.remove() }
        let source = directory.file("program.dl")
        try program.write(toFile: source, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory.file("out"), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        process.arguments = ["-j1", "-D", directory.file("out")] + (facts.map { ["-F", $0] } ?? []) + [source]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "souffle failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))\n\(program)")
        }
        var rows: [String: [[String]]] = [:]
        for name in outputs {
            let text = try String(contentsOfFile: directory.file("out/\(name).csv"), encoding: .utf8)
            rows[name] = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
                line == "()" ? [] : line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return rows
    }
}
