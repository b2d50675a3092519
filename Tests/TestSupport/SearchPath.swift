import Foundation

/// Programs found as a shell finds them, for tests and benchmarks that run other
/// tools (Python, Soufflé, valgrind) and skip or explain when one is missing.
public enum SearchPath {
    /// The first executable `name` in a directory of PATH, if any.
    public static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
