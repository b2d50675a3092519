import Foundation

/// A fresh directory under the system's temporary directory, removed on `remove()`.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(_ name: String = "wardgraph-test") {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { "\(path)/\(name)" }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Whole-file helpers that tear, truncate and flip bytes, for corruption tests.
public enum FileDamage {
    public static func bytes(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path)!)
    }

    public static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    public static func truncate(_ path: String, to size: Int) {
        write(Array(bytes(path).prefix(size)), to: path)
    }

    public static func flip(_ path: String, at offset: Int) {
        var content = bytes(path)
        content[offset] ^= 0x5A
        write(content, to: path)
    }

    public static func append(_ extra: [UInt8], to path: String) {
        write(bytes(path) + extra, to: path)
    }
}
