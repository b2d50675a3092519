import Foundation

/// Where the graph's data lives in a WardGraph project:
///
///     Graph/wardgraph.log   the default store (generated, not committed)
///     Graph/sources/        the policy documents it is built from
///     Graph/lexicon/        canonical organisation and plan names
///     Queries/prelude.dl    the planners' relations
public enum ProjectLayout {
    public static let defaultStore = "Graph/wardgraph.log"
    public static let sources = "Graph/sources"
    public static let lexicon = "Graph/lexicon"

    /// The lexicon directory: an explicit one; else `$WARDGRAPH_LEXICON`; else
    /// `lexicon/` beside the store (as `Graph/lexicon` beside `Graph/wardgraph.log`);
    /// else `Graph/lexicon` in the current directory.
    public static func lexiconDirectory(explicit: String?, storePath: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        if let path = environment["WARDGRAPH_LEXICON"], !path.isEmpty { return path }
        var candidates: [String] = []
        if let storePath {
            candidates.append(URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("lexicon").path)
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(lexicon).path)
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The documents of a directory: its `.txt` files, sorted by name.
    public static func documents(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
            .map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
    }
}
