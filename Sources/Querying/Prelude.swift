import Foundation
import TextLayout

/// Finds the prelude, `Queries/prelude.dl`, that defines the planners' relations.
public enum Prelude {
    public static let relativePath = "Queries/prelude.dl"

    /// The prelude to load: an explicit path; else `$WARDGRAPH_PRELUDE`; else
    /// `Queries/prelude.dl` in the project that holds the store (the store's
    /// directory's parent, as in `Graph/wardgraph.log`); else in the current directory.
    public static func locate(explicit: String?, storePath: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        if let path = environment["WARDGRAPH_PRELUDE"], !path.isEmpty { return path }
        var candidates: [String] = []
        if let storePath {
            let store = URL(fileURLWithPath: storePath).standardizedFileURL
            candidates.append(store.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relativePath).path)
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relativePath).path)
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The text of the prelude at `path`, or a message saying why it cannot be read.
    public static func read(_ path: String) -> Result<String, PreludeError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(PreludeError(path: path, reason: "cannot be read")) }
        do { return .success(try UTF8Text.decode(data, file: path)) } catch {
            return .failure(PreludeError(path: path, reason: "is not UTF-8 text:\n\(error.rendered())"))
        }
    }
}

public struct PreludeError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "prelude \(path) \(reason)" }
}
